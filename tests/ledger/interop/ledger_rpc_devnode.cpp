// swarmergy-ledger-devnode: a single-authority SwarmLedger node with JSON-RPC, for the
// ethers.js interop test and for trying wallets by hand. It seals a block every period with
// a demo authority key and prints, as its first line, the same JSON object as
// `swarmergy-node devnet`:
//   {"rpc": ["http://127.0.0.1:PORT"], "chainId": N, "nrgToken": "0x...", "fundedKey": "0x..."}
// then runs until SIGINT/SIGTERM and exits 0 after a clean shutdown.
//
//   swarmergy-ledger-devnode [--rpc-port PORT] [--datadir DIR] [--block-period-ms MS] [--chain-id N]
//
// The keys are derived from fixed text seeds: this is a development chain, never a real one.
#include "ledger/crypto/Keccak.h"
#include "ledger/rpc/RpcServer.h"

#include <boost/json.hpp>

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <pthread.h>
#include <thread>

using namespace swarmergy::ledger;

namespace {

struct Options {
    std::uint16_t rpcPort = 0;
    std::string datadir;                 // empty: in-memory chain
    std::chrono::milliseconds blockPeriod{1000};
    std::uint64_t chainId = 2468;
};

PrivateKey seededKey(std::string_view seed) {
    const Hash256 h = keccak256(seed);
    return privateKeyFromBytes(view(h));
}

std::uint64_t parseNumber(const std::string& flag, const char* text, std::uint64_t max) {
    char* end = nullptr;
    errno = 0;
    const unsigned long long v = std::strtoull(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || v > max)
        throw std::invalid_argument(flag + ": expected a whole number up to " + std::to_string(max) + ", got '" + text + "'");
    return v;
}

Options parseOptions(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (i + 1 >= argc) throw std::invalid_argument(flag + ": missing value");
        const char* value = argv[++i];
        if (flag == "--rpc-port") o.rpcPort = static_cast<std::uint16_t>(parseNumber(flag, value, 65535));
        else if (flag == "--datadir") o.datadir = value;
        else if (flag == "--block-period-ms") o.blockPeriod = std::chrono::milliseconds(parseNumber(flag, value, 3'600'000));
        else if (flag == "--chain-id") o.chainId = parseNumber(flag, value, 1ULL << 53);
        else throw std::invalid_argument("unknown option " + flag);
    }
    if (o.blockPeriod.count() == 0) throw std::invalid_argument("--block-period-ms: must be at least 1");
    return o;
}

std::uint64_t unixNow() { return static_cast<std::uint64_t>(std::time(nullptr)); }

}  // namespace

int main(int argc, char** argv) {
    Options options;
    try {
        options = parseOptions(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "swarmergy-ledger-devnode: %s\n", e.what());
        return 2;
    }
    // Signals are taken by sigwait below: block them before any thread starts.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    const PrivateKey authority = seededKey("swarmergy devnet authority 0");
    const PrivateKey funded = seededKey("swarmergy devnet funded account 0");
    ChainSetup setup;
    setup.chain.chainId = options.chainId;
    setup.chain.authorities = {addressOf(authority)};
    setup.chain.genesisTimestamp = unixNow();
    const U256 million = *checkedMul(U256(1'000'000), U256(1'000'000'000'000'000'000ULL));   // 1e6 coins of 1e18
    setup.chain.genesisBalances[addressOf(funded)] = million;
    setup.contracts.genesisNrg[addressOf(funded)] = million;
    if (!options.datadir.empty()) {
        std::filesystem::create_directories(options.datadir);
        setup.databasePath = (std::filesystem::path(options.datadir) / "chain.db").string();
        setup.durability = Durability::Normal;
    }
    std::unique_ptr<Chain> chain;
    try {
        chain = Chain::open(setup);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "swarmergy-ledger-devnode: cannot open the chain: %s\n", e.what());
        return 1;
    }
    rpc::ChainNodeApi api(*chain);
    rpc::RpcServerOptions serverOptions;
    serverOptions.port = options.rpcPort;
    rpc::RpcServer server(api, serverOptions);
    try {
        server.start();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "swarmergy-ledger-devnode: %s\n", e.what());
        return 1;
    }

    boost::json::object line{{"rpc", boost::json::array{boost::json::string(server.url())}},
                             {"chainId", options.chainId},
                             {"nrgToken", toChecksumAddress(contracts::kNrgToken)},
                             {"fundedKey", toHex(view(funded.bytes))}};
    std::cout << boost::json::serialize(line) << std::endl;

    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    std::thread sealer([&] {
        std::unique_lock lock(mutex);
        auto next = std::chrono::steady_clock::now() + options.blockPeriod;
        while (!wake.wait_until(lock, next, [&] { return stopping; })) {
            next += options.blockPeriod;
            lock.unlock();
            try {
                chain->produceBlock(authority, std::max(unixNow(), chain->headHeader().timestamp), true);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "swarmergy-ledger-devnode: sealing failed: %s\n", e.what());
            }
            lock.lock();
        }
    });

    int received = 0;
    sigwait(&signals, &received);
    std::fprintf(stderr, "swarmergy-ledger-devnode: %s, shutting down (head %llu)\n", received == SIGINT ? "SIGINT" : "SIGTERM",
                 static_cast<unsigned long long>(chain->headNumber()));
    {
        std::lock_guard lock(mutex);
        stopping = true;
    }
    wake.notify_all();
    sealer.join();
    server.stop();
    return 0;
}
