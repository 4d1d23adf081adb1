// Child of tst_ledger_kill: opens (or creates) the chain in DB and seals blocks forever, each
// with a few ERC-20 transfers and value transfers, printing "commit <number> <hash>" after each
// block is committed (stdout is a pipe, flushed per line). The parent SIGKILLs it at random.
// usage: ledger_kill_writer DB
#include "tests/ledger/LedgerTestSupport.h"

#include <cstdio>

using namespace swarmergy::ledger_test;
using namespace swarmergy::ledger::contracts;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: ledger_kill_writer DB\n");
        return 2;
    }
    try {
        auto chain = Chain::open(testSetup(argv[1]));
        std::printf("open %llu\n", static_cast<unsigned long long>(chain->headNumber()));
        std::fflush(stdout);
        std::vector<PrivateKey> users;
        for (int i = 0; i < 4; ++i) users.push_back(seededKey("user " + std::to_string(i)));
        const PrivateKey sealer = seededKey("authority " + std::to_string(chain->headNumber() % 3));
        for (;;) {
            const std::uint64_t next = chain->headNumber() + 1;
            for (int i = 0; i < 12; ++i) {
                const PrivateKey& from = users[static_cast<std::size_t>((next + i) % users.size())];
                const Address to = addressOf(users[static_cast<std::size_t>((next + i + 1) % users.size())]);
                const std::uint64_t nonce = chain->pendingNonce(addressOf(from));
                const Bytes raw = i % 3 == 0 ? signedCall(from, nonce, to, {}, U256(next))
                                             : signedCall(from, nonce, kNrgToken, call::transfer(to, U256(next + i)));
                const auto r = chain->submitRawTransaction(view(raw));
                if (!r.accepted) throw std::runtime_error("refused: " + r.error);
            }
            const Block b = chain->produceBlock(sealer, kTestGenesisTime + 5 * next);
            std::printf("commit %llu %s\n", static_cast<unsigned long long>(b.header.number), toHex(view(b.hash())).c_str());
            std::fflush(stdout);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ledger_kill_writer: %s\n", e.what());
        return 1;
    }
}
