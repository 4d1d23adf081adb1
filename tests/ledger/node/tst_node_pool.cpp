// The pool keeps every accepted, not-yet-included transaction, in nonce order, and
// pendingNonce(sender) == account nonce + the sender's pooled count, after:
//  1. a block that skips a sender's transaction for lack of gas (its later ones wait too,
//     they are not executed out of order and dropped for "nonce too high");
//  2. a reorg that orphans a block while the pool is at its size limit (the re-pooled
//     transactions were accepted already: none is refused for "pool is full");
//  3. a reorg then a competing block holding part of the same sender's transactions;
//  4. a reorg racing with a submitter that reads pendingNonce then submits (the console's
//     feeder): the pool is never seen empty half-way through a rewind, so no accepted
//     transaction loses its nonce to a newer one;
//  5. admissions made while a block is being produced (held on a latch): kept and counted
//     once; one that follows a transaction dropped at sealing (funds spent) cannot be sealed
//     and leaves with it, so the sender's pending nonce is right again.
#include "tests/ledger/Check.h"
#include "tests/ledger/LedgerTestSupport.h"

#include <atomic>
#include <latch>
#include <thread>

using namespace swarmergy::ledger_test;
using namespace swarmergy::ledger::contracts;

namespace {

constexpr std::uint64_t kWei = 1'000'000'000'000'000'000ULL;   // a test user's genesis balance

Bytes transfer(const PrivateKey& from, std::uint64_t nonce, std::uint64_t amount = 1) {
    return signedCall(from, nonce, kNrgToken, call::transfer(addressOf(seededKey("sink")), U256(amount)));
}

// A native-coin payment with an explicit gas limit (21,000 is exactly its intrinsic gas).
Bytes payment(const PrivateKey& from, std::uint64_t nonce, std::uint64_t gas, U256 value = U256(1)) {
    return signedCall(from, nonce, addressOf(seededKey("sink")), {}, value, TxType::Legacy, 2468, gas);
}

Hash256 submitOk(Chain& chain, const Bytes& raw) {
    const SubmitResult r = chain.submitRawTransaction(view(raw));
    if (!r.accepted) std::printf("  refused: %s\n", r.error.c_str());
    CHECK(r.accepted);
    return r.hash;
}

// Every hash in `pooled` is still pending, the pool holds nothing else from `sender`
// (checked through the count), and the pending nonce follows the account's.
void checkPool(const Chain& chain, const Address& sender, const std::vector<Hash256>& pooled) {
    for (const Hash256& h : pooled) {
        const bool present = chain.pendingTransaction(h).has_value();
        if (!present) std::printf("  pooled transaction %s lost\n", toHex(view(h)).c_str());
        CHECK(present);
    }
    CHECK_EQ(chain.pendingNonce(sender), chain.account(sender).nonce + pooled.size());
}

// Seals until the pool is empty; returns the sender's nonces in inclusion order.
std::vector<std::uint64_t> sealAll(Chain& chain, const PrivateKey& sealer, std::uint64_t& timestamp, const Address& sender) {
    std::vector<std::uint64_t> nonces;
    for (int guard = 0; guard < 20 && chain.pendingCount() > 0; ++guard)
        for (const auto& tx : chain.produceBlock(sealer, ++timestamp).transactions)
            if (tx.sender == sender) nonces.push_back(tx.tx.nonce);
    CHECK_EQ(chain.pendingCount(), 0u);
    return nonces;
}

bool consecutiveFrom(const std::vector<std::uint64_t>& nonces, std::uint64_t first) {
    for (std::size_t i = 0; i < nonces.size(); ++i)
        if (nonces[i] != first + i) return false;
    return true;
}

void gasSkipKeepsLaterTransactions() {
    ChainSetup setup = testSetup(":memory:");
    setup.chain.blockGasLimit = 100'000;
    auto chain = Chain::open(setup);
    const PrivateKey sealer = seededKey("authority 0");
    const PrivateKey u0 = seededKey("user 0"), u1 = seededKey("user 1");
    const Address user0 = addressOf(u0);
    submitOk(*chain, payment(u1, 0, 21'000));   // 79,000 gas left after it
    std::vector<Hash256> pooled;
    pooled.push_back(submitOk(*chain, payment(u0, 0, 90'000)));   // does not fit: next block
    pooled.push_back(submitOk(*chain, payment(u0, 1, 21'000)));   // would fit, but must follow nonce 0
    pooled.push_back(submitOk(*chain, payment(u0, 2, 21'000)));
    const Block first = chain->produceBlock(sealer, kTestGenesisTime + 1);
    CHECK_EQ(first.transactions.size(), 1u);
    CHECK_EQ(chain->account(user0).nonce, 0u);
    checkPool(*chain, user0, pooled);
    CHECK_EQ(chain->pendingCount(), 3u);
    std::uint64_t timestamp = kTestGenesisTime + 1;
    const auto sealed = sealAll(*chain, sealer, timestamp, user0);
    CHECK_EQ(sealed.size(), 3u);
    CHECK(consecutiveFrom(sealed, 0));
    CHECK_EQ(chain->account(user0).nonce, 3u);
}

void reorgAtPoolLimit() {
    ChainSetup setup = testSetup(":memory:");
    setup.maxPoolTransactions = 30;
    auto chain = Chain::open(setup);
    const PrivateKey sealer = seededKey("authority 0");
    const PrivateKey u0 = seededKey("user 0");
    const Address user0 = addressOf(u0);
    std::vector<Hash256> accepted;
    for (std::uint64_t n = 0; n < 20; ++n) accepted.push_back(submitOk(*chain, transfer(u0, n)));
    CHECK_EQ(chain->produceBlock(sealer, kTestGenesisTime + 1, true, 12).transactions.size(), 12u);
    for (std::uint64_t n = 20; n < 42; ++n) accepted.push_back(submitOk(*chain, transfer(u0, n)));
    CHECK_EQ(chain->pendingCount(), 30u);   // at the limit
    CHECK(!chain->submitRawTransaction(view(transfer(u0, 42))).accepted);

    CHECK_EQ(chain->rewindTo(0).size(), 1u);   // the block's 12 come back in front of the 30
    CHECK_EQ(chain->account(user0).nonce, 0u);
    checkPool(*chain, user0, accepted);
    CHECK_EQ(chain->pendingCount(), 42u);
    std::uint64_t timestamp = kTestGenesisTime + 1;
    const auto sealed = sealAll(*chain, sealer, timestamp, user0);
    CHECK_EQ(sealed.size(), 42u);
    CHECK(consecutiveFrom(sealed, 0));
}

void reorgToCompetingBlock() {
    const ChainSetup setup = testSetup(":memory:");
    auto ours = Chain::open(setup);
    auto theirs = Chain::open(setup);
    const PrivateKey u0 = seededKey("user 0"), u1 = seededKey("user 1");
    const Address user0 = addressOf(u0);
    submitOk(*theirs, transfer(u1, 0));
    std::vector<Hash256> accepted;
    for (std::uint64_t n = 0; n < 20; ++n) {
        accepted.push_back(submitOk(*ours, transfer(u0, n)));
        submitOk(*theirs, transfer(u0, n));   // gossip
    }
    ours->produceBlock(seededKey("authority 0"), kTestGenesisTime + 1, false, 12);   // out of turn
    const Block heavier = theirs->produceBlock(seededKey("authority 1"), kTestGenesisTime + 1, true, 6);
    for (std::uint64_t n = 20; n < 25; ++n) accepted.push_back(submitOk(*ours, transfer(u0, n)));

    ours->rewindTo(0);
    checkPool(*ours, user0, accepted);
    ours->importBlock(heavier);   // user 0's nonces 0..4 and user 1's 0
    CHECK_EQ(ours->account(user0).nonce, 5u);
    checkPool(*ours, user0, std::vector<Hash256>(accepted.begin() + 5, accepted.end()));
    CHECK_EQ(ours->pendingCount(), 20u);
    std::uint64_t timestamp = kTestGenesisTime + 1;
    const auto sealed = sealAll(*ours, seededKey("authority 2"), timestamp, user0);
    CHECK_EQ(sealed.size(), 20u);
    CHECK(consecutiveFrom(sealed, 5));
}

// A feeder thread signs at pendingNonce and submits while the main thread seals and rewinds.
// Refusals are allowed (a nonce read just before a block or a rewind); a loss is not: every
// accepted transaction must end up sealed.
void reorgRacingWithSubmitter() {
    ChainSetup setup = testSetup(":memory:");
    auto chain = Chain::open(setup);
    const PrivateKey sealer = seededKey("authority 0");
    const PrivateKey u0 = seededKey("user 0");
    const Address user0 = addressOf(u0);
    constexpr int kSubmissions = 600;
    std::vector<Hash256> accepted;
    std::atomic<bool> done{false};
    std::thread feeder([&] {
        for (int i = 0; i < kSubmissions; ++i) {
            const std::uint64_t nonce = chain->pendingNonce(user0);
            const SubmitResult r = chain->submitRawTransaction(view(transfer(u0, nonce, 1 + static_cast<std::uint64_t>(i))));
            if (r.accepted) accepted.push_back(r.hash);
        }
        done = true;
    });
    std::uint64_t timestamp = kTestGenesisTime;
    int rewinds = 0;
    while (!done.load() || rewinds < 3) {
        chain->produceBlock(sealer, ++timestamp, true, 9);
        if (chain->headNumber() >= 2 && timestamp % 2 == 0) {
            chain->rewindTo(chain->headNumber() - 2);   // two blocks orphaned, their transactions re-pooled
            ++rewinds;
        }
    }
    feeder.join();
    CHECK(!accepted.empty());
    CHECK_EQ(chain->pendingNonce(user0), chain->account(user0).nonce + chain->pendingCount());
    (void)sealAll(*chain, sealer, timestamp, user0);
    std::size_t lost = 0;
    for (const Hash256& h : accepted) lost += !chain->receiptByHash(h).has_value();
    if (lost) std::printf("  %zu of %zu accepted transactions lost\n", lost, accepted.size());
    CHECK_EQ(lost, 0u);
    CHECK_EQ(chain->account(user0).nonce, accepted.size());
}

void admissionsDuringProduction() {
    ScratchDir dir("ledger-pool");
    ChainSetup setup = testSetup(dir.file("chain.db"));   // file: admission does not take the chain's lock
    setup.durability = Durability::Normal;
    std::latch entered(1), release(1);
    std::atomic<int> hookCalls{0};
    setup.duringProductionHook = [&](std::uint64_t) {
        if (hookCalls++ != 0) return;   // only the first block is held
        entered.count_down();
        release.wait();
    };
    auto chain = Chain::open(setup);
    const PrivateKey sealer = seededKey("authority 0");
    const PrivateKey u0 = seededKey("user 0"), u1 = seededKey("user 1"), u2 = seededKey("user 2");
    const Address user0 = addressOf(u0), user1 = addressOf(u1), user2 = addressOf(u2);
    const U256 most(kWei / 10 * 6);   // each fits the balance alone, not both
    submitOk(*chain, payment(u0, 0, 21'000, most));
    const Hash256 unpayable = submitOk(*chain, payment(u0, 1, 21'000, most));   // dropped at sealing
    std::vector<Hash256> user1Pooled;
    for (std::uint64_t n = 0; n < 3; ++n) user1Pooled.push_back(submitOk(*chain, transfer(u1, n)));

    std::thread producer([&] { chain->produceBlock(sealer, kTestGenesisTime + 1); });
    entered.wait();   // the block is executed; the chain's lock is held until `release`
    const Hash256 afterUnpayable = submitOk(*chain, payment(u0, 2, 21'000));
    std::vector<Hash256> duringProduction;
    for (std::uint64_t n = 3; n < 6; ++n) duringProduction.push_back(submitOk(*chain, transfer(u1, n)));
    duringProduction.push_back(submitOk(*chain, transfer(u2, 0)));
    release.count_down();
    producer.join();

    CHECK_EQ(chain->headNumber(), 1u);
    CHECK_EQ(chain->account(user0).nonce, 1u);
    CHECK_EQ(chain->account(user1).nonce, 3u);
    // user 0: nonce 1 could not pay and left; nonce 2 can never follow it, so it left too and
    // the pending nonce is 1 again (not 2 with a nonce-2 transaction stuck in the pool).
    CHECK(!chain->pendingTransaction(unpayable) && !chain->pendingTransaction(afterUnpayable));
    checkPool(*chain, user0, {});
    checkPool(*chain, user1, {duringProduction.begin(), duringProduction.begin() + 3});
    checkPool(*chain, user2, {duringProduction.back()});
    CHECK_EQ(chain->pendingCount(), 4u);
    const Hash256 resent = submitOk(*chain, payment(u0, chain->pendingNonce(user0), 21'000));
    std::uint64_t timestamp = kTestGenesisTime + 1;
    const auto sealed = sealAll(*chain, sealer, timestamp, user1);
    CHECK(sealed == (std::vector<std::uint64_t>{3, 4, 5}));
    CHECK(chain->receiptByHash(resent).has_value() && chain->receiptByHash(duringProduction.back()).has_value());
    // Counted once: nothing pending is left for anyone.
    CHECK_EQ(chain->pendingNonce(user0), 2u);
    CHECK_EQ(chain->pendingNonce(user1), 6u);
    CHECK_EQ(chain->pendingNonce(user2), 1u);
    for (const Hash256& h : user1Pooled) CHECK(chain->receiptByHash(h).has_value());
}

}  // namespace

int main() {
    gasSkipKeepsLaterTransactions();
    reorgAtPoolLimit();
    reorgToCompetingBlock();
    reorgRacingWithSubmitter();
    admissionsDuringProduction();
    return swarmergy::ledger_test::testResult("tst_ledger_node_pool");
}
