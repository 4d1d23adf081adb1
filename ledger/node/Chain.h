#pragma once
// The single-process ledger node core: a transaction pool, block production sealed by an
// authority key (Clique seal in extraData), block import with full re-execution, persistence
// through ChainStore, and the queries a JSON-RPC layer maps onto (balance, nonce, blocks,
// transactions, receipts, logs, eth_call). Thread-safe: block mutations (produce, import,
// rewind) take one mutex; read-only queries never take it (see HeadView below), so a read
// never waits for a block being produced or imported.
//
// Not here (built on top by others): Clique turn rules and signer voting (difficulty is
// given by the caller), p2p, JSON-RPC.
#include "ledger/contracts/SwarmergyContracts.h"
#include "ledger/storage/ChainStore.h"

#include <atomic>
#include <deque>
#include <functional>
#include <mutex>
#include <unordered_set>

namespace swarmergy::ledger {

struct ChainSetup {
    ChainConfig chain;
    contracts::ContractsConfig contracts;
    std::string databasePath = ":memory:";
    Durability durability = Durability::Full;
    std::string genesisVanity = "SwarmLedger genesis";
    std::size_t maxPoolTransactions = 200'000;            // beyond: "transaction pool is full"
    std::size_t maxTransactionBytes = 128 * 1024;         // as geth's txMaxSize
    // When true the sealer of produced/imported blocks is not checked against the genesis
    // `chain.authorities`: the consensus layer (ledger/consensus, Clique snapshots with voted
    // signers) has verified it before calling importBlock/produceBlock. The seal must still
    // recover. Default false: the genesis authorities are the only sealers.
    bool sealersCheckedByConsensus = false;
    // Authorities for HubRegistry/Settlement calls at a block (see ledger/chain/Execution.h);
    // empty: the genesis `chain.authorities`. Set it with the Clique signer set when signers
    // are voted in and out, so a voted-in signer may also register hubs.
    AuthorityCheck contractAuthorities;
    // Tests only: called inside produceBlock after the transactions were executed, before
    // sealing and committing, with the chain's lock held (a test blocks here on a latch to
    // prove that reads do not wait for production).
    std::function<void(std::uint64_t blockNumber)> duringProductionHook;
};

// The head as read-only queries see it: immutable once published, replaced (an atomic
// shared_ptr swap) after every commit, so readers hold a consistent head — header, block and
// state together — without any lock. The state is the full state at some earlier block
// (`base`) plus the changes of the blocks since (`layers`, oldest first), folded into a new
// base when they grow: a block costs O(its changes), not a copy of the state.
class HeadView final : public StateReader {
public:
    BlockHeader header;
    Hash256 hash{};
    std::shared_ptr<const Block> block;              // the head block itself
    std::shared_ptr<const StateChanges> base;        // complete state (no zero entries)
    std::vector<std::shared_ptr<const StateChanges>> layers;
    std::size_t layerEntries = 0;

    Account account(const Address& address) const override;
    U256 storage(const Address& address, const Hash256& slot) const override;
};

// Clique fields the consensus layer puts into a produced header (EIP-225): a vote in
// coinbase + nonce (0xff..ff add, 0x00..00 drop) and the signer list at epoch checkpoints.
struct SealFields {
    Address coinbase{};
    std::array<std::uint8_t, 8> nonce{};
    std::vector<Address> checkpointSigners;
};

struct SubmitResult {
    bool accepted = false;
    Hash256 hash{};
    std::string error;   // why it was refused (decode, signature, chain id, nonce/replay, funds, gas)
};

struct BlockRejected : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct TransactionLookup {
    SignedTransaction tx;
    TransactionLocation location;
};

struct ReceiptLookup {
    Receipt receipt;
    SignedTransaction tx;
    TransactionLocation location;
    std::uint32_t firstLogIndex = 0;   // block-wide index of the receipt's first log
    std::uint64_t cumulativeLogsBefore = 0;
};

class Chain {
public:
    // Opens the database; writes genesis on an empty one, else restores head and state and
    // checks the stored genesis is this configuration's (throws std::runtime_error if not).
    static std::unique_ptr<Chain> open(const ChainSetup& setup);

    const ChainConfig& config() const { return setup_.chain; }
    Hash256 genesisHash() const { return genesisHash_; }
    // The current head view (lock-free): answer several queries from one consistent head.
    std::shared_ptr<const HeadView> headView() const { return view_.load(); }
    // Senders recovered by this node, by transaction hash (pool admission, decoded blocks):
    // pass it to Block::decode for blocks from peers.
    SenderCache& senderCache() { return *senders_; }

    // --- transaction pool ---
    // Decodes, recovers the sender and validates against the head state plus the sender's
    // pending transactions: nonces must follow without gaps; replays and duplicates refused.
    // Does not wait for block production (file databases; in-memory ones look up mined
    // transactions under the chain's lock).
    SubmitResult submitRawTransaction(ByteView raw);
    std::uint64_t pendingNonce(const Address& sender) const;   // eth_getTransactionCount "pending"
    std::size_t pendingCount() const;

    // --- blocks ---
    // Executes pooled transactions in arrival order (skipping and dropping any that became
    // invalid), seals with `sealerKey` (difficulty 2 in turn, 1 out of turn), commits, returns
    // the block. `timestamp` must not be before the head's.
    Block produceBlock(const PrivateKey& sealerKey, std::uint64_t timestamp, bool inTurn = true,
                       std::size_t maxTransactions = SIZE_MAX);
    // The same with Clique vote/checkpoint fields (consensus layer).
    Block produceBlock(const PrivateKey& sealerKey, std::uint64_t timestamp, bool inTurn, const SealFields& fields,
                       std::size_t maxTransactions = SIZE_MAX);
    // Validates and commits a block made elsewhere: extends the head, sealed by an authority,
    // difficulty 1 or 2, timestamp not before the parent's, every transaction valid, and gas,
    // roots and bloom equal to re-execution. Throws BlockRejected saying why.
    void importBlock(const Block& block);

    // Fork choice support: removes the blocks above `number` (store and state, atomically on
    // disk), puts their transactions back in the pool (those still valid), and returns the
    // removed blocks, newest first. The consensus layer then imports the other branch.
    std::vector<Block> rewindTo(std::uint64_t number);

    // --- queries (never wait for production: head view, or a separate SQLite reader) ---
    std::uint64_t headNumber() const;
    BlockHeader headHeader() const;
    Account account(const Address& address) const;
    U256 storageAt(const Address& address, const Hash256& slot) const;
    std::optional<Block> blockByNumber(std::uint64_t number) const;
    std::optional<Block> blockByHash(const Hash256& hash) const;
    std::optional<BlockHeader> headerByNumber(std::uint64_t number) const;   // without decoding the body
    std::optional<BlockHeader> headerByHash(const Hash256& hash) const;
    std::optional<TransactionLookup> transactionByHash(const Hash256& hash) const;
    std::optional<ReceiptLookup> receiptByHash(const Hash256& hash) const;
    std::vector<LogEntry> logs(const LogFilter& filter) const;
    std::vector<Receipt> receiptsOfBlock(std::uint64_t number) const;
    // A transaction still in the pool (eth_getTransactionByHash answers it with no block).
    std::optional<SignedTransaction> pendingTransaction(const Hash256& hash) const;

    // Called after every committed block (produced or imported), outside the chain's lock,
    // on the thread that committed it: for RPC filters, subscriptions and GUI snapshots.
    using BlockObserver = std::function<void(const Block& block, const std::vector<Receipt>& receipts)>;
    void setBlockObserver(BlockObserver observer);
    // eth_call / eth_estimateGas on the head state at max(head timestamp, now).
    CallOutcome call(const CallRequest& request) const;

private:
    explicit Chain(ChainSetup setup);
    ChainSetup setup_;
    ContractHost host_;
    std::unique_ptr<ChainStore> store_;
    WorldState state_;
    BlockHeader head_;
    Hash256 genesisHash_{};
    mutable std::mutex mutex_;                       // produce, import, rewind; state_, store_
    // Guards the pool, and is held while the head view is swapped, so admissions and pool
    // queries see the pool and the head together without taking mutex_ (taken after
    // mutex_ when both are needed, never the other way round).
    mutable std::mutex poolMutex_;
    std::atomic<std::shared_ptr<const HeadView>> view_;
    std::unique_ptr<ChainStore> reader_;             // file databases: reads beside the writer
    mutable std::mutex readerMutex_;
    std::shared_ptr<SenderCache> senders_ = std::make_shared<SenderCache>();
    BlockObserver observer_;
    std::mutex observerMutex_;
    void notify(const Block& block, const std::vector<Receipt>& receipts);

    std::deque<std::shared_ptr<const SignedTransaction>> pool_;   // arrival order (poolMutex_)
    std::unordered_set<std::string> poolHashes_;
    std::map<Address, std::uint64_t> pendingCounts_;  // transactions per sender in the pool

    Block makeGenesis(StateChanges& genesisChanges) const;
    BlockContext contextFor(std::uint64_t number, std::uint64_t timestamp, const Address& sealer) const;
    void commit(const Block& block, const BlockExecution& execution);
    // The head view after `block` (called with mutex_ held, after the store committed), or
    // rebuilt from the whole state (open, rewind); the caller stores it under poolMutex_.
    std::shared_ptr<const HeadView> nextHeadView(const Block& block, StateChanges changes) const;
    std::shared_ptr<const HeadView> fullHeadView() const;
    template <class F> auto readStore(F&& query) const;
    // Pool maintenance, both with poolMutex_ held. admitLocked validates `tx` against `head`
    // plus the sender's pooled transactions and appends it (the error if refused).
    std::optional<std::string> admitLocked(std::shared_ptr<const SignedTransaction> tx, const HeadView& head);
    // After a new head: removes `leaving` (sealed, or dropped by production) and every
    // transaction that can no longer be sealed at `head` (nonce already used, or after a gap),
    // then recounts pendingCounts_ from what stays, so pendingNonce = nonce + pooled count.
    void reconcilePool(const std::unordered_set<std::string>& leaving, const HeadView& head);
};

}  // namespace swarmergy::ledger
