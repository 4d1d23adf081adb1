// JSON-RPC latency of a SwarmLedger node under ERC-20 load, over loopback HTTP (Beast client):
//   1. idle: eth_call (NRGcoin.balanceOf) and eth_getBalance, closed loop on one keep-alive
//      connection, p50/p99 latency and requests/s — the baseline measured in the same run;
//   2. loaded: the same probes while another connection submits signed NRG transfers with
//      eth_sendRawTransaction (batches of 50, open loop at the offered rate) and a sealer
//      commits a block every second (SQLite WAL, synchronous=FULL, as a real node).
// Loaded figures are also printed as ratios of the idle ones (the machine is shared). The
// probes are a closed loop: a request stalled behind a block commit (the Chain's lock) is
// one sample however long it waits, so p99 understates stalls; "max" shows them.
// usage: bench_ledger_rpc [SECONDS_PER_PHASE=5] [OFFERED_TX_PER_S=1000]
#include "ledger/crypto/Keccak.h"
#include "ledger/rpc/RpcClient.h"
#include "ledger/rpc/RpcServer.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

using namespace swarmergy::ledger;
namespace rpc = swarmergy::ledger::rpc;
namespace json = boost::json;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kSenders = 500;
constexpr std::size_t kBatch = 50;

PrivateKey keyFor(const std::string& seed) { return privateKeyFromBytes(view(keccak256(std::string_view(seed)))); }

struct Latencies {
    std::vector<double> callMs, balanceMs;
    double seconds = 0;
};

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

// Closed loop on one connection: eth_call(balanceOf) and eth_getBalance alternately.
Latencies probe(std::uint16_t port, const Address& who, double seconds) {
    rpc::RpcClient client("127.0.0.1", port);
    const std::string addr = toHex(view(who));
    const std::string call = json::serialize(json::object{
        {"jsonrpc", "2.0"}, {"id", 1}, {"method", "eth_call"},
        {"params", json::array{json::object{{"to", toHex(view(contracts::kNrgToken))},
                                            {"data", toHex(view(contracts::call::balanceOf(who)))}},
                               "latest"}}});
    const std::string balance = json::serialize(json::object{
        {"jsonrpc", "2.0"}, {"id", 2}, {"method", "eth_getBalance"}, {"params", json::array{addr, "latest"}}});
    Latencies out;
    const auto t0 = Clock::now();
    const auto end = t0 + std::chrono::duration<double>(seconds);
    for (bool isCall = true; Clock::now() < end; isCall = !isCall) {
        const auto s = Clock::now();
        const rpc::HttpReply reply = client.post(isCall ? call : balance);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - s).count();
        if (reply.status != 200 || reply.body.find("\"result\"") == std::string::npos) {
            std::fprintf(stderr, "probe failed: %u %s\n", reply.status, reply.body.c_str());
            std::exit(1);
        }
        (isCall ? out.callMs : out.balanceMs).push_back(ms);
    }
    out.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    return out;
}

// Pre-signed NRG transfers, round-robin over the senders (nonces in order per sender).
std::vector<std::string> signTransfers(const std::vector<PrivateKey>& senders, std::size_t count) {
    std::vector<std::string> raws;
    raws.reserve(count);
    std::vector<std::uint64_t> nonces(senders.size(), 0);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t s = i % senders.size();
        Transaction tx;
        tx.chainId = 2468;
        tx.nonce = nonces[s]++;
        tx.gasLimit = 200'000;
        tx.to = contracts::kNrgToken;
        tx.data = contracts::call::transfer(addressOf(senders[(s + 1) % senders.size()]), U256(1'000 + i));
        signTransaction(tx, senders[s]);
        raws.push_back(toHex(view(tx.encode())));
    }
    return raws;
}

void print(const char* phase, const Latencies& l, const Latencies* idle) {
    const double callRate = static_cast<double>(l.callMs.size()) / l.seconds;
    const double balanceRate = static_cast<double>(l.balanceMs.size()) / l.seconds;
    std::printf("%-7s eth_call       p50 %7.3f ms  p99 %7.3f ms  max %7.1f ms  %7.0f req/s", phase, percentile(l.callMs, 0.5),
                percentile(l.callMs, 0.99), percentile(l.callMs, 1.0), callRate);
    if (idle) std::printf("   (p50 x%.2f, p99 x%.2f of idle)", percentile(l.callMs, 0.5) / percentile(idle->callMs, 0.5),
                          percentile(l.callMs, 0.99) / percentile(idle->callMs, 0.99));
    std::printf("\n%-7s eth_getBalance p50 %7.3f ms  p99 %7.3f ms  max %7.1f ms  %7.0f req/s", phase, percentile(l.balanceMs, 0.5),
                percentile(l.balanceMs, 0.99), percentile(l.balanceMs, 1.0), balanceRate);
    if (idle) std::printf("   (p50 x%.2f, p99 x%.2f of idle)", percentile(l.balanceMs, 0.5) / percentile(idle->balanceMs, 0.5),
                          percentile(l.balanceMs, 0.99) / percentile(idle->balanceMs, 0.99));
    std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
    const double seconds = argc > 1 ? std::atof(argv[1]) : 5.0;
    const double offered = argc > 2 ? std::atof(argv[2]) : 1000.0;
    if (seconds <= 0 || offered <= 0) {
        std::fprintf(stderr, "usage: bench_ledger_rpc [SECONDS_PER_PHASE>0] [OFFERED_TX_PER_S>0]\n");
        return 2;
    }
    const auto dir = std::filesystem::temp_directory_path() / ("bench_ledger_rpc-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);

    const PrivateKey authority = keyFor("bench authority");
    std::vector<PrivateKey> senders;
    ChainSetup setup;
    setup.chain.authorities = {addressOf(authority)};
    setup.databasePath = (dir / "chain.db").string();
    for (int i = 0; i < kSenders; ++i) {
        senders.push_back(keyFor("bench sender " + std::to_string(i)));
        setup.chain.genesisBalances[addressOf(senders.back())] = U256(1'000'000'000'000'000'000ULL);
        setup.contracts.genesisNrg[addressOf(senders.back())] = U256(1'000'000'000'000'000'000ULL);
    }
    auto chain = Chain::open(setup);
    rpc::ChainNodeApi api(*chain);
    rpc::RpcServerOptions options;
    options.port = 0;
    rpc::RpcServer server(api, options);
    server.start();
    const std::size_t txCount = static_cast<std::size_t>(offered * seconds * 1.05);
    std::printf("signing %zu NRG transfers from %d senders...\n", txCount, kSenders);
    const std::vector<std::string> raws = signTransfers(senders, txCount);

    // Sealer: one block a second (the demo period), for the whole run.
    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    std::uint64_t timestamp = static_cast<std::uint64_t>(std::time(nullptr));
    std::thread sealer([&] {
        std::unique_lock lock(mutex);
        auto next = Clock::now() + std::chrono::seconds(1);
        while (!wake.wait_until(lock, next, [&] { return stopping; })) {
            next += std::chrono::seconds(1);
            lock.unlock();
            chain->produceBlock(authority, ++timestamp, true);
            lock.lock();
        }
    });

    const Address who = addressOf(senders[0]);
    const Latencies idle = probe(server.port(), who, seconds);

    // Loaded phase: submitter (open loop at the offered rate, batches of kBatch) + probes.
    std::atomic<bool> loading{true};
    std::atomic<std::size_t> submitted{0}, refused{0};
    const std::uint64_t headBefore = chain->headNumber();
    std::thread submitter([&] {
        rpc::RpcClient client("127.0.0.1", server.port());
        const auto t0 = Clock::now();
        std::size_t next = 0;
        while (loading && next < raws.size()) {
            const auto due = t0 + std::chrono::duration<double>(static_cast<double>(next) / offered);
            if (Clock::now() < due) {
                std::this_thread::sleep_until(due);   // pacing the offered load
                continue;
            }
            json::array batch;
            for (std::size_t k = 0; k < kBatch && next < raws.size(); ++k, ++next)
                batch.push_back(json::object{{"jsonrpc", "2.0"}, {"id", next}, {"method", "eth_sendRawTransaction"},
                                             {"params", json::array{json::string(raws[next])}}});
            const rpc::HttpReply reply = client.post(json::serialize(batch));
            const json::value answers = json::parse(reply.body);
            for (const auto& a : answers.as_array()) (a.as_object().contains("result") ? submitted : refused)++;
        }
    });
    const Latencies loaded = probe(server.port(), who, seconds);
    loading = false;
    submitter.join();
    // Let the last block take what was submitted, then count what was included.
    while (chain->pendingCount() > 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::size_t included = 0;
    for (std::uint64_t n = headBefore + 1; n <= chain->headNumber(); ++n) included += chain->blockByNumber(n)->transactions.size();
    {
        std::lock_guard lock(mutex);
        stopping = true;
    }
    wake.notify_all();
    sealer.join();
    server.stop();

    std::printf("node: 1 authority, block every 1 s, SQLite WAL synchronous=FULL, %u RPC threads, loopback HTTP/1.1 keep-alive\n",
                options.threads);
    print("idle", idle, nullptr);
    print("loaded", loaded, &idle);
    std::printf("load    eth_sendRawTransaction: %zu accepted, %zu refused in %.1f s = %.0f tx/s offered %.0f; %zu included in blocks\n",
                submitted.load(), refused.load(), loaded.seconds, static_cast<double>(submitted.load()) / loaded.seconds,
                offered, included);
    chain.reset();
    std::filesystem::remove_all(dir);
    return refused.load() == 0 ? 0 : 1;
}
