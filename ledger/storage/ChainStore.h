#pragma once
// SQLite (WAL) persistence of the chain: blocks, transactions, receipts, logs and the world
// state. commitBlock writes a block, its transactions, receipts, logs and its state changes in
// ONE SQLite transaction, so a kill -9 or power loss at any instant leaves either the whole
// block or none of it (with synchronous=FULL, a commit that returned survives power loss too).
// Reopening restores the head and the state. One writer per database (SQLite's own lock).
#include "ledger/chain/Execution.h"

#include <memory>
#include <set>

struct sqlite3;

namespace swarmergy::ledger {

struct StorageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A log with where it was emitted, as eth_getLogs reports it.
struct LogEntry {
    Log log;
    std::uint64_t blockNumber = 0;
    Hash256 blockHash{};
    Hash256 transactionHash{};
    std::uint32_t transactionIndex = 0;
    std::uint32_t logIndex = 0;   // index within the block
};

// eth_getLogs semantics: inclusive block range; any of `addresses` (empty = any); topics by
// position, each a set of alternatives (empty set = wildcard).
struct LogFilter {
    std::uint64_t fromBlock = 0;
    std::uint64_t toBlock = ~0ULL;
    std::vector<Address> addresses;
    std::vector<std::vector<Hash256>> topics;
    bool matches(const Log& log) const;
};

// More logs matched than the caller's limit (eth_getLogs answers such queries with an error,
// as geth does with "query returned more than 10000 results").
struct LogLimitExceeded : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct TransactionLocation {
    std::uint64_t blockNumber = 0;
    std::uint32_t index = 0;
    Hash256 blockHash{};
};

enum class Durability { Full, Normal };   // PRAGMA synchronous; Normal survives process kills only

class ChainStore {
public:
    // Opens or creates the database; throws StorageError naming the path and SQLite's message.
    static std::unique_ptr<ChainStore> open(const std::string& path, Durability durability = Durability::Full);
    // A second, query-only connection to an existing file database (WAL): its reads see the
    // last committed block and never wait for the writer's transaction. Not for ":memory:".
    static std::unique_ptr<ChainStore> openReader(const std::string& path);
    ~ChainStore();
    ChainStore(const ChainStore&) = delete;
    ChainStore& operator=(const ChainStore&) = delete;

    std::optional<std::uint64_t> headNumber() const;
    // Block `number` must be head + 1 (0 on an empty store) and its parent hash the head's hash.
    // `undo` (the previous values of every touched entry, as WorldState::apply returns them)
    // is stored with the block so that rewindTo can take it back out.
    void commitBlock(const Block& block, const std::vector<Receipt>& receipts, const StateChanges& changes,
                     const StateChanges& undo = {});
    // Removes every block above `number` (fork choice switching to another branch), restoring
    // the stored state from the blocks' undo records, in ONE SQLite transaction. Returns the
    // undo records applied, newest block first, for the caller's in-memory state. Throws
    // std::invalid_argument when `number` is above the head.
    std::vector<StateChanges> rewindTo(std::uint64_t number);

    std::optional<BlockHeader> headerByNumber(std::uint64_t number) const;
    std::optional<std::uint64_t> numberOfHash(const Hash256& hash) const;
    std::optional<Block> blockByNumber(std::uint64_t number) const;
    std::vector<Receipt> receiptsOf(std::uint64_t number) const;   // with gasUsed and effectiveGasPrice
    std::optional<TransactionLocation> findTransaction(const Hash256& hash) const;
    // Throws LogLimitExceeded when more than `limit` logs match.
    std::vector<LogEntry> logs(const LogFilter& filter, std::size_t limit = 10000) const;

    void loadState(WorldState& state) const;
    // Decoded transactions take their sender from this cache when their hash is in it
    // (blocks this node admitted or decoded before); others are recovered and added.
    void setSenderCache(std::shared_ptr<SenderCache> cache) { senders_ = std::move(cache); }
    // A read transaction: the queries between begin and end see one committed state (a
    // block and its transactions together, even while another connection commits).
    void beginRead() const;
    void endRead() const;
    // Small key/value settings for the node (genesis configuration, node id, ...).
    void setMeta(const std::string& key, ByteView value);
    std::optional<Bytes> meta(const std::string& key) const;

private:
    explicit ChainStore(sqlite3* db);
    sqlite3* db_;
    std::shared_ptr<SenderCache> senders_;
    void exec(const char* sql) const;
};

// Walks the stored chain from genesis: number sequence, parent-hash links, Clique seals,
// transaction and receipt roots, gasUsed and logs bloom recomputed from the stored bodies
// (senders recovered again), and the head's state root recomputed from the stored state.
// Seals: the Clique signer set is replayed from `authorities` (the genesis signers) through
// the votes in the headers (EIP-225: coinbase + nonce, majority, a dropped signer's votes
// discarded) and the epoch checkpoints (every `epochLength` blocks: votes reset, extraData
// must list exactly the voted signers); every block after 0 must be sealed by a signer in
// force at its parent, so a voted-in signer's blocks verify and a dropped one's do not.
// Turn order, the recent-signer rule and timing are import-time rules, not re-checked here.
struct ChainVerification {
    bool ok = false;
    std::string error;               // the first problem, with the block number
    std::optional<std::uint64_t> head;
};
ChainVerification verifyStoredChain(const ChainStore& store, const std::vector<Address>& authorities,
                                    std::uint64_t epochLength = 1000);

}  // namespace swarmergy::ledger
