// swarmergy-node: the headless SwarmLedger authority.
//   swarmergy-node devnet --authorities 3 --datadir DIR --rpc-port PORT [--period S] [--p2p-port P]
//   swarmergy-node run --config FILE
// See README.md for the configuration file.
#include "ledger/authority/AuthorityNode.h"
#include "ledger/contracts/SwarmergyContracts.h"
#include "ledger/crypto/Keccak.h"

#ifdef SWARMERGY_HAVE_RPC
#include "ledger/rpc/AuthorityNodeApi.h"
#include "ledger/rpc/RpcServer.h"
#endif

#include <boost/json.hpp>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <semaphore.h>
#include <sstream>

using namespace swarmergy::ledger;
using swarmergy::ledger::authority::AuthorityConfig;
using swarmergy::ledger::authority::AuthorityNode;

namespace {

sem_t g_stop;   // posted by the signal handler (async-signal-safe)

void onSignal(int) { sem_post(&g_stop); }

// Installed first thing in main, so a SIGTERM during start-up also stops cleanly.
void installSignalHandlers() {
    sem_init(&g_stop, 0, 0);
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
}

void waitForSignal() {
    while (sem_wait(&g_stop) != 0) {
    }
}

PrivateKey seededKey(const std::string& seed) { return privateKeyFromBytes(view(keccak256(seed))); }

struct Usage : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::uint64_t parseNumber(const std::string& flag, const std::string& text) {
    try {
        std::size_t used = 0;
        const unsigned long long v = std::stoull(text, &used);
        if (used != text.size()) throw std::invalid_argument("trailing");
        return v;
    } catch (const std::exception&) {
        throw Usage(flag + ": expected a whole number, got '" + text + "'");
    }
}

// The RPC endpoint of one authority: the JSON-RPC layer (ledger/rpc) over the runtime, so a
// submitted transaction is also gossiped and clique_* votes act on this authority. Without
// ledger/rpc the node serves no RPC.
class RpcHook {
public:
    RpcHook(AuthorityNode& node, std::uint16_t port) : node_(node), port_(port) {}
    std::string start() {
#ifdef SWARMERGY_HAVE_RPC
        api_ = std::make_unique<rpc::AuthorityNodeApi>(node_);
        rpc::RpcServerOptions options;
        options.port = port_;
        server_ = std::make_unique<rpc::RpcServer>(*api_, options);
        server_->start();
        return server_->url();
#else
        return "http://127.0.0.1:" + std::to_string(port_);
#endif
    }
    void stop() {
#ifdef SWARMERGY_HAVE_RPC
        if (server_) server_->stop();
#endif
    }

private:
    AuthorityNode& node_;
    std::uint16_t port_;
#ifdef SWARMERGY_HAVE_RPC
    std::unique_ptr<rpc::AuthorityNodeApi> api_;
    std::unique_ptr<rpc::RpcServer> server_;
#endif
};

ChainSetup devnetSetup(const std::vector<PrivateKey>& keys, const Address& funded) {
    ChainSetup s;
    s.chain.chainId = 2468;
    s.chain.genesisTimestamp = 1'782'259'200;   // fixed, so every authority has the same genesis
    for (const auto& k : keys) s.chain.authorities.push_back(addressOf(k));
    const U256 million = *checkedMul(U256(1'000'000), U256(1'000'000'000'000'000'000ULL));
    s.chain.genesisBalances[funded] = million;
    s.contracts.genesisNrg[funded] = million;
    return s;
}

int devnet(const std::vector<std::string>& args) {
    std::size_t count = 3;
    std::string datadir;
    std::uint64_t rpcPort = 8545, period = 1, p2pBase = 0;
    for (std::size_t i = 0; i < args.size(); ++i) {
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size()) throw Usage(args[i] + " needs a value");
            return args[++i];
        };
        if (args[i] == "--authorities") count = parseNumber("--authorities", value());
        else if (args[i] == "--datadir") datadir = value();
        else if (args[i] == "--rpc-port") rpcPort = parseNumber("--rpc-port", value());
        else if (args[i] == "--period") period = parseNumber("--period", value());
        else if (args[i] == "--p2p-port") p2pBase = parseNumber("--p2p-port", value());
        else throw Usage("devnet: unknown option " + args[i]);
    }
    if (datadir.empty()) throw Usage("devnet: --datadir DIR is required");
    if (count < 1 || count > 16) throw Usage("--authorities: between 1 and 16");
    if (rpcPort == 0 || rpcPort + count > 65536) throw Usage("--rpc-port: out of range");
    if (period == 0) throw Usage("--period: at least 1 second");

    std::vector<PrivateKey> keys;
    for (std::size_t i = 0; i < count; ++i) keys.push_back(seededKey("swarmergy devnet authority " + std::to_string(i)));
    const PrivateKey fundedKey = seededKey("swarmergy devnet funded account");
    const ChainSetup setup = devnetSetup(keys, addressOf(fundedKey));

    std::vector<std::unique_ptr<AuthorityNode>> nodes;
    std::vector<std::unique_ptr<RpcHook>> rpcs;
    std::vector<std::string> urls;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string dir = datadir + "/authority-" + std::to_string(i);
        std::filesystem::create_directories(dir);
        AuthorityConfig c;
        c.chain = setup;
        c.chain.databasePath = dir + "/chain.db";
        c.clique.periodSeconds = period;
        c.key = keys[i];
        c.listenPort = p2pBase ? static_cast<std::uint16_t>(p2pBase + i) : 0;
        c.statusFile = dir + "/status.json";
        for (const auto& earlier : nodes) c.peers.push_back(p2p::Endpoint{"127.0.0.1", earlier->p2pPort()});
        nodes.push_back(std::make_unique<AuthorityNode>(c));
        nodes.back()->start();
        rpcs.push_back(std::make_unique<RpcHook>(*nodes.back(), static_cast<std::uint16_t>(rpcPort + i)));
        urls.push_back(rpcs.back()->start());
    }
    boost::json::object first;
    boost::json::array rpc;
    for (const auto& u : urls) rpc.emplace_back(u);
    first["rpc"] = std::move(rpc);
    first["chainId"] = setup.chain.chainId;
    first["nrgToken"] = toChecksumAddress(contracts::kNrgToken);
    first["fundedKey"] = toHex(view(fundedKey.bytes));
    std::cout << boost::json::serialize(first) << std::endl;

    waitForSignal();
    for (auto& r : rpcs) r->stop();
    for (auto& n : nodes) n->stop();
    std::fprintf(stderr, "swarmergy-node: stopped cleanly\n");
    return 0;
}

// --- run --config FILE ---
const boost::json::value& field(const boost::json::object& o, const char* name, const std::string& file) {
    auto it = o.find(name);
    if (it == o.end()) throw std::runtime_error(file + ": missing field \"" + name + "\"");
    return it->value();
}

std::string stringField(const boost::json::object& o, const char* name, const std::string& file) {
    const auto& v = field(o, name, file);
    if (!v.is_string()) throw std::runtime_error(file + ": \"" + name + "\" must be a string");
    return std::string(v.as_string());
}

std::uint64_t numberField(const boost::json::object& o, const char* name, const std::string& file, std::uint64_t fallback) {
    auto it = o.find(name);
    if (it == o.end()) return fallback;
    if (it->value().is_uint64()) return it->value().as_uint64();
    if (it->value().is_int64() && it->value().as_int64() >= 0) return static_cast<std::uint64_t>(it->value().as_int64());
    throw std::runtime_error(file + ": \"" + name + "\" must be a non-negative integer");
}

p2p::Endpoint parseEndpoint(const std::string& text, const std::string& where) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) throw std::runtime_error(where + ": expected host:port, got '" + text + "'");
    p2p::Endpoint e;
    e.host = text.substr(0, colon);
    e.port = static_cast<std::uint16_t>(parseNumber(where, text.substr(colon + 1)));
    return e;
}

U256 parseAmount(const boost::json::value& v, const std::string& where) {
    if (v.is_string()) {
        const std::string s(v.as_string());
        if (s.rfind("0x", 0) == 0) return U256::fromBigEndian(view(fromHex(s)));
        return U256::fromDecimal(s);
    }
    if (v.is_uint64()) return U256(v.as_uint64());
    if (v.is_int64() && v.as_int64() >= 0) return U256(static_cast<std::uint64_t>(v.as_int64()));
    throw std::runtime_error(where + ": expected an amount in wei (string or integer)");
}

int run(const std::vector<std::string>& args) {
    if (args.size() != 2 || args[0] != "--config") throw Usage("run: expected --config FILE");
    const std::string file = args[1];
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file + ": cannot open");
    std::stringstream buf;
    buf << in.rdbuf();
    boost::system::error_code ec;
    const boost::json::value doc = boost::json::parse(buf.str(), ec);
    if (ec) throw std::runtime_error(file + ": invalid JSON: " + ec.message());
    if (!doc.is_object()) throw std::runtime_error(file + ": expected a JSON object");
    const auto& o = doc.as_object();

    AuthorityConfig c;
    std::string keyText = stringField(o, "keyFile", file);
    {
        std::ifstream k(keyText);
        if (!k) throw std::runtime_error(file + ": keyFile " + keyText + " cannot be opened");
        std::string hex;
        k >> hex;
        c.key = privateKeyFromBytes(view(fromHex(hex)));
    }
    c.chain.chain.chainId = numberField(o, "chainId", file, 2468);
    c.chain.chain.genesisTimestamp = numberField(o, "genesisTimestamp", file, 1'782'259'200);
    const auto& auths = field(o, "authorities", file);
    if (!auths.is_array() || auths.as_array().empty()) throw std::runtime_error(file + ": \"authorities\" must be a non-empty array");
    for (const auto& a : auths.as_array()) {
        if (!a.is_string()) throw std::runtime_error(file + ": authorities: addresses are strings");
        c.chain.chain.authorities.push_back(parseAddress(std::string(a.as_string())));
    }
    if (auto it = o.find("balances"); it != o.end() && it->value().is_object())
        for (const auto& [a, v] : it->value().as_object()) c.chain.chain.genesisBalances[parseAddress(std::string(a))] = parseAmount(v, file + ": balances");
    if (auto it = o.find("nrg"); it != o.end() && it->value().is_object())
        for (const auto& [a, v] : it->value().as_object()) c.chain.contracts.genesisNrg[parseAddress(std::string(a))] = parseAmount(v, file + ": nrg");
    const std::string datadir = stringField(o, "datadir", file);
    std::filesystem::create_directories(datadir);
    c.chain.databasePath = datadir + "/chain.db";
    c.statusFile = datadir + "/status.json";
    const p2p::Endpoint listen = parseEndpoint(stringField(o, "listen", file), file + ": listen");
    c.listenHost = listen.host;
    c.listenPort = listen.port;
    if (auto it = o.find("peers"); it != o.end()) {
        if (!it->value().is_array()) throw std::runtime_error(file + ": \"peers\" must be an array of host:port");
        for (const auto& p : it->value().as_array()) {
            if (!p.is_string()) throw std::runtime_error(file + ": peers: host:port strings");
            c.peers.push_back(parseEndpoint(std::string(p.as_string()), file + ": peers"));
        }
    }
    if (auto it = o.find("extraPeers"); it != o.end() && it->value().is_array())
        for (const auto& p : it->value().as_array()) c.extraPeers.push_back(parseAddress(std::string(p.as_string())));
    c.clique.periodSeconds = numberField(o, "period", file, 5);
    c.clique.epochLength = numberField(o, "epoch", file, 1000);
    if (c.clique.periodSeconds == 0) throw std::runtime_error(file + ": \"period\" must be at least 1");
    if (auto it = o.find("seal"); it != o.end() && it->value().is_bool()) c.seal = it->value().as_bool();
    const std::uint64_t rpcPort = numberField(o, "rpcPort", file, 0);
    if (c.clique.epochLength == 0) throw std::runtime_error(file + ": \"epoch\" must be at least 1");
    if (auto it = o.find("durability"); it != o.end() && it->value().is_string() && it->value().as_string() == "normal")
        c.chain.durability = Durability::Normal;

    AuthorityNode node(c);
    node.start();
    RpcHook hook(node, static_cast<std::uint16_t>(rpcPort));
    std::string url;
    if (rpcPort) url = hook.start();
    boost::json::object first;
    first["address"] = toChecksumAddress(node.address());
    first["p2pPort"] = node.p2pPort();
    first["rpc"] = url;
    first["chainId"] = c.chain.chain.chainId;
    std::cout << boost::json::serialize(first) << std::endl;
    waitForSignal();
    hook.stop();
    node.stop();
    std::fprintf(stderr, "swarmergy-node: stopped cleanly\n");
    return 0;
}

void usage() {
    std::fprintf(stderr,
                 "usage: swarmergy-node devnet --authorities N --datadir DIR --rpc-port PORT [--period S] [--p2p-port P]\n"
                 "       swarmergy-node run --config FILE\n");
}

}  // namespace

int main(int argc, char** argv) {
    installSignalHandlers();
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        usage();
        return 2;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    try {
        if (command == "devnet") return devnet(args);
        if (command == "run") return run(args);
        usage();
        return 2;
    } catch (const Usage& e) {
        std::fprintf(stderr, "swarmergy-node: %s\n", e.what());
        usage();
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "swarmergy-node: %s\n", e.what());
        return 1;
    }
}
