// ChainStore: a block with transactions, receipts, logs and state changes round-trips through a
// reopen; logs filter like eth_getLogs; commits must extend the head; verifyStoredChain finds
// a broken link, a foreign seal and state that does not match the head's root.
#include "ledger/storage/ChainStore.h"
#include "tests/ledger/Check.h"
#include "tests/ledger/LedgerTestSupport.h"

#include <sqlite3.h>

using namespace swarmergy::ledger_test;
using namespace swarmergy::ledger::contracts;

namespace {
void corrupt(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
}
}  // namespace

int main() {
    ScratchDir dir("ledger-store");
    const std::string path = dir.file("chain.db");
    const ChainSetup setup = testSetup(path);
    const PrivateKey authority = seededKey("authority 0"), user = seededKey("user 0");
    const Address bob = addressOf(seededKey("user 1"));
    Hash256 transferHash{}, blockHash{};
    {
        // Build blocks through the node (genesis + 2 blocks), the store underneath.
        auto chain = Chain::open(setup);
        const auto r1 = chain->submitRawTransaction(view(signedCall(user, 0, kNrgToken, call::transfer(bob, U256(5)))));
        const auto r2 = chain->submitRawTransaction(view(signedCall(user, 1, bob, {}, U256(7), TxType::DynamicFee)));
        CHECK(r1.accepted && r2.accepted);
        transferHash = r1.hash;
        blockHash = chain->produceBlock(authority, kTestGenesisTime + 5).hash();
        chain->produceBlock(authority, kTestGenesisTime + 10);
    }
    auto store = ChainStore::open(path);
    CHECK(store->headNumber() == std::optional<std::uint64_t>(2));
    const auto block1 = store->blockByNumber(1);
    CHECK(block1 && block1->hash() == blockHash && block1->transactions.size() == 2);
    CHECK(store->numberOfHash(blockHash) == std::optional<std::uint64_t>(1));
    const auto receipts = store->receiptsOf(1);
    CHECK(receipts.size() == 2 && receipts[0].success && receipts[0].logs.size() == 1 && receipts[1].type == TxType::DynamicFee);
    CHECK(receipts[0].gasUsed > 21000 && receipts[1].gasUsed == 21000);
    const auto where = store->findTransaction(transferHash);
    CHECK(where && where->blockNumber == 1 && where->index == 0 && where->blockHash == blockHash);
    CHECK(!store->findTransaction(Hash256{}));

    // Logs: by address, by topic position with alternatives, by range.
    Hash256 bobTopic{};
    std::copy(bob.begin(), bob.end(), bobTopic.begin() + 12);
    LogFilter filter;
    filter.addresses = {kNrgToken};
    auto logs = store->logs(filter);
    CHECK(logs.size() == 1 && logs[0].transactionHash == transferHash && logs[0].blockHash == blockHash && logs[0].logIndex == 0);
    filter.topics = {{topic::approval(), topic::transfer()}, {}, {bobTopic}};
    CHECK(store->logs(filter).size() == 1);
    filter.topics = {{topic::approval()}};
    CHECK(store->logs(filter).empty());
    CHECK_THROWS(LogLimitExceeded, store->logs(LogFilter{}, 0));
    CHECK(store->logs(LogFilter{}, 1).size() == 1);
    filter = LogFilter{};
    filter.fromBlock = 2;
    CHECK(store->logs(filter).empty());
    filter.addresses = {bob};
    filter.fromBlock = 0;
    CHECK(store->logs(filter).empty());

    // Reopened state equals the state root of the head; the chain verifies.
    WorldState state;
    store->loadState(state);
    CHECK(state.stateRoot() == store->headerByNumber(2)->stateRoot);
    CHECK(state.account(bob).balance == U256(1'000'000'000'000'000'007ULL));
    const auto verified = verifyStoredChain(*store, setup.chain.authorities);
    CHECK(verified.ok && verified.head == std::optional<std::uint64_t>(2));
    if (!verified.ok) std::printf("  %s\n", verified.error.c_str());

    // Commits must extend the head.
    Block stray = *store->blockByNumber(2);
    CHECK_THROWS(std::invalid_argument, store->commitBlock(stray, {}, {}));
    stray.header.number = 3;
    CHECK_THROWS(std::invalid_argument, store->commitBlock(stray, {}, {}));   // parent is not block 2
    store->setMeta("node", view(Bytes{1, 2, 3}));
    CHECK(store->meta("node") == (Bytes{1, 2, 3}) && !store->meta("absent"));
    CHECK(verifyStoredChain(*store, {addressOf(seededKey("authority 1"))}).error.find("not an authority") != std::string::npos);
    store.reset();

    // Tampering is found.
    corrupt(path, "UPDATE accounts SET nonce = 99 WHERE address = (SELECT address FROM accounts LIMIT 1)");
    store = ChainStore::open(path);
    auto bad = verifyStoredChain(*store, setup.chain.authorities);
    CHECK(!bad.ok && bad.error.find("state root") != std::string::npos);
    store.reset();
    corrupt(path, "DELETE FROM blocks WHERE number = 1");
    store = ChainStore::open(path);
    bad = verifyStoredChain(*store, setup.chain.authorities);
    CHECK(!bad.ok && bad.error.find("block 1") != std::string::npos);
    store.reset();

    CHECK_THROWS(StorageError, ChainStore::open(dir.file("missing-dir/x.db")));
    return swarmergy::ledger_test::testResult("tst_ledger_chain_store");
}
