// Chain (node core): pool admission and refusals (bad bytes, bad signature, wrong chain,
// replay, duplicate, nonce gap, funds), block production sealed by an authority, queries
// (balances, nonces, blocks by number/hash, tx, receipt with log indices, logs, eth_call),
// import of the same blocks by a second node (same hashes and state), import refusals, and a
// reopen restoring head and state.
#include "tests/ledger/Check.h"
#include "tests/ledger/LedgerTestSupport.h"

using namespace swarmergy::ledger_test;
using namespace swarmergy::ledger::contracts;

namespace {
bool refused(const SubmitResult& r, const char* words) {
    if (r.accepted) std::printf("  accepted, expected \"%s\"\n", words);
    else if (r.error.find(words) == std::string::npos) std::printf("  \"%s\" lacks \"%s\"\n", r.error.c_str(), words);
    return !r.accepted && r.error.find(words) != std::string::npos;
}
U256 nrgOf(const Chain& chain, const Address& who) {
    CallRequest req;
    req.to = kNrgToken;
    req.data = call::balanceOf(who);
    return abiWord(view(chain.call(req).returnData), 0);
}
}  // namespace

int main() {
    ScratchDir dir("ledger-node");
    const ChainSetup setup = testSetup(dir.file("a.db"));
    auto chain = Chain::open(setup);
    const PrivateKey a0 = seededKey("authority 0"), a1 = seededKey("authority 1");
    const PrivateKey u0 = seededKey("user 0"), u1 = seededKey("user 1");
    const Address user0 = addressOf(u0), user1 = addressOf(u1);
    const U256 startNrg = nrgOf(*chain, user1);
    CHECK(chain->headNumber() == 0 && chain->pendingNonce(user0) == 0);

    // Admission.
    const Bytes t0 = signedCall(u0, 0, kNrgToken, call::transfer(user1, U256(40)));
    const Bytes t1 = signedCall(u0, 1, user1, {}, U256(3), TxType::DynamicFee);
    const SubmitResult r0 = chain->submitRawTransaction(view(t0));
    CHECK(r0.accepted && r0.hash == keccak256(view(t0)));
    CHECK(chain->submitRawTransaction(view(t1)).accepted);
    CHECK(chain->pendingNonce(user0) == 2 && chain->pendingCount() == 2);
    CHECK(refused(chain->submitRawTransaction(view(t0)), "already known"));
    CHECK(refused(chain->submitRawTransaction(view(signedCall(u0, 5, user1, {}))), "nonce too high"));
    CHECK(refused(chain->submitRawTransaction(view(signedCall(u0, 2, user1, {}, U256(0), TxType::Legacy, 1))), "wrong chain id"));
    CHECK(refused(chain->submitRawTransaction(view(Bytes{0xc0})), "legacy transaction"));
    CHECK(refused(chain->submitRawTransaction(view(Bytes(200 * 1024, 0xc0))), "oversized"));
    Bytes badSig = signedCall(u0, 2, user1, {});
    badSig[badSig.size() - 1] ^= 0xff;   // s changed: recovers someone else, who has no funds/nonce
    const auto badSigResult = chain->submitRawTransaction(view(badSig));
    CHECK(!badSigResult.accepted);
    CHECK(refused(chain->submitRawTransaction(view(signedCall(seededKey("nobody"), 0, user1, {}, U256(1)))), "insufficient funds"));

    CHECK(chain->pendingTransaction(r0.hash) && chain->pendingTransaction(r0.hash)->sender == user0);
    CHECK(cliqueCheckpointSigners(chain->blockByNumber(0)->header) == setup.chain.authorities);
    std::vector<std::uint64_t> observed;
    chain->setBlockObserver([&](const Block& b, const std::vector<Receipt>& receipts) {
        if (receipts.size() == b.transactions.size()) observed.push_back(b.header.number);
    });

    // Production: sealed by authority 0, both transactions in order, pool emptied.
    const Block b1 = chain->produceBlock(a0, kTestGenesisTime + 5);
    CHECK(b1.header.number == 1 && b1.transactions.size() == 2 && recoverSealer(b1.header) == addressOf(a0));
    CHECK(b1.header.parentHash == chain->blockByNumber(0)->hash() && b1.header.difficulty == U256(2));
    CHECK(chain->pendingCount() == 0 && chain->headNumber() == 1);
    CHECK(observed == std::vector<std::uint64_t>{1} && !chain->pendingTransaction(r0.hash));
    CHECK(chain->receiptsOfBlock(1).size() == 2);
    CHECK(chain->account(user0).nonce == 2 && nrgOf(*chain, user1) == *checkedAdd(startNrg, U256(40)));
    CHECK(refused(chain->submitRawTransaction(view(t0)), "already known"));   // replay of an included tx
    CHECK(refused(chain->submitRawTransaction(view(signedCall(u0, 0, user1, {}, U256(9)))), "nonce too low"));
    CHECK_THROWS(std::invalid_argument, chain->produceBlock(seededKey("nobody"), kTestGenesisTime + 10));

    // Queries.
    CHECK(chain->blockByHash(b1.hash())->header.number == 1);
    CHECK(!chain->blockByHash(Hash256{}));
    const auto tx = chain->transactionByHash(r0.hash);
    CHECK(tx && tx->tx.sender == user0 && tx->location.blockNumber == 1 && tx->location.index == 0);
    const auto rc = chain->receiptByHash(keccak256(view(t1)));
    CHECK(rc && rc->receipt.success && rc->location.index == 1 && rc->firstLogIndex == 1 && rc->receipt.gasUsed == 21000);
    LogFilter filter;
    filter.addresses = {kNrgToken};
    filter.topics = {{topic::transfer()}};
    CHECK(chain->logs(filter).size() == 1);

    // A second node imports the same blocks: same hashes, same state.
    auto other = Chain::open(testSetup(dir.file("b.db")));
    CHECK(other->genesisHash() == chain->genesisHash());
    other->importBlock(b1);
    CHECK(other->headHeader().hash() == b1.hash() && other->account(user0).nonce == 2);
    // A block with a reverted transfer (too much) and an out-of-turn seal by authority 1.
    CHECK(chain->submitRawTransaction(view(signedCall(u1, 0, kNrgToken, call::transfer(user0, U256::max())))).accepted);
    const Block b2 = chain->produceBlock(a1, kTestGenesisTime + 10, false);
    CHECK(b2.header.difficulty == U256(1));
    CHECK(!chain->receiptByHash(b2.transactions[0].hash)->receipt.success);
    CallRequest over;
    over.from = user1;
    over.to = kNrgToken;
    over.data = call::transfer(user0, U256::max());
    CHECK(chain->call(over).revertReason == "ERC20: transfer amount exceeds balance");

    // Import refusals, each naming the reason, and the node unchanged after them.
    Block forged = b2;
    sealHeader(forged.header, seededKey("nobody"));
    CHECK_THROWS(BlockRejected, other->importBlock(forged));
    Block badRoot = b2;
    badRoot.header.stateRoot[0] ^= 1;
    sealHeader(badRoot.header, a1);
    std::string why;
    CHECK(throwsA<BlockRejected>([&] { other->importBlock(badRoot); }, &why) && why.find("state root") != std::string::npos);
    Block dropped = b2;
    dropped.transactions.clear();
    sealHeader(dropped.header, a1);
    CHECK(throwsA<BlockRejected>([&] { other->importBlock(dropped); }, &why) && why.find("transactions root") != std::string::npos);
    CHECK_THROWS(BlockRejected, other->importBlock(b1));   // does not extend the head
    CHECK(other->headNumber() == 1 && other->account(user1).nonce == 0);
    other->importBlock(b2);
    CHECK(other->headHeader().hash() == b2.hash() && other->headHeader().stateRoot == chain->headHeader().stateRoot);

    // Fork choice support: rewind the second node to block 1 and import a competing block 2
    // sealed in turn by authority 2 (with a different transaction); its state follows.
    const Hash256 root1 = b1.header.stateRoot;
    const auto removed = other->rewindTo(1);
    CHECK(removed.size() == 1 && removed[0].hash() == b2.hash());
    CHECK(other->headNumber() == 1 && other->headHeader().hash() == b1.hash() && other->account(user1).nonce == 0);
    CHECK(other->pendingCount() == 1 && other->pendingTransaction(b2.transactions[0].hash));   // back in the pool
    CHECK(!other->transactionByHash(b2.transactions[0].hash) && !other->blockByHash(b2.hash()));
    other->rewindTo(1);   // no-op at the head
    auto third = Chain::open(testSetup(dir.file("c.db")));
    third->importBlock(b1);
    CHECK(third->submitRawTransaction(view(signedCall(u1, 0, user0, {}, U256(11)))).accepted);
    const Block b2prime = third->produceBlock(seededKey("authority 2"), kTestGenesisTime + 10, true);
    other->importBlock(b2prime);
    CHECK(other->headHeader().hash() == b2prime.hash() && other->headHeader().stateRoot == third->headHeader().stateRoot);
    CHECK(other->pendingCount() == 0);   // the orphaned tx (nonce 0 of user1) is stale now
    other.reset();
    {
        auto store = ChainStore::open(dir.file("b.db"));
        const auto v = verifyStoredChain(*store, setup.chain.authorities);
        CHECK(v.ok && v.head == std::optional<std::uint64_t>(2));
        if (!v.ok) std::printf("  %s\n", v.error.c_str());
        WorldState atOne;
        CHECK(store->rewindTo(1).size() == 1);
        store->loadState(atOne);
        CHECK(atOne.stateRoot() == root1);
    }

    // Reopen restores head and state; a different genesis is refused.
    chain.reset();
    chain = Chain::open(setup);
    CHECK(chain->headNumber() == 2 && chain->account(user0).nonce == 2 && chain->account(user1).nonce == 1);
    ChainSetup foreign = setup;
    foreign.chain.chainId = 9999;
    chain.reset();
    CHECK_THROWS(std::runtime_error, Chain::open(foreign));
    return swarmergy::ledger_test::testResult("tst_ledger_node");
}
