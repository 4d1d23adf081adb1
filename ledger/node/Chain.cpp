#include "ledger/node/Chain.h"

#include "ledger/chain/Trie.h"

#include <chrono>

namespace swarmergy::ledger {

namespace {
std::string key(const Hash256& h) { return std::string(h.begin(), h.end()); }

// Copies `from` over `into`; when folding into a base, zero entries are dropped (absent).
void mergeChanges(StateChanges& into, const StateChanges& from, bool dropEmpty) {
    for (const auto& [address, account] : from.accounts) {
        if (dropEmpty && account == Account{}) into.accounts.erase(address);
        else into.accounts[address] = account;
    }
    for (const auto& [slot, value] : from.storage) {
        if (dropEmpty && value.isZero()) into.storage.erase(slot);
        else into.storage[slot] = value;
    }
}

std::uint64_t unixNow() {
    return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                          std::chrono::system_clock::now().time_since_epoch()).count());
}
}  // namespace

Chain::Chain(ChainSetup setup) : setup_(std::move(setup)) { contracts::installContracts(host_, setup_.contracts); }

Account HeadView::account(const Address& address) const {
    for (auto it = layers.rbegin(); it != layers.rend(); ++it)
        if (auto found = (*it)->accounts.find(address); found != (*it)->accounts.end()) return found->second;
    auto found = base->accounts.find(address);
    return found == base->accounts.end() ? Account{} : found->second;
}

U256 HeadView::storage(const Address& address, const Hash256& slot) const {
    const StorageKey k{address, slot};
    for (auto it = layers.rbegin(); it != layers.rend(); ++it)
        if (auto found = (*it)->storage.find(k); found != (*it)->storage.end()) return found->second;
    auto found = base->storage.find(k);
    return found == base->storage.end() ? U256(0) : found->second;
}

std::shared_ptr<const HeadView> Chain::fullHeadView() const {
    auto next = std::make_shared<HeadView>();
    next->header = head_;
    next->hash = head_.hash();
    auto block = store_->blockByNumber(head_.number);
    next->block = std::make_shared<const Block>(std::move(*block));
    auto base = std::make_shared<StateChanges>();
    base->accounts = state_.accounts();
    for (const auto& [address, slots] : state_.allStorage())
        for (const auto& [slot, value] : slots) base->storage[{address, slot}] = value;
    next->base = std::move(base);
    return next;
}

std::shared_ptr<const HeadView> Chain::nextHeadView(const Block& block, StateChanges changes) const {
    auto next = std::make_shared<HeadView>(*view_.load());   // shares base and layers
    next->header = block.header;
    next->hash = block.header.hash();
    next->block = std::make_shared<const Block>(block);
    next->layerEntries += changes.accounts.size() + changes.storage.size();
    next->layers.push_back(std::make_shared<const StateChanges>(std::move(changes)));
    // Bound the lookup walk and the memory: many layers become one; layers holding more
    // than a quarter of the base are folded into a new base (amortised O(changes) a block).
    const std::size_t baseEntries = next->base->accounts.size() + next->base->storage.size();
    if (next->layerEntries > std::max<std::size_t>(4096, baseEntries / 4)) {
        auto base = std::make_shared<StateChanges>(*next->base);
        for (const auto& layer : next->layers) mergeChanges(*base, *layer, true);
        next->base = std::move(base);
        next->layers.clear();
        next->layerEntries = 0;
    } else if (next->layers.size() > 16) {
        auto merged = std::make_shared<StateChanges>();
        for (const auto& layer : next->layers) mergeChanges(*merged, *layer, false);
        next->layerEntries = merged->accounts.size() + merged->storage.size();
        next->layers = {std::move(merged)};
    }
    return next;
}

// Store queries for readers: on the reader connection inside one read transaction (never
// waits for the writer), or, for in-memory databases, on the writer's under the chain lock.
template <class F> auto Chain::readStore(F&& query) const {
    if (!reader_) {
        std::lock_guard lock(mutex_);
        return query(*store_);
    }
    std::lock_guard lock(readerMutex_);
    reader_->beginRead();
    try {
        auto result = query(*reader_);
        reader_->endRead();
        return result;
    } catch (...) {
        try {
            reader_->endRead();
        } catch (...) {
        }
        throw;
    }
}

Block Chain::makeGenesis(StateChanges& genesis) const {
    genesis = contracts::genesisContractState(setup_.contracts);
    for (const auto& [address, balance] : setup_.chain.genesisBalances) genesis.accounts[address] = Account{0, balance};
    WorldState state;
    state.apply(genesis);
    Block block;
    BlockHeader& h = block.header;
    h.number = 0;
    h.timestamp = setup_.chain.genesisTimestamp;
    h.gasLimit = setup_.chain.blockGasLimit;
    h.difficulty = U256(1);
    h.stateRoot = state.stateRoot();
    h.transactionsRoot = emptyTrieRoot();
    h.receiptsRoot = emptyTrieRoot();
    // Clique genesis: vanity || the initial signers || an empty seal.
    const std::string& vanity = setup_.genesisVanity;
    setCliqueExtra(h, ByteView(reinterpret_cast<const std::uint8_t*>(vanity.data()), vanity.size()), setup_.chain.authorities);
    return block;
}

std::unique_ptr<Chain> Chain::open(const ChainSetup& setup) {
    std::unique_ptr<Chain> chain(new Chain(setup));
    chain->store_ = ChainStore::open(setup.databasePath, setup.durability);
    StateChanges genesisChanges;
    const Block genesis = chain->makeGenesis(genesisChanges);
    const auto head = chain->store_->headNumber();
    const Bytes chainId = U256(setup.chain.chainId).toMinimalBigEndian();
    if (!head) {
        chain->store_->commitBlock(genesis, {}, genesisChanges);
        chain->store_->setMeta("chainId", view(chainId));
    } else {
        // The genesis header does not contain the chain id (as in Ethereum): check it apart.
        const auto storedId = chain->store_->meta("chainId");
        if (storedId && *storedId != chainId)
            throw std::runtime_error("ledger database " + setup.databasePath + " belongs to chain id " +
                                     U256::fromBigEndian(view(*storedId)).toDecimal() + ", not " + std::to_string(setup.chain.chainId));
        if (!storedId) chain->store_->setMeta("chainId", view(chainId));   // killed right after genesis
        const auto stored = chain->store_->headerByNumber(0);
        if (!stored || stored->hash() != genesis.hash())
            throw std::runtime_error("ledger database " + setup.databasePath + " holds another chain (genesis " +
                                     (stored ? toHex(view(stored->hash())) : std::string("missing")) + ", expected " +
                                     toHex(view(genesis.hash())) + ")");
    }
    chain->store_->loadState(chain->state_);
    chain->head_ = *chain->store_->headerByNumber(*chain->store_->headNumber());
    if (chain->state_.stateRoot() != chain->head_.stateRoot)
        throw std::runtime_error("ledger database " + setup.databasePath + ": stored state does not match the head's state root");
    chain->genesisHash_ = genesis.hash();
    chain->store_->setSenderCache(chain->senders_);
    const std::string& path = setup.databasePath;
    if (!path.empty() && path != ":memory:" && path.rfind("file:", 0) != 0) {
        chain->reader_ = ChainStore::openReader(path);
        chain->reader_->setSenderCache(chain->senders_);
    }
    chain->view_.store(chain->fullHeadView());
    return chain;
}

BlockContext Chain::contextFor(std::uint64_t number, std::uint64_t timestamp, const Address& sealer) const {
    BlockContext ctx;
    ctx.number = number;
    ctx.timestamp = timestamp;
    ctx.sealer = sealer;
    ctx.config = &setup_.chain;
    ctx.authorityCheck = setup_.contractAuthorities;
    return ctx;
}

SubmitResult Chain::submitRawTransaction(ByteView raw) {
    SubmitResult result;
    if (raw.size() > setup_.maxTransactionBytes) {
        result.error = "oversized transaction: " + std::to_string(raw.size()) + " bytes (limit " + std::to_string(setup_.maxTransactionBytes) + ")";
        return result;
    }
    SignedTransaction stx;
    try {
        stx = SignedTransaction::fromRaw(raw, senders_.get());
    } catch (const DecodeError& e) {
        result.error = e.what();
        return result;
    }
    result.hash = stx.hash;
    // Admission never waits for block production: the head view and the pool change
    // together under poolMutex_ only. (A mined transaction found here gets "already known";
    // one mined just after this lookup is refused by the nonce rule in admitLocked.)
    const bool mined = readStore([&](const ChainStore& store) { return store.findTransaction(stx.hash).has_value(); });
    std::lock_guard poolLock(poolMutex_);
    if (pool_.size() >= setup_.maxPoolTransactions) {
        result.error = "transaction pool is full";
        return result;
    }
    if (mined || poolHashes_.count(key(stx.hash))) {
        result.error = "already known: transaction " + toHex(view(stx.hash));
        return result;
    }
    if (auto error = admitLocked(std::make_shared<const SignedTransaction>(std::move(stx)), *view_.load())) {
        result.error = *error;
        return result;
    }
    result.accepted = true;
    return result;
}

std::optional<std::string> Chain::admitLocked(std::shared_ptr<const SignedTransaction> tx, const HeadView& head) {
    if (poolHashes_.count(key(tx->hash))) return "already known: transaction " + toHex(view(tx->hash));
    // Validate against the head as if the sender's pending transactions were already
    // applied: the nonce must be the next one after them.
    Account projected = head.account(tx->sender);
    auto pending = pendingCounts_.find(tx->sender);
    if (pending != pendingCounts_.end()) projected.nonce += pending->second;
    StateOverlay overlay(head);
    overlay.setAccount(tx->sender, projected);
    if (auto error = validateTransaction(*tx, overlay, setup_.chain, setup_.chain.blockGasLimit)) return error;
    poolHashes_.insert(key(tx->hash));
    ++pendingCounts_[tx->sender];
    pool_.push_back(std::move(tx));
    return std::nullopt;
}

// Pool queries take only poolMutex_: the head view and the pool change together under it.
std::uint64_t Chain::pendingNonce(const Address& sender) const {
    std::lock_guard lock(poolMutex_);
    auto it = pendingCounts_.find(sender);
    return view_.load()->account(sender).nonce + (it == pendingCounts_.end() ? 0 : it->second);
}

std::size_t Chain::pendingCount() const {
    std::lock_guard lock(poolMutex_);
    return pool_.size();
}

void Chain::reconcilePool(const std::unordered_set<std::string>& leaving, const HeadView& head) {
    // Per sender, the pooled transactions must be exactly the nonces following the head's
    // account nonce, in arrival order (admission appends them so). One that does not follow
    // (its nonce was used by a peer's block, or an earlier one was dropped) can never be
    // sealed: keeping it would leave pendingNonce pointing past a gap.
    std::map<Address, std::uint64_t> nextNonce;
    std::deque<std::shared_ptr<const SignedTransaction>> kept;
    pendingCounts_.clear();
    for (auto& tx : pool_) {
        auto [expected, fresh] = nextNonce.try_emplace(tx->sender, 0);
        if (fresh) expected->second = head.account(tx->sender).nonce;
        if (leaving.count(key(tx->hash)) || tx->tx.nonce != expected->second) {
            poolHashes_.erase(key(tx->hash));
            continue;
        }
        ++expected->second;
        ++pendingCounts_[tx->sender];
        kept.push_back(std::move(tx));
    }
    pool_ = std::move(kept);
}

void Chain::commit(const Block& block, const BlockExecution& execution) {
    const StateChanges undo = state_.apply(execution.changes);
    try {
        if (state_.stateRoot() != block.header.stateRoot) throw BlockRejected("state root mismatch");
        store_->commitBlock(block, execution.receipts, execution.changes, undo);
    } catch (...) {
        state_.apply(undo);
        throw;
    }
    head_ = block.header;
}

Block Chain::produceBlock(const PrivateKey& sealerKey, std::uint64_t timestamp, bool inTurn, std::size_t maxTransactions) {
    return produceBlock(sealerKey, timestamp, inTurn, SealFields{}, maxTransactions);
}

Block Chain::produceBlock(const PrivateKey& sealerKey, std::uint64_t timestamp, bool inTurn, const SealFields& fields,
                          std::size_t maxTransactions) {
    std::unique_lock lock(mutex_);
    const Address sealer = addressOf(sealerKey);
    if (!setup_.sealersCheckedByConsensus && !setup_.chain.isAuthority(sealer)) throw std::invalid_argument("produceBlock: " + toChecksumAddress(sealer) + " is not an authority");
    if (timestamp < head_.timestamp) throw std::invalid_argument("produceBlock: timestamp before the head's");
    const BlockContext ctx = contextFor(head_.number + 1, timestamp, sealer);

    // Pick transactions in arrival order; one that fails validation now (e.g. funds spent by
    // an earlier one) is dropped with every later transaction of its sender (their nonces
    // would have a gap).
    Block block;
    BlockExecution execution;
    StateOverlay blockState(state_);
    std::unordered_set<std::string> leaving;
    std::set<Address> blocked;
    std::set<Address> deferred;   // a transaction of theirs waits for the next block: so do their later ones
    std::vector<std::shared_ptr<const SignedTransaction>> candidates;
    {
        std::lock_guard poolLock(poolMutex_);   // admissions go on meanwhile
        candidates.assign(pool_.begin(), pool_.end());
    }
    for (const auto& candidate : candidates) {
        const SignedTransaction& tx = *candidate;
        if (block.transactions.size() >= maxTransactions) break;
        if (blocked.count(tx.sender)) {
            leaving.insert(key(tx.hash));
            continue;
        }
        if (deferred.count(tx.sender)) continue;
        if (tx.tx.gasLimit > setup_.chain.blockGasLimit - execution.gasUsed) {
            // Next block. The sender's later transactions wait with it: executed now they
            // would fail "nonce too high" and be dropped although they were valid.
            deferred.insert(tx.sender);
            continue;
        }
        try {
            Receipt r = applyTransaction(blockState, tx, ctx, host_, execution.gasUsed);
            execution.gasUsed = r.cumulativeGasUsed;
            execution.logsBloom.merge(r.bloom);
            execution.receipts.push_back(std::move(r));
            block.transactions.push_back(tx);
        } catch (const InvalidTransaction&) {
            blocked.insert(tx.sender);
        }
        leaving.insert(key(tx.hash));
    }
    execution.changes = blockState.changes();
    if (setup_.duringProductionHook) setup_.duringProductionHook(head_.number + 1);

    BlockHeader& h = block.header;
    h.parentHash = head_.hash();
    h.number = head_.number + 1;
    h.timestamp = timestamp;
    h.gasLimit = setup_.chain.blockGasLimit;
    h.gasUsed = execution.gasUsed;
    h.difficulty = U256(inTurn ? 2 : 1);
    h.logsBloom = execution.logsBloom;
    h.transactionsRoot = transactionsRoot(block.transactions);
    h.receiptsRoot = receiptsRoot(execution.receipts);
    // Apply, take the root, seal and persist; any failure restores the in-memory state.
    const StateChanges undo = state_.apply(execution.changes);
    try {
        h.stateRoot = state_.stateRoot();
        h.coinbase = fields.coinbase;
        h.nonce = fields.nonce;
        setCliqueExtra(h, {}, fields.checkpointSigners);
        sealHeader(h, sealerKey);
        store_->commitBlock(block, execution.receipts, execution.changes, undo);
    } catch (...) {
        state_.apply(undo);
        throw;
    }
    head_ = h;
    const auto next = nextHeadView(block, std::move(execution.changes));
    {
        std::lock_guard poolLock(poolMutex_);
        view_.store(next);
        reconcilePool(leaving, *next);   // also transactions admitted meanwhile after a dropped one
    }
    lock.unlock();
    notify(block, execution.receipts);
    return block;
}

void Chain::importBlock(const Block& block) {
    std::unique_lock lock(mutex_);
    const BlockHeader& h = block.header;
    const std::string at = "block " + std::to_string(h.number) + ": ";
    if (h.number != head_.number + 1 || h.parentHash != head_.hash()) throw BlockRejected(at + "does not extend the head");
    const auto sealer = recoverSealer(h);
    if (!sealer) throw BlockRejected(at + "missing or invalid seal");
    if (!setup_.sealersCheckedByConsensus && !setup_.chain.isAuthority(*sealer)) throw BlockRejected(at + "sealed by " + toChecksumAddress(*sealer) + ", not an authority");
    if (h.difficulty != U256(1) && h.difficulty != U256(2)) throw BlockRejected(at + "difficulty must be 1 or 2");
    if (h.timestamp < head_.timestamp) throw BlockRejected(at + "timestamp before its parent's");
    if (h.gasLimit != setup_.chain.blockGasLimit) throw BlockRejected(at + "wrong gas limit");
    if (!h.baseFeePerGas.isZero()) throw BlockRejected(at + "baseFeePerGas must be 0");
    if (h.ommersHash != emptyOmmersHash()) throw BlockRejected(at + "ommers are not allowed");
    if (transactionsRoot(block.transactions) != h.transactionsRoot) throw BlockRejected(at + "transactions root mismatch");
    BlockExecution execution;
    try {
        execution = executeTransactions(state_, block.transactions, contextFor(h.number, h.timestamp, *sealer), host_);
    } catch (const InvalidTransaction& e) {
        throw BlockRejected(at + e.what());
    }
    if (execution.gasUsed != h.gasUsed) throw BlockRejected(at + "gasUsed mismatch");
    if (!(execution.logsBloom == h.logsBloom)) throw BlockRejected(at + "logs bloom mismatch");
    if (receiptsRoot(execution.receipts) != h.receiptsRoot) throw BlockRejected(at + "receipts root mismatch");
    try {
        commit(block, execution);
    } catch (const BlockRejected& e) {
        throw BlockRejected(at + e.what());
    }
    std::unordered_set<std::string> included;
    for (const auto& tx : block.transactions) included.insert(key(tx.hash));
    const auto next = nextHeadView(block, execution.changes);
    {
        std::lock_guard poolLock(poolMutex_);
        view_.store(next);
        reconcilePool(included, *next);   // pooled transactions the block made stale leave too
    }
    lock.unlock();
    notify(block, execution.receipts);
}

void Chain::setBlockObserver(BlockObserver observer) {
    std::lock_guard lock(observerMutex_);
    observer_ = std::move(observer);
}

void Chain::notify(const Block& block, const std::vector<Receipt>& receipts) {
    std::lock_guard lock(observerMutex_);
    if (observer_) observer_(block, receipts);
}

std::vector<Receipt> Chain::receiptsOfBlock(std::uint64_t number) const {
    if (number > headNumber()) return {};
    return readStore([&](const ChainStore& store) { return store.receiptsOf(number); });
}

std::optional<SignedTransaction> Chain::pendingTransaction(const Hash256& hash) const {
    std::lock_guard lock(poolMutex_);
    for (const auto& tx : pool_)
        if (tx->hash == hash) return *tx;
    return std::nullopt;
}

std::vector<Block> Chain::rewindTo(std::uint64_t number) {
    std::vector<Block> removed;
    std::lock_guard lock(mutex_);
    if (number >= head_.number) return removed;
    for (std::uint64_t n = head_.number; n > number; --n) removed.push_back(*store_->blockByNumber(n));
    const std::vector<StateChanges> undos = store_->rewindTo(number);
    for (const auto& undo : undos) state_.apply(undo);
    head_ = *store_->headerByNumber(number);
    const auto next = fullHeadView();
    // The pool was validated against the removed head: rebuild it from the orphaned blocks'
    // transactions (oldest first) followed by the old pool, which keeps each sender's nonce
    // order. All under poolMutex_, with the new head: an admission or pendingNonce never
    // sees the pool half rebuilt (a transaction signed then would take the nonce of a
    // re-pooled one, and every later one of that sender would be refused as a gap). Not
    // bounded by maxPoolTransactions: these were all accepted already.
    std::deque<std::shared_ptr<const SignedTransaction>> again;
    for (auto it = removed.rbegin(); it != removed.rend(); ++it)
        for (const auto& tx : it->transactions) again.push_back(std::make_shared<const SignedTransaction>(tx));
    std::lock_guard poolLock(poolMutex_);
    again.insert(again.end(), pool_.begin(), pool_.end());
    view_.store(next);
    pool_.clear();
    poolHashes_.clear();
    pendingCounts_.clear();
    for (auto& tx : again) (void)admitLocked(std::move(tx), *next);   // those no longer valid are dropped
    return removed;
}

std::uint64_t Chain::headNumber() const { return view_.load()->header.number; }

BlockHeader Chain::headHeader() const { return view_.load()->header; }

Account Chain::account(const Address& address) const { return view_.load()->account(address); }

U256 Chain::storageAt(const Address& address, const Hash256& slot) const { return view_.load()->storage(address, slot); }

std::optional<Block> Chain::blockByNumber(std::uint64_t number) const {
    const auto v = view_.load();
    if (number > v->header.number) return std::nullopt;   // the reader may already see the next one
    if (number == v->header.number) return *v->block;
    return readStore([&](const ChainStore& store) { return store.blockByNumber(number); });
}

std::optional<Block> Chain::blockByHash(const Hash256& hash) const {
    const auto v = view_.load();
    if (hash == v->hash) return *v->block;
    return readStore([&](const ChainStore& store) -> std::optional<Block> {
        const auto number = store.numberOfHash(hash);
        if (!number || *number > v->header.number) return std::nullopt;
        return store.blockByNumber(*number);
    });
}

std::optional<BlockHeader> Chain::headerByNumber(std::uint64_t number) const {
    const auto v = view_.load();
    if (number > v->header.number) return std::nullopt;
    if (number == v->header.number) return v->header;
    return readStore([&](const ChainStore& store) { return store.headerByNumber(number); });
}

std::optional<BlockHeader> Chain::headerByHash(const Hash256& hash) const {
    const auto v = view_.load();
    if (hash == v->hash) return v->header;
    return readStore([&](const ChainStore& store) -> std::optional<BlockHeader> {
        const auto number = store.numberOfHash(hash);
        if (!number || *number > v->header.number) return std::nullopt;
        return store.headerByNumber(*number);
    });
}

std::optional<TransactionLookup> Chain::transactionByHash(const Hash256& hash) const {
    return readStore([&](const ChainStore& store) -> std::optional<TransactionLookup> {
        const auto where = store.findTransaction(hash);
        if (!where) return std::nullopt;
        const auto block = store.blockByNumber(where->blockNumber);
        return TransactionLookup{block->transactions.at(where->index), *where};
    });
}

std::optional<ReceiptLookup> Chain::receiptByHash(const Hash256& hash) const {
    return readStore([&](const ChainStore& store) -> std::optional<ReceiptLookup> {
        const auto where = store.findTransaction(hash);
        if (!where) return std::nullopt;
        const auto block = store.blockByNumber(where->blockNumber);
        auto receipts = store.receiptsOf(where->blockNumber);
        ReceiptLookup out;
        for (std::uint32_t i = 0; i < where->index; ++i) out.firstLogIndex += static_cast<std::uint32_t>(receipts[i].logs.size());
        out.receipt = std::move(receipts.at(where->index));
        out.tx = block->transactions.at(where->index);
        out.location = *where;
        return out;
    });
}

std::vector<LogEntry> Chain::logs(const LogFilter& filter) const {
    return readStore([&](const ChainStore& store) { return store.logs(filter); });
}

CallOutcome Chain::call(const CallRequest& request) const {
    const auto v = view_.load();
    const BlockContext ctx = contextFor(v->header.number + 1, std::max(v->header.timestamp, unixNow()), Address{});
    return simulateCall(*v, request, ctx, host_);
}

}  // namespace swarmergy::ledger
