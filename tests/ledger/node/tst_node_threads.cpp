// Chain is shared by RPC threads and a sealing thread: four threads submit transfers and
// query while the main thread seals blocks. Every accepted transaction ends up in exactly one
// block, nonces are gap-free, balances add up, and the stored chain verifies.
#include "tests/ledger/Check.h"
#include "tests/ledger/LedgerTestSupport.h"

#include <atomic>
#include <thread>

using namespace swarmergy::ledger_test;
using namespace swarmergy::ledger::contracts;

int main() {
    ScratchDir dir("ledger-threads");
    ChainSetup setup = testSetup(dir.file("chain.db"));
    setup.durability = Durability::Normal;   // this test is about threads, not fsync
    auto chain = Chain::open(setup);
    const PrivateKey sealer = seededKey("authority 0");
    const Address sink = addressOf(seededKey("sink"));
    constexpr int kThreads = 4, kPerThread = 150;
    std::atomic<int> accepted{0}, finished{0};
    std::vector<std::vector<Hash256>> hashes(kThreads);
    std::vector<std::thread> clients;
    for (int t = 0; t < kThreads; ++t) {
        clients.emplace_back([&, t] {
            const PrivateKey key = seededKey("user " + std::to_string(t));
            const Address me = addressOf(key);
            for (int i = 0; i < kPerThread; ++i) {
                const std::uint64_t nonce = chain->pendingNonce(me);
                const auto r = chain->submitRawTransaction(view(signedCall(key, nonce, kNrgToken, call::transfer(sink, U256(1)))));
                if (r.accepted) {
                    ++accepted;
                    hashes[static_cast<std::size_t>(t)].push_back(r.hash);
                }
                (void)chain->account(me);                     // queries interleaved with sealing
                (void)chain->blockByNumber(chain->headNumber());
            }
            ++finished;
        });
    }
    std::uint64_t timestamp = kTestGenesisTime;
    while (finished.load() < kThreads || chain->pendingCount() > 0) {
        if (chain->pendingCount() == 0) {
            std::this_thread::yield();   // nothing to seal yet (not a synchronisation: the loop re-checks)
            continue;
        }
        chain->produceBlock(sealer, ++timestamp, true, 97);
    }
    for (auto& c : clients) c.join();

    CHECK(accepted.load() == kThreads * kPerThread);   // each thread owns its sender: no nonce races
    std::size_t included = 0;
    for (int t = 0; t < kThreads; ++t) {
        for (const Hash256& h : hashes[static_cast<std::size_t>(t)]) {
            const auto rc = chain->receiptByHash(h);
            included += rc && rc->receipt.success;
        }
        CHECK(chain->account(addressOf(seededKey("user " + std::to_string(t)))).nonce == kPerThread);
    }
    CHECK(included == static_cast<std::size_t>(kThreads * kPerThread));
    CallRequest balance;
    balance.to = kNrgToken;
    balance.data = call::balanceOf(sink);
    CHECK(abiWord(view(chain->call(balance).returnData), 0) == U256(kThreads * kPerThread));
    chain.reset();
    auto store = ChainStore::open(setup.databasePath);
    const auto v = verifyStoredChain(*store, setup.chain.authorities);
    CHECK(v.ok);
    if (!v.ok) std::printf("  %s\n", v.error.c_str());
    return swarmergy::ledger_test::testResult("tst_ledger_node_threads");
}
