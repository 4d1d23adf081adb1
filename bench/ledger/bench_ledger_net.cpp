// SwarmLedger network throughput: three in-process authorities on loopback (Clique, 1 s
// period, p2p gossip over TCP, SQLite WAL with synchronous=FULL), each figure also as a ratio
// of the secp256k1 recovery rate measured in the same run.
//   1. ERC-20 transfers/s from submission to inclusion: pre-signed NRG transfers from 300
//      senders submitted to the three authorities (each sender to one), clock from the first
//      submission until every transfer has a receipt on all three nodes;
//   2. readings minted/s: hub-signed readings relayed to NRGcoin.submitReading, same path.
//   3. JSON-RPC read latency during (1): a client on one authority's RPC server sends, every
//      5 ms, eth_blockNumber, eth_getBalance, eth_call (balanceOf) and eth_getBlockByNumber(latest)
//      while blocks are produced and imported; p50/p99/max in ms.
// usage: bench_ledger_net [TRANSFERS] [READINGS]    (defaults 12000 and 3000)
#include "bench/ledger_common/LedgerBenchSupport.h"
#include "ledger/authority/AuthorityNode.h"
#include "ledger/contracts/MeterReading.h"
#include "ledger/contracts/SwarmergyContracts.h"
#include "ledger/rpc/RpcClient.h"
#include "ledger/rpc/RpcServer.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <thread>

using namespace swarmergy::ledger;
using namespace swarmergy::ledger::contracts;
using swarmergy::ledger::authority::AuthorityConfig;
using swarmergy::ledger::authority::AuthorityNode;
using Clock = std::chrono::steady_clock;
namespace rpc = swarmergy::ledger::rpc;

namespace {

using bench::keyFor;
using bench::secondsSince;
using bench::signedCall;
namespace json = boost::json;

// JSON-RPC reads on one keep-alive connection until `stop`, one every 5 ms (a paced client:
// a closed loop would take a core of this 2-core machine from the authorities); latencies in ms.
std::vector<double> probeReads(std::uint16_t port, const Address& who, const std::atomic<bool>& stop) {
    rpc::RpcClient client("127.0.0.1", port);
    const std::string addr = toHex(view(who));
    const std::vector<std::string> requests = {
        R"({"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]})",
        json::serialize(json::object{{"jsonrpc", "2.0"}, {"id", 2}, {"method", "eth_getBalance"}, {"params", json::array{addr, "latest"}}}),
        json::serialize(json::object{
            {"jsonrpc", "2.0"}, {"id", 3}, {"method", "eth_call"},
            {"params", json::array{json::object{{"to", toHex(view(kNrgToken))}, {"data", toHex(view(call::balanceOf(who)))}}, "latest"}}}),
        R"({"jsonrpc":"2.0","id":4,"method":"eth_getBlockByNumber","params":["latest",false]})"};
    std::vector<double> ms;
    auto next = Clock::now();
    for (std::size_t i = 0; !stop; ++i) {
        next += std::chrono::milliseconds(5);
        std::this_thread::sleep_until(next);
        const auto s = Clock::now();
        const rpc::HttpReply reply = client.post(requests[i % requests.size()]);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
        if (reply.status != 200 || reply.body.find("\"result\"") == std::string::npos) {
            std::printf("warning: RPC probe failed: %u %s\n", reply.status, reply.body.c_str());
            break;
        }
    }
    return ms;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

constexpr std::size_t kSenders = 300;

// Submits each batch to its node, then waits until every transaction is included on every
// node (each sender's account nonce reaches its last nonce + 1: a cheap check, where a
// receipt lookup would decode whole blocks); returns transactions per second.
// `recoveries` receives the secp256k1 recoveries the nodes performed meanwhile (p2p envelopes
// and block seals included).
double submitAndWait(std::vector<std::unique_ptr<AuthorityNode>>& nodes, const std::vector<std::vector<Bytes>>& perNode,
                     std::uint64_t* recoveries = nullptr) {
    std::map<Address, std::uint64_t> expected;
    std::size_t total = 0;
    for (const auto& batch : perNode)
        for (const auto& raw : batch) {
            const SignedTransaction tx = SignedTransaction::fromRaw(view(raw));
            expected[tx.sender] = std::max(expected[tx.sender], tx.tx.nonce + 1);
            ++total;
        }
    const std::uint64_t recoveriesBefore = recoveriesAttempted();
    struct Count {
        std::uint64_t* out;
        std::uint64_t before;
        ~Count() {
            if (out) *out = recoveriesAttempted() - before;
        }
    } count{recoveries, recoveriesBefore};
    const auto t0 = Clock::now();
    std::vector<std::thread> submitters;
    std::atomic<std::size_t> refused{0};
    for (std::size_t i = 0; i < nodes.size(); ++i)
        submitters.emplace_back([&, i] {
            for (const auto& raw : perNode[i])
                if (!nodes[i]->submitRawTransaction(view(raw)).accepted) ++refused;
        });
    for (auto& t : submitters) t.join();
    if (std::getenv("BENCH_DEBUG")) std::printf("  submitted in %.2f s\n", secondsSince(t0));
    if (refused) std::printf("warning: %zu transactions refused at submission\n", refused.load());
    auto last = Clock::now();
    for (auto& n : nodes)
        for (const auto& [sender, nonce] : expected)
            while (n->chain().account(sender).nonce < nonce) {
                if (secondsSince(t0) > 240) {
                    std::printf("timeout waiting for inclusion\n");
                    return total / secondsSince(t0);
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
                if (std::getenv("BENCH_DEBUG") && secondsSince(last) > 2) {
                    last = Clock::now();
                    for (auto& m : nodes) {
                        const auto st = m->status();
                        std::printf("  head %llu pending %zu peers %zu reorgs %llu refused %llu %s\n", (unsigned long long)st.headNumber,
                                    st.pendingTransactions, st.peers.size(), (unsigned long long)st.reorgs,
                                    (unsigned long long)st.blocksRefused, st.lastRefusal.c_str());
                    }
                }
            }
    return total / secondsSince(t0);
}

}  // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const std::size_t transfers = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 12000;
    const std::size_t readings = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 3000;
    const std::string dir = (std::filesystem::temp_directory_path() / ("bench-ledger-net-" + std::to_string(getpid()))).string();
    std::filesystem::create_directories(dir);

    const double recoveryRate = bench::recoveryBaseline();
    std::printf("secp256k1 recoveries/s:                 %10.0f   (baseline, best of 3)\n", recoveryRate);

    std::vector<PrivateKey> authorities, senders;
    for (int i = 0; i < 3; ++i) authorities.push_back(keyFor("bench authority " + std::to_string(i)));
    for (std::size_t i = 0; i < kSenders; ++i) senders.push_back(keyFor("bench sender " + std::to_string(i)));
    ChainSetup setup;
    setup.chain.chainId = 2468;
    setup.chain.genesisTimestamp = 1'782'259'200;
    for (const auto& a : authorities) setup.chain.authorities.push_back(addressOf(a));
    for (const auto& s : senders) {
        setup.chain.genesisBalances[addressOf(s)] = U256(1'000'000'000'000'000'000ULL);
        setup.contracts.genesisNrg[addressOf(s)] = U256(1'000'000'000'000'000'000ULL);
    }
    std::vector<std::unique_ptr<AuthorityNode>> nodes;
    for (int i = 0; i < 3; ++i) {
        AuthorityConfig c;
        c.chain = setup;
        c.chain.databasePath = dir + "/node" + std::to_string(i) + ".db";
        c.clique.periodSeconds = 1;
        c.key = authorities[static_cast<std::size_t>(i)];
        for (const auto& n : nodes) c.peers.push_back(p2p::Endpoint{"127.0.0.1", n->p2pPort()});
        nodes.push_back(std::make_unique<AuthorityNode>(c));
        nodes.back()->start();
    }
    while (nodes[0]->status().peers.size() < 2 || nodes[2]->status().peers.size() < 2)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));

    // 1. transfers
    std::vector<std::uint64_t> nonces(kSenders, 0);
    std::vector<std::vector<Bytes>> perNode(3);
    for (std::size_t i = 0; i < transfers; ++i) {
        const std::size_t s = i % kSenders;
        perNode[s % 3].push_back(signedCall(senders[s], nonces[s]++, kNrgToken,
                                            call::transfer(addressOf(senders[(s + 1) % kSenders]), U256(1 + i % 7))));
    }
    rpc::ChainNodeApi api(nodes[1]->chain());
    rpc::RpcServerOptions rpcOptions;
    rpcOptions.port = 0;
    rpc::RpcServer server(api, rpcOptions);
    server.start();
    std::atomic<bool> stopProbe{false};
    std::vector<double> readMs;
    // BENCH_NO_RPC=1: transfers alone (no reads competing for the 2 cores).
    std::thread prober([&] {
        if (!std::getenv("BENCH_NO_RPC")) readMs = probeReads(server.port(), addressOf(senders[0]), stopProbe);
    });
    std::uint64_t transferRecoveries = 0;
    const double transferRate = submitAndWait(nodes, perNode, &transferRecoveries);
    stopProbe = true;
    prober.join();
    server.stop();
    std::printf("ERC-20 transfers/s, 3 authorities:      %10.0f   ratio %.3f of recoveries (%zu transfers; target 2,000/s)\n",
                transferRate, transferRate / recoveryRate, transfers);
    std::printf("secp256k1 recoveries per transfer:      %10.2f   (all nodes, p2p and seals included)\n",
                static_cast<double>(transferRecoveries) / static_cast<double>(std::max<std::size_t>(1, transfers)));
    std::printf("JSON-RPC reads during (1), ms:          p50 %.2f  p99 %.2f  max %.1f   (%zu reads on authority 1)\n",
                percentile(readMs, 0.5), percentile(readMs, 0.99), percentile(readMs, 1.0), readMs.size());

    // 2. readings: hubs registered by an authority, then relayed readings
    constexpr std::size_t kHubs = 1000;
    std::vector<PrivateKey> hubs;
    std::vector<std::vector<Bytes>> registrations(3);
    for (std::size_t i = 0; i < kHubs; ++i) {
        hubs.push_back(keyFor("bench hub " + std::to_string(i)));
        registrations[0].push_back(signedCall(authorities[0], i, kHubRegistry,
                                              call::registerHub(addressOf(hubs.back()), idFromString("a-" + std::to_string(i)),
                                                                idFromString("r-1"), addressOf(senders[i % kSenders]))));
    }
    submitAndWait(nodes, registrations);
    std::vector<std::vector<Bytes>> relays(3);
    const std::uint64_t now = static_cast<std::uint64_t>(std::time(nullptr));
    const std::uint64_t lastInterval = now / 900 * 900 - 900;   // ended intervals only
    for (std::size_t i = 0; i < readings; ++i) {
        const std::size_t s = i % kSenders;
        const MeterReading r{addressOf(hubs[i % kHubs]), lastInterval - 900 * (i / kHubs), 1000 + i % 500, 200};
        relays[s % 3].push_back(signedCall(senders[s], nonces[s]++, kNrgToken, call::submitReading(r, signReading(r, 2468, kNrgToken, hubs[i % kHubs]))));
    }
    auto totalSupply = [&] {
        CallRequest q;
        q.to = kNrgToken;
        q.data = call::totalSupply();
        return U256::fromBigEndian(view(nodes[1]->chain().call(q).returnData));
    };
    const U256 supplyBefore = totalSupply();
    const double mintRate = submitAndWait(nodes, relays);
    // Every reading minted: the total supply grew by 1 NRG per kWh exported (FlatMintPolicy).
    U256 expectedMint(0);
    for (std::size_t i = 0; i < readings; ++i) expectedMint = *checkedAdd(expectedMint, U256((1000 + i % 500) * 1'000'000'000'000'000ULL));
    if (*checkedAdd(supplyBefore, expectedMint) != totalSupply()) std::printf("warning: not every reading minted its NRG\n");
    std::printf("readings minted/s, 3 authorities:       %10.0f   ratio %.3f of recoveries (%zu readings; need 56/s)\n", mintRate,
                mintRate / recoveryRate, readings);
    const auto st = nodes[0]->status();
    std::printf("head %llu, reorgs %llu, refused blocks %llu\n", static_cast<unsigned long long>(st.headNumber),
                static_cast<unsigned long long>(st.reorgs), static_cast<unsigned long long>(st.blocksRefused));
    for (auto& n : nodes) n->stop();
    nodes.clear();
    std::filesystem::remove_all(dir);
    return 0;
}
