// Crash test of ChainStore: fork/exec ledger_kill_writer on one database, SIGKILL it after a
// random time (at least 20 runs), and after every kill check that:
//   - the database opens and verifyStoredChain passes (hash links, seals by authorities,
//     transaction/receipt roots, bloom, gasUsed, and the head's state root recomputed from the
//     stored state);
//   - every block the writer reported committed is stored with the reported hash (none lost);
//   - at most one block beyond the last report or previous head exists (committed, not yet
//     printed), and the head never goes back;
//   - the node reopens on it (Chain::open checks genesis and state root).
// The writer's stdout is a pipe read with poll(): each run waits for a random number of
// reported commits (0 every sixth run, else 1-5), then kills after a random 0-40 ms more (the poll timeout), so the
// kill lands while blocks are being built and committed however fast the machine is; what was
// committed is known from the pipe, never from sleeping.
// usage: tst_ledger_kill WRITER [RUNS]   (seed from SWARMERGY_KILL_SEED, printed)
#include "tests/ledger/Check.h"
#include "tests/ledger/LedgerTestSupport.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <map>
#include <sstream>

using namespace swarmergy::ledger_test;

namespace {

struct Report {
    std::map<std::uint64_t, std::string> committed;   // number -> hash as printed
    bool exitedOnItsOwn = false;
};

// Runs the writer, reads its reports until it has reported `commitsFirst` blocks (at most
// 60 s, however slow the machine), then for `killAfter` more, then SIGKILLs it: the kill
// lands at a random point of the block being built, executed or committed.
Report runAndKill(const std::string& writer, const std::string& db, std::size_t commitsFirst, std::chrono::milliseconds killAfter) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe2: ") + std::strerror(errno));
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        execl(writer.c_str(), writer.c_str(), db.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    Report report;
    std::string buffer;
    const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    auto deadline = giveUp;
    bool armed = commitsFirst == 0;
    if (armed) deadline = std::chrono::steady_clock::now() + killAfter;
    auto consume = [&](bool final) {
        std::size_t nl;
        while ((nl = buffer.find('\n')) != std::string::npos) {
            std::istringstream line(buffer.substr(0, nl));
            buffer.erase(0, nl + 1);
            std::string word, hash;
            std::uint64_t number = 0;
            line >> word >> number >> hash;
            if (word == "commit") report.committed[number] = hash;
        }
        (void)final;
    };
    bool open = true;
    while (open) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        pollfd p{fds[0], POLLIN, 0};
        const int ready = poll(&p, 1, static_cast<int>(left.count()));
        if (ready <= 0) continue;   // timeout: the loop ends at the deadline
        char chunk[4096];
        const ssize_t n = read(fds[0], chunk, sizeof chunk);
        if (n <= 0) {
            open = false;
            report.exitedOnItsOwn = true;
            break;
        }
        buffer.append(chunk, static_cast<std::size_t>(n));
        consume(false);
        if (!armed && report.committed.size() >= commitsFirst) {
            armed = true;
            deadline = std::chrono::steady_clock::now() + killAfter;
        }
    }
    kill(pid, SIGKILL);
    // Lines written before the kill are still in the pipe: read them to EOF.
    char chunk[4096];
    ssize_t n;
    while ((n = read(fds[0], chunk, sizeof chunk)) > 0) buffer.append(chunk, static_cast<std::size_t>(n));
    consume(true);
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)) report.exitedOnItsOwn = true;
    return report;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: tst_ledger_kill WRITER [RUNS]\n");
        return 2;
    }
    const std::string writer = argv[1];
    const int runs = argc > 2 ? std::atoi(argv[2]) : 24;
    const char* seedEnv = std::getenv("SWARMERGY_KILL_SEED");
    const unsigned seed = seedEnv ? static_cast<unsigned>(std::strtoul(seedEnv, nullptr, 10)) : std::random_device{}();
    std::printf("tst_ledger_kill: %d runs, SWARMERGY_KILL_SEED=%u\n", runs, seed);
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> delayMs(0, 40);
    std::uniform_int_distribution<std::size_t> commitsFirst(1, 5);

    ScratchDir dir("ledger-kill");
    const std::string db = dir.file("chain.db");
    const ChainSetup setup = testSetup(db);
    std::map<std::uint64_t, std::string> everCommitted;
    std::uint64_t killsMidRun = 0, previousHead = 0;
    for (int run = 0; run < runs; ++run) {
        const std::size_t waitFor = run % 6 == 0 ? 0 : commitsFirst(rng);   // 0: may die while opening
        const Report report = runAndKill(writer, db, waitFor, std::chrono::milliseconds(delayMs(rng)));
        if (waitFor > 0 && report.committed.size() < waitFor) {
            std::printf("FAIL run %d: the writer reported %zu of %zu blocks within 60 s\n", run, report.committed.size(), waitFor);
            ++failures;
        }
        if (report.exitedOnItsOwn) {
            std::printf("FAIL run %d: the writer exited by itself (see its stderr)\n", run);
            ++failures;
            break;
        }
        killsMidRun += report.committed.empty() ? 0 : 1;
        for (const auto& [n, h] : report.committed) everCommitted[n] = h;

        auto store = ChainStore::open(db);
        const ChainVerification v = verifyStoredChain(*store, setup.chain.authorities);
        if (!v.ok) {
            std::printf("FAIL run %d: chain does not verify: %s\n", run, v.error.c_str());
            ++failures;
            break;
        }
        const std::uint64_t head = v.head.value_or(0);
        for (const auto& [n, h] : everCommitted) {
            const auto header = store->headerByNumber(n);
            if (!header || toHex(view(header->hash())) != h) {
                std::printf("FAIL run %d: reported block %llu lost or changed\n", run, static_cast<unsigned long long>(n));
                ++failures;
            }
        }
        // Beyond what was known (the previous head or this run's last report), at most the one
        // block committed just before the kill and never reported; and nothing stored is lost.
        const std::uint64_t lastReported = report.committed.empty() ? 0 : report.committed.rbegin()->first;
        CHECK(head <= std::max(previousHead, lastReported) + 1);
        CHECK(head >= previousHead);
        previousHead = head;
        store.reset();
        const auto chain = Chain::open(setup);   // the node restores head and state
        CHECK(chain->headNumber() == head);
        std::printf("run %2d: killed after %zu new block(s), head %llu\n", run, report.committed.size(),
                    static_cast<unsigned long long>(head));
    }
    CHECK(killsMidRun >= 10);   // the kills really landed while blocks were being written
    CHECK(!everCommitted.empty());
    return swarmergy::ledger_test::testResult("tst_ledger_kill");
}
