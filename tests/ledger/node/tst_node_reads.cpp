// Two properties of Chain that the network throughput and the RPC latency rest on:
//  1. sender cache: a transaction admitted to the pool is not recovered again when a peer's
//     block carries it (Block::decode with the chain's SenderCache), nor when the store reads
//     its block back; a transaction not seen before (or with other signature bytes) is still
//     recovered and its real sender found; the cache stays bounded;
//  2. head view: while produceBlock holds the chain's lock (blocked in the test hook on a
//     latch), reads — head number, balances, eth_call, blocks, receipts, logs, pending nonce —
//     and transaction admission complete and
//     answer the previous head; after the commit they answer the new one. Many blocks (layers
//     merged, then folded into a new base) answer what a fresh reopen answers.
#include "tests/ledger/Check.h"
#include "tests/ledger/LedgerTestSupport.h"

#include <future>
#include <latch>
#include <thread>

using namespace swarmergy::ledger_test;
using namespace swarmergy::ledger::contracts;

namespace {

U256 nrgOf(const Chain& chain, const Address& who) {
    CallRequest req;
    req.to = kNrgToken;
    req.data = call::balanceOf(who);
    return abiWord(view(chain.call(req).returnData), 0);
}

Bytes transfer(const PrivateKey& from, std::uint64_t nonce, const Address& to, std::uint64_t amount) {
    return signedCall(from, nonce, kNrgToken, call::transfer(to, U256(amount)));
}

void senderCache() {
    ChainSetup setup = testSetup(":memory:");
    auto producer = Chain::open(setup);
    auto follower = Chain::open(setup);
    const PrivateKey sealer = seededKey("authority 0");
    const PrivateKey u0 = seededKey("user 0"), u1 = seededKey("user 1");
    const Address user0 = addressOf(u0), user1 = addressOf(u1);

    // Both nodes admit the same transactions (gossip): one recovery each on each node.
    std::vector<Bytes> raws;
    for (std::uint64_t n = 0; n < 10; ++n) raws.push_back(transfer(u0, n, user1, 1 + n));
    for (const auto& raw : raws) {
        CHECK(producer->submitRawTransaction(view(raw)).accepted);
        const std::uint64_t before = recoveriesAttempted();
        CHECK(follower->submitRawTransaction(view(raw)).accepted);
        CHECK_EQ(recoveriesAttempted() - before, 1u);
    }
    const Block block = producer->produceBlock(sealer, kTestGenesisTime + 1);
    CHECK_EQ(block.transactions.size(), 10u);
    const Bytes encoded = block.encode();

    // The follower decodes the peer's block without a single recovery, senders intact.
    std::uint64_t before = recoveriesAttempted();
    const Block decoded = Block::decode(view(encoded), &follower->senderCache());
    CHECK_EQ(recoveriesAttempted() - before, 0u);
    CHECK_EQ(decoded.transactions.size(), 10u);
    for (const auto& tx : decoded.transactions) CHECK(tx.sender == user0);
    // Without the cache every transaction is recovered (what the cache saves).
    before = recoveriesAttempted();
    (void)Block::decode(view(encoded));
    CHECK_EQ(recoveriesAttempted() - before, 10u);
    follower->importBlock(decoded);
    CHECK(follower->headHeader().hash() == block.hash());

    // A transaction the follower never saw is recovered (once, then remembered).
    const Bytes fresh = transfer(u1, 0, user0, 5);
    CHECK(producer->submitRawTransaction(view(fresh)).accepted);
    const Block second = producer->produceBlock(sealer, kTestGenesisTime + 2);
    before = recoveriesAttempted();
    const Block decodedSecond = Block::decode(view(second.encode()), &follower->senderCache());
    CHECK_EQ(recoveriesAttempted() - before, 1u);
    CHECK(decodedSecond.transactions.at(0).sender == user1);
    before = recoveriesAttempted();
    (void)Block::decode(view(second.encode()), &follower->senderCache());
    CHECK_EQ(recoveriesAttempted() - before, 0u);

    // Security: the same transaction signed by someone else is other bytes, another hash:
    // recovered, and the real signer is found, not the cached sender of the original.
    Transaction forged = decodeTransaction(view(raws[3]));
    signTransaction(forged, u1);
    const Bytes forgedRaw = forged.encode();
    before = recoveriesAttempted();
    const SignedTransaction forgedTx = SignedTransaction::fromRaw(view(forgedRaw), &follower->senderCache());
    CHECK_EQ(recoveriesAttempted() - before, 1u);
    CHECK(forgedTx.sender == user1);
    // Corrupted signature bytes: never answered from the cache as the original sender.
    Bytes corrupted = raws[4];
    corrupted[corrupted.size() - 5] ^= 0x01;
    try {
        const SignedTransaction t = SignedTransaction::fromRaw(view(corrupted), &follower->senderCache());
        CHECK(t.sender != user0);
    } catch (const DecodeError&) {
        // refused outright: fine
    }

    // Blocks read back from the store reuse the senders too (RPC receipts, sync serving).
    before = recoveriesAttempted();
    const auto stored = producer->blockByNumber(1);   // below the head: read from the store
    CHECK(stored && stored->transactions.size() == 10u);
    CHECK_EQ(recoveriesAttempted() - before, 0u);

    // Bounded: two generations of capacity/2.
    SenderCache small(8);
    for (std::uint8_t i = 0; i < 100; ++i) {
        Hash256 h{};
        h[0] = i;
        small.insert(h, Address{});
        CHECK(small.size() <= 8u);
    }
    Hash256 newest{};
    newest[0] = 99;
    Hash256 oldest{};
    CHECK(small.find(newest).has_value());
    CHECK(!small.find(oldest).has_value());
}

void readsDuringProduction() {
    ScratchDir dir("ledger-reads");
    ChainSetup setup = testSetup(dir.file("chain.db"));
    setup.durability = Durability::Normal;
    std::latch entered(1), release(1);
    std::atomic<int> hookCalls{0};
    setup.duringProductionHook = [&](std::uint64_t) {
        if (hookCalls++ != 1) return;   // the second block is the one held
        entered.count_down();
        release.wait();
    };
    auto chain = Chain::open(setup);
    const PrivateKey sealer = seededKey("authority 0");
    const PrivateKey u0 = seededKey("user 0");
    const Address user0 = addressOf(u0), user1 = addressOf(seededKey("user 1"));
    const SubmitResult first = chain->submitRawTransaction(view(transfer(u0, 0, user1, 7)));
    chain->produceBlock(sealer, kTestGenesisTime + 1);   // block 1, not held
    const U256 nrgBefore = nrgOf(*chain, user1);
    CHECK(chain->submitRawTransaction(view(transfer(u0, 1, user1, 11))).accepted);

    std::thread producer([&] { chain->produceBlock(sealer, kTestGenesisTime + 2); });
    entered.wait();   // block 2 executed, the chain's lock is held until `release`
    auto reads = std::async(std::launch::async, [&] {
        bool ok = chain->headNumber() == 1;
        ok = ok && nrgOf(*chain, user1) == nrgBefore;
        ok = ok && chain->account(user0).nonce == 1;
        ok = ok && chain->pendingNonce(user0) == 2 && chain->pendingCount() == 1;   // pool queries too
        ok = ok && chain->blockByNumber(1).has_value() && chain->blockByNumber(0).has_value();
        ok = ok && !chain->blockByNumber(2).has_value();
        ok = ok && chain->headerByHash(chain->headHeader().hash()).has_value();
        ok = ok && chain->receiptByHash(first.hash).has_value();
        LogFilter all;
        ok = ok && chain->logs(all).size() == 1;
        ok = ok && chain->receiptsOfBlock(1).size() == 1;
        // Admission does not wait either (validated against the head view + the pool).
        ok = ok && chain->submitRawTransaction(view(transfer(u0, 2, user1, 13))).accepted;
        ok = ok && chain->pendingNonce(user0) == 3;
        return ok;
    });
    // A bounded wait, not a synchronisation: reads that needed the held lock would never finish.
    const bool finished = reads.wait_for(std::chrono::seconds(20)) == std::future_status::ready;
    CHECK(finished);
    release.count_down();
    producer.join();
    if (finished) CHECK(reads.get());
    CHECK_EQ(chain->headNumber(), 2u);
    CHECK(nrgOf(*chain, user1) == *checkedAdd(nrgBefore, U256(11)));
    CHECK(chain->blockByNumber(2).has_value());
    // The held block took the pool as it was; the admission made meanwhile waits for the next.
    CHECK(chain->pendingNonce(user0) == 3 && chain->pendingCount() == 1);
    CHECK_EQ(chain->produceBlock(sealer, kTestGenesisTime + 3).transactions.size(), 1u);
    CHECK(nrgOf(*chain, user1) == *checkedAdd(nrgBefore, U256(24)));
}

void viewMatchesReopen() {
    ScratchDir dir("ledger-view");
    ChainSetup setup = testSetup(dir.file("chain.db"));
    setup.durability = Durability::Normal;
    auto chain = Chain::open(setup);
    const PrivateKey sealer = seededKey("authority 0");
    std::vector<PrivateKey> users;
    for (int i = 0; i < 4; ++i) users.push_back(seededKey("user " + std::to_string(i)));
    std::vector<std::uint64_t> nonces(4, 0);
    std::vector<Address> recipients;
    std::uint64_t timestamp = kTestGenesisTime;
    // 30 small blocks (layers merged past 16), then two of 2,100 new recipients each (more
    // than 4,096 changed entries: folded into a new base).
    for (int b = 0; b < 30; ++b) {
        const std::size_t u = static_cast<std::size_t>(b % 4);
        CHECK(chain->submitRawTransaction(view(transfer(users[u], nonces[u]++, addressOf(users[(u + 1) % 4]), 3))).accepted);
        chain->produceBlock(sealer, ++timestamp);
    }
    for (int b = 0; b < 2; ++b) {
        for (int i = 0; i < 2100; ++i) {
            const std::size_t u = static_cast<std::size_t>(i % 4);
            recipients.push_back(addressOf(seededKey("recipient " + std::to_string(b) + "/" + std::to_string(i))));
            CHECK(chain->submitRawTransaction(view(transfer(users[u], nonces[u]++, recipients.back(), 1 + i % 5))).accepted);
        }
        chain->produceBlock(sealer, ++timestamp);
    }
    CHECK(chain->submitRawTransaction(view(transfer(users[0], nonces[0]++, recipients[0], 1000))).accepted);
    chain->produceBlock(sealer, ++timestamp);

    std::vector<Address> everyone = recipients;
    for (const auto& u : users) everyone.push_back(addressOf(u));
    everyone.push_back(addressOf(sealer));
    std::vector<std::pair<Account, U256>> seen;
    for (const auto& a : everyone) seen.emplace_back(chain->account(a), nrgOf(*chain, a));
    CHECK(seen[0].second == U256(1001));
    chain.reset();
    auto reopened = Chain::open(setup);
    for (std::size_t i = 0; i < everyone.size(); ++i) {
        CHECK(reopened->account(everyone[i]) == seen[i].first);
        CHECK(nrgOf(*reopened, everyone[i]) == seen[i].second);
    }
}

}  // namespace

int main() {
    senderCache();
    readsDuringProduction();
    viewMatchesReopen();
    return swarmergy::ledger_test::testResult("tst_ledger_node_reads");
}
