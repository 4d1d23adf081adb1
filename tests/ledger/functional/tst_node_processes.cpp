// Three `swarmergy-node run` child processes on loopback (1 s period), watched through the
// status.json each node rewrites on every new head:
//  - kill -9 one of them: the two others keep sealing; restart it: it syncs to their head;
//  - kill -9 the restarted node at random points while it commits (sync bursts and sealing),
//    24 times: each time its database opens and its whole stored chain verifies.
// Usage: tst_ledger_node_processes <path of swarmergy-node>
#include "ledger/storage/ChainStore.h"
#include "tests/ledger/functional/NetTestSupport.h"

#include <boost/asio.hpp>

#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace swarmergy::ledger_test;

namespace {

std::string g_binary;

// A free port below Linux's ephemeral range (32768+): a port in that range may be taken, while
// its node is down, by another node's outgoing connection (or a TCP self-connect) to it.
std::uint16_t freePort() {
    static std::mt19937 random(static_cast<unsigned>(getpid()));
    boost::asio::io_context io;
    for (;;) {
        const auto port = static_cast<std::uint16_t>(std::uniform_int_distribution<int>(20000, 32000)(random));
        boost::system::error_code ec;
        boost::asio::ip::tcp::acceptor a(io);
        a.open(boost::asio::ip::tcp::v4(), ec);
        a.bind({boost::asio::ip::make_address("127.0.0.1"), port}, ec);
        if (!ec) return port;
    }
}

struct NodeProcess {
    std::string dir;
    std::string config;
    pid_t pid = -1;

    NodeProcess() = default;
    NodeProcess(const NodeProcess&) = delete;
    NodeProcess& operator=(const NodeProcess&) = delete;
    ~NodeProcess() { kill9(); }   // never leave a node running, even when a check failed

    void start() {
        std::filesystem::remove(dir + "/status.json");   // only the new process's heads count
        pid = fork();
        if (pid == 0) {
            const int out = open((dir + "/node.log").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
            dup2(out, 1);
            dup2(out, 2);
            execl(g_binary.c_str(), g_binary.c_str(), "run", "--config", config.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
    }
    void kill9() {
        if (pid <= 0) return;
        ::kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
        pid = -1;
    }
    void terminate() {
        if (pid <= 0) return;
        ::kill(pid, SIGTERM);
        int status = 0;
        waitpid(pid, &status, 0);
        if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
            std::printf("node in %s: wait status %d; its log:\n", dir.c_str(), status);
            std::ifstream log(dir + "/node.log");
            std::string line;
            while (std::getline(log, line)) std::printf("  | %s\n", line.c_str());
        }
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);   // clean shutdown on SIGTERM
        pid = -1;
    }
    // head number and hash from status.json; nullopt while it does not exist yet
    std::optional<std::pair<std::uint64_t, std::string>> head() const {
        std::ifstream in(dir + "/status.json");
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const auto h = text.find("\"head\":");
        const auto x = text.find("\"hash\":\"");
        if (h == std::string::npos || x == std::string::npos) return std::nullopt;
        return std::make_pair(std::stoull(text.substr(h + 7)), text.substr(x + 8, 66));
    }
    std::uint64_t headNumber() const {
        const auto h = head();
        return h ? h->first : 0;
    }
};

std::string address(int i) { return toChecksumAddress(addressOf(authorityKey(i))); }

void writeConfigs(const ScratchDir& scratch, std::vector<NodeProcess>& nodes) {
    std::vector<std::uint16_t> ports;
    for (int i = 0; i < 3; ++i) ports.push_back(freePort());
    for (int i = 0; i < 3; ++i) {
        NodeProcess& n = nodes[static_cast<std::size_t>(i)];
        n.dir = scratch.file("node" + std::to_string(i));
        std::filesystem::create_directories(n.dir);
        std::ofstream(n.dir + "/key") << toHex(view(authorityKey(i).bytes)) << "\n";
        std::ostringstream c;
        c << "{\"keyFile\":\"" << n.dir << "/key\",\"chainId\":2468,\"authorities\":[\"" << address(0) << "\",\"" << address(1) << "\",\""
          << address(2) << "\"],\"nrg\":{\"" << toChecksumAddress(addressOf(userKey(0))) << "\":\"1000000000000000000\"},"
          << "\"datadir\":\"" << n.dir << "\",\"listen\":\"127.0.0.1:" << ports[static_cast<std::size_t>(i)] << "\",\"peers\":[";
        bool first = true;
        for (int j = 0; j < 3; ++j) {
            if (j == i) continue;
            c << (first ? "" : ",") << "\"127.0.0.1:" << ports[static_cast<std::size_t>(j)] << "\"";
            first = false;
        }
        c << "],\"period\":1}";
        n.config = n.dir + "/config.json";
        std::ofstream(n.config) << c.str();
    }
}

bool sameHead(const std::vector<NodeProcess>& nodes) {
    const auto a = nodes[0].head();
    if (!a) return false;
    for (const auto& n : nodes) {
        const auto h = n.head();
        if (!h || h->second != a->second) return false;
    }
    return true;
}

std::uint64_t verifyDatabase(const NodeProcess& n, int round) {
    auto store = ChainStore::open(n.dir + "/chain.db");
    const std::vector<Address> authorities{addressOf(authorityKey(0)), addressOf(authorityKey(1)), addressOf(authorityKey(2))};
    const ChainVerification v = verifyStoredChain(*store, authorities);
    if (!v.ok) std::printf("FAIL round %d: stored chain does not verify: %s\n", round, v.error.c_str());
    CHECK(v.ok);
    return v.head.value_or(0);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::printf("usage: tst_ledger_node_processes <swarmergy-node>\n");
        return 2;
    }
    g_binary = argv[1];
    ScratchDir scratch("net-processes");
    std::vector<NodeProcess> nodes(3);
    writeConfigs(scratch, nodes);
    for (auto& n : nodes) n.start();
    CHECK(waitUntil([&] { return nodes[2].headNumber() >= 3 && sameHead(nodes); }, 20'000, "three processes seal one chain"));

    // kill -9 one authority: the two others keep sealing.
    nodes[2].kill9();
    const std::uint64_t atKill = nodes[0].headNumber();
    CHECK(waitUntil([&] { return nodes[0].headNumber() >= atKill + 4 && nodes[1].headNumber() >= atKill + 4; }, 20'000,
                    "two of three keep sealing"));
    // Restart it: it syncs the blocks it missed and rejoins.
    nodes[2].start();
    const std::uint64_t target = nodes[0].headNumber();
    CHECK(waitUntil([&] { return nodes[2].headNumber() >= target && sameHead(nodes); }, 20'000, "the restarted node syncs"));

    // kill -9 at random points while it commits (the sync burst after each restart and the
    // blocks it seals or imports), then check the database it left.
    std::mt19937 random(12345);
    std::uniform_int_distribution<int> delayMs(0, 1200);
    int rounds = 0, advanced = 0;
    nodes[2].kill9();
    std::uint64_t storedHead = verifyDatabase(nodes[2], -1);
    for (int round = 0; round < 24; ++round) {
        nodes[2].start();
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs(random)));   // the random kill point, not a synchronisation
        nodes[2].kill9();
        const std::uint64_t head = verifyDatabase(nodes[2], round);
        advanced += head > storedHead;
        storedHead = head;
        ++rounds;
    }
    CHECK(rounds >= 20);
    std::printf("%d kill rounds, %d of them after the node had committed blocks\n", rounds, advanced);
    CHECK(advanced > 0);   // the kills do land while the node is syncing and committing
    nodes[2].start();
    CHECK(waitUntil([&] { return sameHead(nodes) && nodes[2].headNumber() >= nodes[0].headNumber(); }, 20'000,
                    "after the kills the node syncs again"));
    for (auto& n : nodes) n.terminate();
    for (const auto& n : nodes) verifyDatabase(n, -1);
    return testResult("tst_ledger_node_processes");
}
