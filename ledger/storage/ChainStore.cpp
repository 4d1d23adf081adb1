#include "ledger/storage/ChainStore.h"

#include "ledger/consensus/Clique.h"

#include "ledger/chain/Trie.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>

namespace swarmergy::ledger {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS blocks (
  number INTEGER PRIMARY KEY,
  hash   BLOB NOT NULL UNIQUE,
  header BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS transactions (
  hash         BLOB PRIMARY KEY,
  block_number INTEGER NOT NULL,
  tx_index     INTEGER NOT NULL,
  raw          BLOB NOT NULL) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS transactions_position ON transactions(block_number, tx_index);
CREATE TABLE IF NOT EXISTS receipts (
  block_number        INTEGER NOT NULL,
  tx_index            INTEGER NOT NULL,
  gas_used            INTEGER NOT NULL,
  effective_gas_price BLOB NOT NULL,
  raw                 BLOB NOT NULL,
  PRIMARY KEY (block_number, tx_index)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS logs (
  block_number INTEGER NOT NULL,
  log_index    INTEGER NOT NULL,
  tx_index     INTEGER NOT NULL,
  address      BLOB NOT NULL,
  topic0 BLOB, topic1 BLOB, topic2 BLOB, topic3 BLOB,
  data         BLOB NOT NULL,
  PRIMARY KEY (block_number, log_index)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS logs_address ON logs(address, block_number);
CREATE TABLE IF NOT EXISTS accounts (
  address BLOB PRIMARY KEY,
  nonce   INTEGER NOT NULL,
  balance BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS storage (
  address BLOB NOT NULL,
  slot    BLOB NOT NULL,
  value   BLOB NOT NULL,
  PRIMARY KEY (address, slot)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS state_undo (
  block_number INTEGER NOT NULL,
  seq          INTEGER NOT NULL,
  address      BLOB NOT NULL,
  slot         BLOB,
  nonce        INTEGER,
  value        BLOB NOT NULL,
  PRIMARY KEY (block_number, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value BLOB NOT NULL);
)sql";

// A prepared statement; binds and reads blobs and integers, throws StorageError on failure.
class Statement {
public:
    Statement(sqlite3* db, const char* sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
            throw StorageError(std::string("sqlite prepare: ") + sqlite3_errmsg(db) + " in: " + sql);
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int i, ByteView blob) {
        check(sqlite3_bind_blob(stmt_, i, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT));
        return *this;
    }
    Statement& bind(int i, std::int64_t v) {
        check(sqlite3_bind_int64(stmt_, i, v));
        return *this;
    }
    Statement& bindNull(int i) {
        check(sqlite3_bind_null(stmt_, i));
        return *this;
    }
    Statement& bindText(int i, const std::string& s) {
        check(sqlite3_bind_text(stmt_, i, s.c_str(), static_cast<int>(s.size()), SQLITE_TRANSIENT));
        return *this;
    }
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        throw StorageError(std::string("sqlite step: ") + sqlite3_errmsg(db_));
    }
    void run() {
        step();
        sqlite3_reset(stmt_);
    }
    Bytes blob(int col) const {
        const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, col));
        return Bytes(p, p + sqlite3_column_bytes(stmt_, col));
    }
    bool isNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
    std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    void check(int rc) {
        if (rc != SQLITE_OK) throw StorageError(std::string("sqlite bind: ") + sqlite3_errmsg(db_));
    }
};

template <std::size_t N>
std::array<std::uint8_t, N> fixed(const Bytes& b, const char* what) {
    if (b.size() != N) throw StorageError(std::string("corrupt database: ") + what + " has " + std::to_string(b.size()) + " bytes");
    std::array<std::uint8_t, N> out{};
    std::memcpy(out.data(), b.data(), N);
    return out;
}

void writeState(sqlite3* db, const StateChanges& changes) {
    Statement upsertAccount(db, "INSERT OR REPLACE INTO accounts(address, nonce, balance) VALUES (?, ?, ?)");
    Statement deleteAccount(db, "DELETE FROM accounts WHERE address = ?");
    for (const auto& [address, acc] : changes.accounts) {
        if (acc == Account{}) {
            deleteAccount.bind(1, view(address)).run();
            continue;
        }
        const auto balance = acc.balance.toBigEndian();
        upsertAccount.bind(1, view(address)).bind(2, static_cast<std::int64_t>(acc.nonce)).bind(3, view(balance)).run();
    }
    Statement upsertSlot(db, "INSERT OR REPLACE INTO storage(address, slot, value) VALUES (?, ?, ?)");
    Statement deleteSlot(db, "DELETE FROM storage WHERE address = ? AND slot = ?");
    for (const auto& [key, value] : changes.storage) {
        if (value.isZero()) {
            deleteSlot.bind(1, view(key.first)).bind(2, view(key.second)).run();
            continue;
        }
        const auto v = value.toBigEndian();
        upsertSlot.bind(1, view(key.first)).bind(2, view(key.second)).bind(3, view(v)).run();
    }
}

void writeUndo(sqlite3* db, std::uint64_t number, const StateChanges& undo) {
    Statement ins(db, "INSERT INTO state_undo(block_number, seq, address, slot, nonce, value) VALUES (?, ?, ?, ?, ?, ?)");
    std::int64_t seq = 0;
    const auto n = static_cast<std::int64_t>(number);
    for (const auto& [address, acc] : undo.accounts) {
        const auto balance = acc.balance.toBigEndian();
        ins.bind(1, n).bind(2, seq++).bind(3, view(address)).bindNull(4).bind(5, static_cast<std::int64_t>(acc.nonce)).bind(6, view(balance)).run();
    }
    for (const auto& [key, value] : undo.storage) {
        const auto v = value.toBigEndian();
        ins.bind(1, n).bind(2, seq++).bind(3, view(key.first)).bind(4, view(key.second)).bindNull(5).bind(6, view(v)).run();
    }
}

StateChanges readUndo(sqlite3* db, std::uint64_t number) {
    StateChanges undo;
    Statement s(db, "SELECT address, slot, nonce, value FROM state_undo WHERE block_number = ? ORDER BY seq");
    s.bind(1, static_cast<std::int64_t>(number));
    while (s.step()) {
        const auto address = fixed<20>(s.blob(0), "undo address");
        const U256 value = U256::fromBigEndian(view(s.blob(3)));
        if (s.isNull(1)) undo.accounts[address] = Account{static_cast<std::uint64_t>(s.integer(2)), value};
        else undo.storage[{address, fixed<32>(s.blob(1), "undo slot")}] = value;
    }
    return undo;
}

void writeBody(sqlite3* db, const Block& block, const std::vector<Receipt>& receipts) {
    const auto number = static_cast<std::int64_t>(block.header.number);
    const Hash256 hash = block.hash();
    Statement(db, "INSERT INTO blocks(number, hash, header) VALUES (?, ?, ?)")
        .bind(1, number).bind(2, view(hash)).bind(3, view(block.header.encode())).run();
    Statement tx(db, "INSERT INTO transactions(hash, block_number, tx_index, raw) VALUES (?, ?, ?, ?)");
    Statement rc(db, "INSERT INTO receipts(block_number, tx_index, gas_used, effective_gas_price, raw) VALUES (?, ?, ?, ?, ?)");
    Statement lg(db, "INSERT INTO logs(block_number, log_index, tx_index, address, topic0, topic1, topic2, topic3, data) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    std::int64_t logIndex = 0;
    for (std::size_t i = 0; i < block.transactions.size(); ++i) {
        const auto& t = block.transactions[i];
        const auto idx = static_cast<std::int64_t>(i);
        tx.bind(1, view(t.hash)).bind(2, number).bind(3, idx).bind(4, view(t.raw)).run();
        const Receipt& r = receipts[i];
        const auto price = r.effectiveGasPrice.toBigEndian();
        rc.bind(1, number).bind(2, idx).bind(3, static_cast<std::int64_t>(r.gasUsed)).bind(4, view(price)).bind(5, view(r.encode())).run();
        for (const auto& log : r.logs) {
            lg.bind(1, number).bind(2, logIndex++).bind(3, idx).bind(4, view(log.address));
            for (int t4 = 0; t4 < 4; ++t4) {
                if (static_cast<std::size_t>(t4) < log.topics.size()) lg.bind(5 + t4, view(log.topics[t4]));
                else lg.bindNull(5 + t4);
            }
            lg.bind(9, view(log.data)).run();
        }
    }
}

}  // namespace

bool LogFilter::matches(const Log& log) const {
    if (!addresses.empty() && std::find(addresses.begin(), addresses.end(), log.address) == addresses.end()) return false;
    for (std::size_t i = 0; i < topics.size(); ++i) {
        if (topics[i].empty()) continue;
        if (i >= log.topics.size()) return false;
        if (std::find(topics[i].begin(), topics[i].end(), log.topics[i]) == topics[i].end()) return false;
    }
    return true;
}

ChainStore::ChainStore(sqlite3* db) : db_(db) {}

ChainStore::~ChainStore() { sqlite3_close_v2(db_); }

void ChainStore::exec(const char* sql) const {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        throw StorageError("sqlite: " + message);
    }
}

std::unique_ptr<ChainStore> ChainStore::open(const std::string& path, Durability durability) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        const std::string message = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close_v2(db);
        throw StorageError("cannot open ledger database " + path + ": " + message);
    }
    std::unique_ptr<ChainStore> store(new ChainStore(db));
    try {
        sqlite3_busy_timeout(db, 5000);
        store->exec("PRAGMA journal_mode=WAL");
        store->exec(durability == Durability::Full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
        store->exec(kSchema);
    } catch (const StorageError& e) {
        throw StorageError("cannot open ledger database " + path + ": " + e.what());
    }
    return store;
}

std::unique_ptr<ChainStore> ChainStore::openReader(const std::string& path) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        const std::string message = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close_v2(db);
        throw StorageError("cannot open ledger database " + path + " for reading: " + message);
    }
    std::unique_ptr<ChainStore> store(new ChainStore(db));
    sqlite3_busy_timeout(db, 5000);
    store->exec("PRAGMA query_only=ON");   // this connection never writes
    return store;
}

void ChainStore::beginRead() const { exec("BEGIN"); }

void ChainStore::endRead() const { exec("COMMIT"); }

std::optional<std::uint64_t> ChainStore::headNumber() const {
    Statement s(db_, "SELECT MAX(number) FROM blocks");
    if (!s.step() || s.isNull(0)) return std::nullopt;
    return static_cast<std::uint64_t>(s.integer(0));
}

void ChainStore::commitBlock(const Block& block, const std::vector<Receipt>& receipts, const StateChanges& changes,
                             const StateChanges& undo) {
    if (receipts.size() != block.transactions.size()) throw std::invalid_argument("commitBlock: one receipt per transaction");
    const auto head = headNumber();
    const std::uint64_t expected = head ? *head + 1 : 0;
    if (block.header.number != expected)
        throw std::invalid_argument("commitBlock: block " + std::to_string(block.header.number) + " is not the next (" + std::to_string(expected) + ")");
    if (head && headerByNumber(*head)->hash() != block.header.parentHash)
        throw std::invalid_argument("commitBlock: block " + std::to_string(expected) + " does not extend the head");
    exec("BEGIN IMMEDIATE");
    try {
        writeBody(db_, block, receipts);
        writeState(db_, changes);
        writeUndo(db_, block.header.number, undo);
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

std::vector<StateChanges> ChainStore::rewindTo(std::uint64_t number) {
    const auto head = headNumber();
    if (!head || number > *head) throw std::invalid_argument("rewindTo: block " + std::to_string(number) + " is above the head");
    std::vector<StateChanges> applied;
    exec("BEGIN IMMEDIATE");
    try {
        for (std::uint64_t n = *head; n > number; --n) {
            applied.push_back(readUndo(db_, n));
            writeState(db_, applied.back());
        }
        const auto above = static_cast<std::int64_t>(number);
        for (const char* sql : {"DELETE FROM blocks WHERE number > ?", "DELETE FROM transactions WHERE block_number > ?",
                                "DELETE FROM receipts WHERE block_number > ?", "DELETE FROM logs WHERE block_number > ?",
                                "DELETE FROM state_undo WHERE block_number > ?"})
            Statement(db_, sql).bind(1, above).run();
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
    return applied;
}

std::optional<BlockHeader> ChainStore::headerByNumber(std::uint64_t number) const {
    Statement s(db_, "SELECT header FROM blocks WHERE number = ?");
    s.bind(1, static_cast<std::int64_t>(number));
    if (!s.step()) return std::nullopt;
    return BlockHeader::decode(view(s.blob(0)));
}

std::optional<std::uint64_t> ChainStore::numberOfHash(const Hash256& hash) const {
    Statement s(db_, "SELECT number FROM blocks WHERE hash = ?");
    s.bind(1, view(hash));
    if (!s.step()) return std::nullopt;
    return static_cast<std::uint64_t>(s.integer(0));
}

std::optional<Block> ChainStore::blockByNumber(std::uint64_t number) const {
    auto header = headerByNumber(number);
    if (!header) return std::nullopt;
    Block b;
    b.header = std::move(*header);
    Statement s(db_, "SELECT raw FROM transactions WHERE block_number = ? ORDER BY tx_index");
    s.bind(1, static_cast<std::int64_t>(number));
    while (s.step()) b.transactions.push_back(SignedTransaction::fromRaw(view(s.blob(0)), senders_.get()));
    return b;
}

std::vector<Receipt> ChainStore::receiptsOf(std::uint64_t number) const {
    std::vector<Receipt> out;
    Statement s(db_, "SELECT raw, gas_used, effective_gas_price FROM receipts WHERE block_number = ? ORDER BY tx_index");
    s.bind(1, static_cast<std::int64_t>(number));
    while (s.step()) {
        Receipt r = Receipt::decode(view(s.blob(0)));
        r.gasUsed = static_cast<std::uint64_t>(s.integer(1));
        r.effectiveGasPrice = U256::fromBigEndian(view(s.blob(2)));
        out.push_back(std::move(r));
    }
    return out;
}

std::optional<TransactionLocation> ChainStore::findTransaction(const Hash256& hash) const {
    Statement s(db_, "SELECT t.block_number, t.tx_index, b.hash FROM transactions t JOIN blocks b ON b.number = t.block_number WHERE t.hash = ?");
    s.bind(1, view(hash));
    if (!s.step()) return std::nullopt;
    return TransactionLocation{static_cast<std::uint64_t>(s.integer(0)), static_cast<std::uint32_t>(s.integer(1)), fixed<32>(s.blob(2), "block hash")};
}

std::vector<LogEntry> ChainStore::logs(const LogFilter& filter, std::size_t limit) const {
    std::vector<LogEntry> out;
    const auto clamp = [](std::uint64_t v) { return static_cast<std::int64_t>(std::min<std::uint64_t>(v, INT64_MAX)); };
    // One address (the common case: a token's events) uses the address index.
    const bool oneAddress = filter.addresses.size() == 1;
    const std::string sql =
        std::string("SELECT l.block_number, l.log_index, l.tx_index, l.address, l.topic0, l.topic1, l.topic2, l.topic3, l.data, b.hash, t.hash "
                    "FROM logs l JOIN blocks b ON b.number = l.block_number "
                    "JOIN transactions t ON t.block_number = l.block_number AND t.tx_index = l.tx_index "
                    "WHERE l.block_number BETWEEN ? AND ?") +
        (oneAddress ? " AND l.address = ?" : "") + " ORDER BY l.block_number, l.log_index";
    Statement s(db_, sql.c_str());
    s.bind(1, clamp(filter.fromBlock)).bind(2, clamp(filter.toBlock));
    if (oneAddress) s.bind(3, view(filter.addresses[0]));
    while (s.step()) {
        LogEntry e;
        e.blockNumber = static_cast<std::uint64_t>(s.integer(0));
        e.logIndex = static_cast<std::uint32_t>(s.integer(1));
        e.transactionIndex = static_cast<std::uint32_t>(s.integer(2));
        e.log.address = fixed<20>(s.blob(3), "log address");
        for (int t = 0; t < 4; ++t)
            if (!s.isNull(4 + t)) e.log.topics.push_back(fixed<32>(s.blob(4 + t), "log topic"));
        e.log.data = s.blob(8);
        e.blockHash = fixed<32>(s.blob(9), "block hash");
        e.transactionHash = fixed<32>(s.blob(10), "transaction hash");
        if (!filter.matches(e.log)) continue;
        if (out.size() == limit) throw LogLimitExceeded("query returned more than " + std::to_string(limit) + " results");
        out.push_back(std::move(e));
    }
    return out;
}

void ChainStore::loadState(WorldState& state) const {
    StateChanges all;
    Statement a(db_, "SELECT address, nonce, balance FROM accounts");
    while (a.step())
        all.accounts[fixed<20>(a.blob(0), "account address")] =
            Account{static_cast<std::uint64_t>(a.integer(1)), U256::fromBigEndian(view(a.blob(2)))};
    Statement s(db_, "SELECT address, slot, value FROM storage");
    while (s.step())
        all.storage[{fixed<20>(s.blob(0), "storage address"), fixed<32>(s.blob(1), "storage slot")}] = U256::fromBigEndian(view(s.blob(2)));
    state = WorldState{};
    state.apply(all);
}

void ChainStore::setMeta(const std::string& key, ByteView value) {
    Statement(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)").bindText(1, key).bind(2, value).run();
}

std::optional<Bytes> ChainStore::meta(const std::string& key) const {
    Statement s(db_, "SELECT value FROM meta WHERE key = ?");
    s.bindText(1, key);
    if (!s.step()) return std::nullopt;
    return s.blob(0);
}

namespace {
// The Clique signer set replayed block by block (votes, checkpoints) for verifyStoredChain.
class SignerReplay {
public:
    SignerReplay(const std::vector<Address>& genesisSigners, const Hash256& genesisHash, std::uint64_t epochLength)
        : epochLength_(epochLength) {
        snapshot_.signers.insert(genesisSigners.begin(), genesisSigners.end());
        snapshot_.hash = genesisHash;
    }
    void apply(const BlockHeader& h, const std::string& at) {
        const auto sealer = recoverSealer(h);
        if (!sealer) throw std::runtime_error(at + "invalid seal");
        if (!snapshot_.signers.count(*sealer))
            throw std::runtime_error(at + "sealed by " + toChecksumAddress(*sealer) + ", not an authority (signer) at that block");
        std::vector<Address> listed;
        try {
            listed = cliqueCheckpointSigners(h);
        } catch (const DecodeError& e) {
            throw std::runtime_error(at + e.what());
        }
        if (h.number % epochLength_ == 0) {
            if (!std::equal(listed.begin(), listed.end(), snapshot_.signers.begin(), snapshot_.signers.end()))
                throw std::runtime_error(at + "checkpoint signer list differs from the voted signers");
            if (h.coinbase != Address{}) throw std::runtime_error(at + "checkpoint must not vote");
        } else if (!listed.empty()) {
            throw std::runtime_error(at + "signer list outside a checkpoint");
        }
        snapshot_.recents.clear();   // the recent-signer rule is checked at import, not here
        try {
            snapshot_.apply(h, *sealer, epochLength_);
        } catch (const consensus::ConsensusError& e) {
            throw std::runtime_error(e.what());
        }
    }

private:
    std::uint64_t epochLength_;
    consensus::Snapshot snapshot_;
};
}  // namespace

ChainVerification verifyStoredChain(const ChainStore& store, const std::vector<Address>& authorities, std::uint64_t epochLength) {
    ChainVerification v;
    v.head = store.headNumber();
    if (!v.head) {
        v.ok = true;
        return v;
    }
    try {
        if (epochLength == 0) throw std::invalid_argument("verifyStoredChain: epoch length must be positive");
        Hash256 parent{};
        std::optional<SignerReplay> signers;
        for (std::uint64_t n = 0; n <= *v.head; ++n) {
            const auto block = store.blockByNumber(n);
            const std::string at = "block " + std::to_string(n) + ": ";
            if (!block) throw std::runtime_error(at + "missing");
            const BlockHeader& h = block->header;
            if (n > 0 && h.parentHash != parent) throw std::runtime_error(at + "parent hash does not link to block " + std::to_string(n - 1));
            if (n == 0) signers.emplace(authorities, h.hash(), epochLength);
            else signers->apply(h, at);
            if (transactionsRoot(block->transactions) != h.transactionsRoot) throw std::runtime_error(at + "transactions root mismatch");
            const auto receipts = store.receiptsOf(n);
            if (receipts.size() != block->transactions.size()) throw std::runtime_error(at + "receipt count mismatch");
            if (receiptsRoot(receipts) != h.receiptsRoot) throw std::runtime_error(at + "receipts root mismatch");
            Bloom bloom;
            for (const auto& r : receipts) bloom.merge(r.bloom);
            if (!(bloom == h.logsBloom)) throw std::runtime_error(at + "logs bloom mismatch");
            if ((receipts.empty() ? 0 : receipts.back().cumulativeGasUsed) != h.gasUsed) throw std::runtime_error(at + "gasUsed mismatch");
            parent = h.hash();
        }
        WorldState state;
        store.loadState(state);
        if (state.stateRoot() != store.headerByNumber(*v.head)->stateRoot)
            throw std::runtime_error("block " + std::to_string(*v.head) + ": stored state does not match the head's state root");
        v.ok = true;
    } catch (const std::exception& e) {
        v.error = e.what();
    }
    return v;
}

}  // namespace swarmergy::ledger
