#include "app/LedgerService.h"

#include "ledger/authority/AuthorityNode.h"
#include "ledger/rpc/RpcDispatcher.h"
#include "ledger/consensus/Clique.h"
#include "ledger/contracts/SwarmergyContracts.h"
#include "ledger/crypto/Keccak.h"
#include "ledger/rpc/AuthorityNodeApi.h"
#include "ledger/rpc/RpcServer.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>

namespace swarmergy::app {

using namespace swarmergy::ledger;
using ledger::authority::AuthorityConfig;
using ledger::authority::AuthorityNode;

namespace {

// Fixed, as `swarmergy-node devnet`: every authority must build the same genesis.
constexpr std::uint64_t kChainId = 2468;
constexpr std::uint64_t kGenesisTimestamp = 1'782'259'200;   // 2026-06-24T00:00:00Z
constexpr std::size_t kSnapshotBlocks = 30;
constexpr std::size_t kSnapshotTransactions = 50;
// How far back the 50 latest transactions are looked for: 10 minutes of demo blocks keeps a
// snapshot (a few per second) to a few milliseconds of block reads.
constexpr std::uint64_t kTransactionScanBlocks = 600;
// An authority more blocks than this behind the console's head is shown offline.
constexpr std::uint64_t kOnlineLagBlocks = 3;

PrivateKey seededKey(const std::string& seed) { return privateKeyFromBytes(view(keccak256(seed))); }

// The same seeds as swarmergy-node devnet, so tools pointed at either see the same accounts.
PrivateKey authorityKey(int index) { return seededKey("swarmergy devnet authority " + std::to_string(index)); }
PrivateKey fundedKey() { return seededKey("swarmergy devnet funded account"); }

U256 oneMillionNrg() { return *checkedMul(U256(1'000'000), U256(kWeiPerNrg)); }

std::string hex(const Hash256& h) { return toHex(view(h)); }

std::string shortAddress(const Address& a) {
    const std::string full = toChecksumAddress(a);
    return full.substr(0, 6) + "…" + full.substr(full.size() - 4);
}

std::string formatWei(const U256& wei) { return LedgerService::formatNrg(wei.toDecimal()); }

// "12.500000000000000000" -> "12.5", "3.000…" -> "3": what a decoded call shows.
std::string compactNrg(const U256& wei) {
    std::string s = formatWei(wei);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s + " NRG";
}

double nrgDouble(const U256& wei) { return std::strtod(formatWei(wei).c_str(), nullptr); }

// Exact decimal NRG ("-12.5") to sign and wei; nullopt when it is not a plain decimal or has
// more than 18 fraction digits.
std::optional<contracts::SignedAmount> parseNrg(std::string text) {
    contracts::SignedAmount out;
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
        out.negative = text[0] == '-';
        text.erase(0, 1);
    }
    const auto dot = text.find('.');
    std::string whole = text.substr(0, dot);
    std::string fraction = dot == std::string::npos ? "" : text.substr(dot + 1);
    auto digits = [](const std::string& s) { return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); };
    if ((whole.empty() && fraction.empty()) || !digits(whole) || !digits(fraction) || fraction.size() > 18) return std::nullopt;
    fraction.append(18 - fraction.size(), '0');
    if (whole.size() > 50) return std::nullopt;
    try {
        out.magnitude = U256::fromDecimal(whole + fraction);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (out.magnitude.isZero()) out.negative = false;
    return out;
}

Hash256 addressTopic(const Address& a) {
    Hash256 t{};
    std::copy(a.begin(), a.end(), t.begin() + 12);
    return t;
}
Address topicAddress(const Hash256& t) {
    Address a{};
    std::copy(t.begin() + 12, t.end(), a.begin());
    return a;
}

bool sameSelector(const Bytes& data, std::string_view signature) {
    const auto s = selectorOf(signature);
    return data.size() >= 4 && std::equal(s.begin(), s.end(), data.begin());
}

// A transaction's call as the explorer shows it: "transfer(0xAb12…cDeF, 12.5 NRG)".
std::string decodeCall(const SignedTransaction& stx) {
    const Transaction& tx = stx.tx;
    if (!tx.to) return "contract creation";
    const Bytes& d = tx.data;
    if (d.empty()) return "native transfer to " + shortAddress(*tx.to);
    const AbiReader args(ByteView(d).subspan(std::min<std::size_t>(4, d.size())));
    try {
        if (*tx.to == contracts::kNrgToken) {
            if (sameSelector(d, "transfer(address,uint256)"))
                return "transfer(" + shortAddress(args.address(0)) + ", " + compactNrg(args.uint(1)) + ")";
            if (sameSelector(d, "approve(address,uint256)"))
                return "approve(" + shortAddress(args.address(0)) + ", " + compactNrg(args.uint(1)) + ")";
            if (sameSelector(d, "transferFrom(address,address,uint256)"))
                return "transferFrom(" + shortAddress(args.address(0)) + ", " + shortAddress(args.address(1)) + ", " +
                       compactNrg(args.uint(2)) + ")";
            if (sameSelector(d, "submitReading(address,uint64,uint64,uint64,bytes)"))
                return "submitReading(" + shortAddress(args.address(0)) + ", interval " + std::to_string(args.uint64(1)) +
                       ", " + std::to_string(args.uint64(2)) + " Wh out, " + std::to_string(args.uint64(3)) + " Wh in)";
        } else if (*tx.to == contracts::kHubRegistry) {
            if (sameSelector(d, "registerHub(address,bytes32,bytes32,address)"))
                return "registerHub(" + shortAddress(args.address(0)) + ", " + contracts::idToString(args.bytes32(1)) + ", " +
                       contracts::idToString(args.bytes32(2)) + ")";
            if (sameSelector(d, "revokeHub(address)")) return "revokeHub(" + shortAddress(args.address(0)) + ")";
        } else if (*tx.to == contracts::kSettlement) {
            if (sameSelector(d, "recordSettlement(uint64,bytes32[],int256[],uint256[],int256[])"))
                return "recordSettlement(interval " + std::to_string(args.uint64(0)) + ", " +
                       std::to_string(args.bytes32Array(1).size()) + " alvéoles)";
        }
    } catch (const std::exception&) {
        return "malformed call to " + shortAddress(*tx.to);
    }
    return "call " + toHex(ByteView(d).subspan(0, std::min<std::size_t>(4, d.size()))) + " on " + shortAddress(*tx.to);
}

std::string decodeEvent(const Log& log) {
    if (log.topics.empty()) return "log";
    const Hash256& t0 = log.topics[0];
    const U256 amount = log.data.size() >= 32 ? U256::fromBigEndian(ByteView(log.data).subspan(0, 32)) : U256(0);
    if (log.address == contracts::kNrgToken && t0 == contracts::topic::transfer() && log.topics.size() == 3)
        return "Transfer " + shortAddress(topicAddress(log.topics[1])) + " → " + shortAddress(topicAddress(log.topics[2])) + " " +
               compactNrg(amount);
    if (log.address == contracts::kNrgToken && t0 == contracts::topic::approval() && log.topics.size() == 3)
        return "Approval " + shortAddress(topicAddress(log.topics[1])) + " → " + shortAddress(topicAddress(log.topics[2])) + " " +
               compactNrg(amount);
    if (t0 == contracts::topic::readingRecorded()) return "ReadingRecorded";
    if (t0 == contracts::topic::hubRegistered() && log.topics.size() >= 3)
        return "HubRegistered " + shortAddress(topicAddress(log.topics[1])) + " " + contracts::idToString(log.topics[2]);
    if (t0 == contracts::topic::hubRevoked() && log.topics.size() >= 2) return "HubRevoked " + shortAddress(topicAddress(log.topics[1]));
    if (t0 == contracts::topic::settlementEntry()) return "SettlementEntry";
    if (t0 == contracts::topic::settlementRecorded()) return "SettlementRecorded";
    return "log " + hex(t0).substr(0, 10);
}

std::string joinEvents(const std::vector<Log>& logs) {
    std::string out;
    for (const auto& l : logs) out += (out.empty() ? "" : "; ") + decodeEvent(l);
    return out;
}

}  // namespace

// Every log the filter matches, in block order, however many: a block range whose logs exceed
// the store's per-query limit is split in halves (a single block is never over it: a block's
// gas limit bounds its logs far below 10,000).
void forEachLog(const Chain& chain, LogFilter filter, const std::function<void(const LogEntry&)>& visit) {
    try {
        for (const auto& entry : chain.logs(filter)) visit(entry);
    } catch (const LogLimitExceeded&) {
        if (filter.fromBlock >= filter.toBlock) throw;
        const std::uint64_t middle = filter.fromBlock + (filter.toBlock - filter.fromBlock) / 2;
        LogFilter lower = filter, upper = filter;
        lower.toBlock = middle;
        upper.fromBlock = middle + 1;
        forEachLog(chain, lower, visit);
        forEachLog(chain, upper, visit);
    }
}

// Blocks this deep are taken as final for the explorer's running tallies (Clique reorgs are
// a block or two deep); the newest ones are counted afresh at each snapshot.
constexpr std::uint64_t kTallyFinalityBlocks = 6;

namespace {

// swarm_recommendations' answer: one object per recommendation, times as Unix seconds.
boost::json::array recommendationsJson(const std::vector<model::Recommendation>& recommendations) {
    boost::json::array out;
    out.reserve(recommendations.size());
    for (const auto& r : recommendations)
        out.push_back(boost::json::object{{"alveole", r.alveoleId},
                                          {"appliance", r.appliance},
                                          {"suggestedStartUtc", r.suggestedStartUtc},
                                          {"usualStartUtc", r.usualStartUtc},
                                          {"savingCu", r.savingCu}});
    return out;
}

}  // namespace

struct LedgerService::Impl {
    std::string temporaryDirectory;
    std::uint64_t periodSeconds = 1;
    std::vector<PrivateKey> keys;
    std::vector<Address> authorities;
    Address funded{};
    ChainSetup setup;

    mutable std::mutex mutex;   // lifecycle and submissions (nonces of the submitting keys)
    // Held by start()/stop() throughout: stop() joins the RPC threads without `mutex`, since an
    // extra method may be inside a service call that needs it.
    std::mutex lifecycleMutex;
    std::string dataDir;
    std::vector<std::unique_ptr<AuthorityNode>> nodes;
    std::unique_ptr<consensus::Clique> votesView;   // a reader's own Clique: vote tallies at the head

    // JSON-RPC of the console's authority (nodes.front()); created by start(), gone after stop().
    std::optional<std::uint16_t> rpcPort;
    std::unique_ptr<rpc::AuthorityNodeApi> rpcApi;
    std::unique_ptr<rpc::RpcServer> rpcServer;
    std::map<std::string, rpc::ExtraMethod> rpcExtras;   // addRpcMethod's, registered at each start
    // Its own lock: RPC threads read the provider while stop() (holding `mutex`) joins them.
    mutable std::mutex providerMutex;
    RecommendationsProvider recommendations;

    boost::json::value answerRecommendations(const boost::json::array& params) const {
        if (!params.empty()) throw std::invalid_argument("swarm_recommendations takes no parameters");
        RecommendationsProvider provider;
        {
            std::lock_guard lock(providerMutex);
            provider = recommendations;
        }
        return provider ? recommendationsJson(provider()) : boost::json::array{};
    }

    // Serves the console authority's API on loopback with the swarm_ methods. Caller holds mutex.
    void startRpc() {
        if (!rpcPort) return;
        rpcApi = std::make_unique<rpc::AuthorityNodeApi>(*nodes.front());
        rpc::RpcServerOptions options;
        options.port = *rpcPort;   // bindAddress stays 127.0.0.1: the console is no public node
        rpcServer = std::make_unique<rpc::RpcServer>(*rpcApi, options);
        rpcServer->dispatcher().addMethod(kRecommendationsMethod,
                                          [this](const boost::json::array& p) { return answerRecommendations(p); });
        for (const auto& [name, handler] : rpcExtras) rpcServer->dispatcher().addMethod(name, handler);
        try {
            rpcServer->start();
        } catch (const std::exception& e) {
            stopRpc();
            throw std::runtime_error("cannot serve JSON-RPC on 127.0.0.1:" + std::to_string(*rpcPort) + ": " + e.what());
        }
    }
    void stopRpc() {
        if (rpcServer) rpcServer->stop();   // joins its threads before the node goes
        rpcServer.reset();
        rpcApi.reset();
    }

    Chain* console() const { return nodes.empty() ? nullptr : &nodes.front()->chain(); }

    std::string nameOf(const Address& a) const {
        for (std::size_t i = 0; i < authorities.size(); ++i)
            if (authorities[i] == a) return "authority-" + std::to_string(i + 1);
        return "signer " + shortAddress(a);
    }

    U256 balanceOf(const Chain& chain, const Address& a) const {
        CallRequest r;
        r.to = contracts::kNrgToken;
        r.data = contracts::call::balanceOf(a);
        const CallOutcome out = chain.call(r);
        return out.success && out.returnData.size() >= 32 ? U256::fromBigEndian(ByteView(out.returnData).subspan(0, 32)) : U256(0);
    }

    // Signs `data` to `to` with `key` at its pending nonce, after an eth_call dry run so a
    // refusal comes back with the contract's reason instead of a failed receipt. Caller holds mutex.
    LedgerSubmission submit(const PrivateKey& key, const Address& to, Bytes data) {
        LedgerSubmission result;
        if (nodes.empty()) {
            result.error = "the ledger is not running";
            return result;
        }
        AuthorityNode& node = *nodes.front();
        const Address from = addressOf(key);
        CallRequest dry;
        dry.from = from;
        dry.to = to;
        dry.data = data;
        const CallOutcome outcome = node.chain().call(dry);
        if (!outcome.success) {
            result.error = "refused by the contract: " + (outcome.revertReason.empty() ? std::string("reverted") : outcome.revertReason);
            return result;
        }
        Transaction tx;
        tx.chainId = setup.chain.chainId;
        tx.nonce = node.chain().pendingNonce(from);
        tx.gasLimit = std::max<std::uint64_t>(outcome.gasUsed * 2, 100'000);
        tx.to = to;
        tx.data = std::move(data);
        signTransaction(tx, key);
        const SubmitResult submitted = node.submitRawTransaction(view(tx.encode()));
        result.ok = submitted.accepted;
        result.transactionHash = hex(submitted.hash);
        result.error = submitted.error;
        return result;
    }

    // Decoded rows of one block, cached: blocks below the head do not change unless the chain
    // reorganises, and a cached entry is used only when its hash is the parent hash of the
    // block above it, so a reorganised block is always read again.
    struct DecodedBlock {
        Hash256 hash{};
        Hash256 parentHash{};
        LedgerBlockRow row;
        std::vector<LedgerTransactionRow> transactions;   // newest first
    };
    mutable std::map<std::uint64_t, DecodedBlock> decoded;

    const DecodedBlock* decodedBlock(const Chain& chain, std::uint64_t n, const std::optional<Hash256>& expected) const {
        if (auto it = decoded.find(n); it != decoded.end() && expected && it->second.hash == *expected) return &it->second;
        const auto block = chain.blockByNumber(n);
        if (!block) return nullptr;
        DecodedBlock d;
        d.hash = block->hash();
        d.parentHash = block->header.parentHash;
        d.row.number = n;
        d.row.hash = hex(d.hash);
        if (const auto sealer = recoverSealer(block->header)) {
            d.row.sealer = toChecksumAddress(*sealer);
            d.row.sealerName = nameOf(*sealer);
        }
        d.row.timestampUtc = static_cast<std::int64_t>(block->header.timestamp);
        d.row.transactionCount = static_cast<int>(block->transactions.size());
        d.row.inTurn = block->header.difficulty == U256(2);   // Clique: 2 in turn, 1 out of turn
        const auto receipts = block->transactions.empty() ? std::vector<Receipt>{} : chain.receiptsOfBlock(n);
        for (std::size_t i = block->transactions.size(); i-- > 0;) {
            const SignedTransaction& stx = block->transactions[i];
            LedgerTransactionRow row;
            row.hash = hex(stx.hash);
            row.blockNumber = n;
            row.from = toChecksumAddress(stx.sender);
            row.to = stx.tx.to ? toChecksumAddress(*stx.tx.to) : std::string();
            row.call = decodeCall(stx);
            if (i < receipts.size()) {
                row.succeeded = receipts[i].success;
                row.events = joinEvents(receipts[i].logs);
            }
            d.transactions.push_back(std::move(row));
        }
        return &(decoded[n] = std::move(d));
    }

    // The latest 30 blocks and the latest 50 transactions (within the scan window), newest first.
    void blocksAndTransactions(const Chain& chain, std::uint64_t head, LedgerSnapshot& snap) const {
        const std::uint64_t oldest = head > kTransactionScanBlocks ? head - kTransactionScanBlocks : 1;
        std::optional<Hash256> expected;   // unknown for the head: always read
        for (std::uint64_t n = head; n >= oldest && n >= 1; --n) {
            const bool wantBlock = snap.blocks.size() < kSnapshotBlocks;
            const bool wantTransactions = snap.transactions.size() < kSnapshotTransactions;
            if (!wantBlock && !wantTransactions) break;
            const DecodedBlock* d = decodedBlock(chain, n, expected);
            if (!d) break;
            expected = d->parentHash;
            if (wantBlock) snap.blocks.push_back(d->row);
            for (const auto& t : d->transactions)
                if (snap.transactions.size() < kSnapshotTransactions) snap.transactions.push_back(t);
        }
        decoded.erase(decoded.begin(), decoded.lower_bound(oldest));
        decoded.erase(decoded.upper_bound(head), decoded.end());
    }

    // Running tallies over the chain's logs, so a snapshot reads only the blocks since the last
    // one instead of every log ever written (the demo adds hundreds of readings a minute).
    struct LogTally {
        std::uint64_t finalTo = 0;   // blocks 1..finalTo are counted below
        std::uint64_t readings = 0;
        std::uint64_t settlements = 0;
        std::vector<std::pair<Address, std::string>> hubAccounts;   // registration order
        std::set<Address> seen;
    };
    mutable LogTally tally;

    void countInto(LogTally& t, const Chain& chain, std::uint64_t from, std::uint64_t to) const {
        if (from > to) return;
        LogFilter f;
        f.fromBlock = from;
        f.toBlock = to;
        f.addresses = {contracts::kNrgToken, contracts::kSettlement, contracts::kHubRegistry};
        f.topics = {{contracts::topic::readingRecorded(), contracts::topic::settlementRecorded(), contracts::topic::hubRegistered()}};
        forEachLog(chain, f, [&](const LogEntry& entry) {
            const Hash256& topic = entry.log.topics.front();
            if (topic == contracts::topic::readingRecorded()) ++t.readings;
            else if (topic == contracts::topic::settlementRecorded()) ++t.settlements;
            else if (entry.log.topics.size() >= 3 && entry.log.data.size() >= 64) {
                // The account each registered hub's alvéole is bound to, labelled with the alvéole.
                const Address account = addressFromBytes(ByteView(entry.log.data).subspan(32 + 12, 20));
                if (!t.seen.count(account) && account != funded &&
                    std::find(authorities.begin(), authorities.end(), account) == authorities.end()) {
                    t.seen.insert(account);
                    t.hubAccounts.emplace_back(account, contracts::idToString(entry.log.topics[2]));
                }
            }
        });
    }

    // The tally up to the head: the final part advanced, the newest blocks counted afresh.
    LogTally tallyTo(const Chain& chain, std::uint64_t head) const {
        const std::uint64_t finalTo = head > kTallyFinalityBlocks ? head - kTallyFinalityBlocks : 0;
        if (finalTo < tally.finalTo) tally = LogTally{};   // the chain went back: count again
        countInto(tally, chain, tally.finalTo + 1, finalTo);
        tally.finalTo = std::max(tally.finalTo, finalTo);
        LogTally now = tally;
        countInto(now, chain, tally.finalTo + 1, head);
        return now;
    }

    std::vector<LedgerAccountRow> accountRows(const Chain& chain, const LogTally& t) const {
        std::vector<std::pair<Address, std::string>> labelled;
        for (std::size_t i = 0; i < authorities.size(); ++i) labelled.emplace_back(authorities[i], nameOf(authorities[i]));
        labelled.emplace_back(funded, "funded demo account");
        labelled.insert(labelled.end(), t.hubAccounts.begin(), t.hubAccounts.end());
        std::vector<LedgerAccountRow> rows;
        for (const auto& [address, label] : labelled) {
            LedgerAccountRow row;
            row.address = toChecksumAddress(address);
            row.label = label;
            const U256 wei = balanceOf(chain, address);
            row.nrgBalance = formatWei(wei);
            row.nrg = nrgDouble(wei);
            row.nonce = chain.account(address).nonce;
            rows.push_back(std::move(row));
        }
        return rows;
    }

    std::vector<LedgerAuthorityRow> authorityRows(const Chain& chain) const {
        std::vector<LedgerAuthorityRow> rows;
        for (const auto& node : nodes) {
            const auto status = node->status();
            LedgerAuthorityRow row;
            row.address = toChecksumAddress(node->address());
            row.name = nameOf(node->address());
            if (auto it = status.lastSealedBySigner.find(node->address()); it != status.lastSealedBySigner.end()) {
                row.lastSealedBlock = it->second;
                if (const auto b = chain.blockByNumber(it->second)) row.lastSealedUtc = static_cast<std::int64_t>(b->header.timestamp);
            }
            row.peers = static_cast<int>(status.peers.size());
            // Online from the node's own state: running, and following the chain.
            row.online = running && status.headNumber + kOnlineLagBlocks >= chain.headNumber();
            rows.push_back(std::move(row));
        }
        return rows;
    }

    std::vector<LedgerVoteRow> voteRows(const Chain& chain) const {
        const consensus::HeaderLookup lookup = [&chain](const Hash256& h) -> std::optional<BlockHeader> {
            if (auto b = chain.blockByHash(h)) return b->header;
            return std::nullopt;
        };
        const consensus::Snapshot snap = votesView->snapshot(chain.headHeader(), lookup);
        const int needed = static_cast<int>(snap.signers.size() / 2 + 1);
        std::map<Address, LedgerVoteRow> rows;
        for (const auto& [candidate, tally] : snap.tally)
            rows[candidate] = LedgerVoteRow{toChecksumAddress(candidate), tally.authorize, tally.votes, needed};
        // The console's own proposals show at once, before a block it seals casts them.
        for (const auto& [candidate, authorise] : nodes.front()->status().proposals)
            if (!rows.count(candidate)) rows[candidate] = LedgerVoteRow{toChecksumAddress(candidate), authorise, 0, needed};
        std::vector<LedgerVoteRow> out;
        for (auto& [_, row] : rows) out.push_back(std::move(row));
        return out;
    }

    bool running = false;
};

LedgerService::LedgerService(std::string temporaryDirectory, std::uint64_t blockPeriodSeconds) : impl_(std::make_unique<Impl>()) {
    impl_->temporaryDirectory = std::move(temporaryDirectory);
    impl_->periodSeconds = std::max<std::uint64_t>(1, blockPeriodSeconds);
    for (int i = 0; i < kAuthorities; ++i) {
        impl_->keys.push_back(authorityKey(i));
        impl_->authorities.push_back(addressOf(impl_->keys.back()));
    }
    impl_->funded = addressOf(fundedKey());
    ChainSetup& s = impl_->setup;
    s.chain.chainId = kChainId;
    s.chain.genesisTimestamp = kGenesisTimestamp;
    s.chain.authorities = impl_->authorities;
    s.chain.genesisBalances[impl_->funded] = oneMillionNrg();
    s.contracts.genesisNrg[impl_->funded] = oneMillionNrg();
    s.durability = Durability::Normal;   // a demo chain in a temporary directory
}

LedgerService::~LedgerService() { stop(); }

void LedgerService::start() {
    std::lock_guard lifecycle(impl_->lifecycleMutex);
    std::lock_guard lock(impl_->mutex);
    if (impl_->running) return;
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(impl_->temporaryDirectory, ec);
    std::string pattern = (fs::path(impl_->temporaryDirectory) / "swarmledger-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
        throw std::runtime_error("ledger: cannot create a data directory under " + impl_->temporaryDirectory);
    impl_->dataDir = pattern;
    try {
        for (int i = 0; i < kAuthorities; ++i) {
            const std::string dir = impl_->dataDir + "/authority-" + std::to_string(i + 1);
            fs::create_directories(dir);
            AuthorityConfig c;
            c.chain = impl_->setup;
            c.chain.databasePath = dir + "/chain.db";
            c.clique.periodSeconds = impl_->periodSeconds;
            c.key = impl_->keys[static_cast<std::size_t>(i)];
            for (const auto& earlier : impl_->nodes) c.peers.push_back(p2p::Endpoint{"127.0.0.1", earlier->p2pPort()});
            impl_->nodes.push_back(std::make_unique<AuthorityNode>(c));
            impl_->nodes.back()->start();
        }
        impl_->startRpc();
    } catch (const std::exception& e) {
        impl_->stopRpc();
        for (auto& n : impl_->nodes) n->stop();
        impl_->nodes.clear();
        fs::remove_all(impl_->dataDir, ec);
        impl_->dataDir.clear();
        throw std::runtime_error(std::string("ledger: cannot start: ") + e.what());
    }
    impl_->tally = Impl::LogTally{};   // a fresh chain: count its logs from block 1
    consensus::CliqueConfig clique;
    clique.periodSeconds = impl_->periodSeconds;
    impl_->votesView = std::make_unique<consensus::Clique>(clique);
    impl_->running = true;
}

void LedgerService::stop() {
    std::lock_guard lifecycle(impl_->lifecycleMutex);
    std::unique_ptr<rpc::RpcServer> server;
    std::unique_ptr<rpc::AuthorityNodeApi> api;
    {
        std::lock_guard lock(impl_->mutex);
        if (!impl_->running) return;
        server = std::move(impl_->rpcServer);
        api = std::move(impl_->rpcApi);
    }
    // Before the nodes (its API reads the console's chain), and outside `mutex`: a request in
    // flight may be calling the service, and the server waits for it.
    if (server) server->stop();
    server.reset();
    api.reset();
    std::lock_guard lock(impl_->mutex);
    for (auto& n : impl_->nodes) n->stop();
    impl_->nodes.clear();   // closes the databases before their directory goes
    impl_->votesView.reset();
    impl_->decoded.clear();
    std::error_code ec;
    std::filesystem::remove_all(impl_->dataDir, ec);
    impl_->dataDir.clear();
    impl_->running = false;
}

bool LedgerService::running() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->running;
}

std::uint64_t LedgerService::chainId() const { return impl_->setup.chain.chainId; }
std::string LedgerService::fundedAddress() const { return toChecksumAddress(impl_->funded); }
std::string LedgerService::authorityAddress(int index) const {
    if (index < 0 || index >= kAuthorities) return {};
    return toChecksumAddress(impl_->authorities[static_cast<std::size_t>(index)]);
}
std::string LedgerService::dataDirectory() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->dataDir;
}

std::string LedgerService::alveoleAccount(const std::string& alveole) {
    return toChecksumAddress(addressOf(seededKey("swarmergy demo alveole " + alveole)));
}

HubRegistration LedgerService::registerHub(const std::string& address, const std::string& alveole, const std::string& ruche) {
    HubRegistration result;
    Address hub{};
    try {
        hub = parseAddress(address);
    } catch (const std::exception& e) {
        result.error = "'" + address + "' is not a hub address (" + e.what() + "): check the key read from the hub";
        return result;
    }
    Hash256 alveoleId{}, rucheId{};
    try {
        alveoleId = contracts::idFromString(alveole);
        rucheId = contracts::idFromString(ruche);
    } catch (const std::exception& e) {
        result.error = "alvéole '" + alveole + "' / ruche '" + ruche + "': " + e.what();
        return result;
    }
    std::lock_guard lock(impl_->mutex);
    if (!impl_->running) {
        result.error = "the ledger is not running: start the demo ledger, then register the hub again";
        return result;
    }
    // An alvéole is bound to one account: keep the one it has, else its demo account.
    CallRequest q;
    q.to = contracts::kHubRegistry;
    q.data = contracts::call::accountOf(alveoleId);
    const CallOutcome existing = impl_->console()->call(q);
    Address account = parseAddress(alveoleAccount(alveole));
    if (existing.success && existing.returnData.size() >= 32) {
        const Address bound = addressFromBytes(ByteView(existing.returnData).subspan(12, 20));
        if (bound != Address{}) account = bound;
    }
    const LedgerSubmission s =
        impl_->submit(impl_->keys.front(), contracts::kHubRegistry, contracts::call::registerHub(hub, alveoleId, rucheId, account));
    result.ok = s.ok;
    if (!s.ok) result.error = "registration of " + address + " refused: " + s.error;
    return result;
}

namespace {
PrivateKey demoHubKey(const std::string& alveole) { return seededKey("swarmergy demo hub " + alveole); }
}  // namespace

std::optional<LedgerReadingDomain> LedgerService::readingDomain() const {
    return LedgerReadingDomain{chainId(), toChecksumAddress(contracts::kNrgToken)};
}

std::string LedgerService::demoHubAddress(const std::string& alveole) {
    return toChecksumAddress(addressOf(demoHubKey(alveole)));
}

HubRegistration LedgerService::registerDemoHub(const std::string& alveole, const std::string& ruche) {
    return registerHub(demoHubAddress(alveole), alveole, ruche);
}

LedgerSubmission LedgerService::submitDemoReading(const std::string& alveole, std::uint64_t intervalStartUnix,
                                                  std::uint64_t exportedWh, std::uint64_t importedWh) {
    const PrivateKey key = demoHubKey(alveole);
    const MeterReading reading{addressOf(key), intervalStartUnix, exportedWh, importedWh};
    return submitReading(reading, signReading(reading, chainId(), contracts::kNrgToken, key));
}

std::optional<std::string> LedgerService::registeredAlveole(const std::string& hubAddress) const {
    Address hub{};
    try {
        hub = parseAddress(hubAddress);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    std::lock_guard lock(impl_->mutex);
    if (!impl_->running) return std::nullopt;
    CallRequest q;
    q.to = contracts::kHubRegistry;
    q.data = contracts::call::hubInfo(hub);
    const CallOutcome out = impl_->console()->call(q);
    if (!out.success) return std::nullopt;
    const AbiReader r(view(out.returnData));
    try {
        if (!r.boolean(0)) return std::nullopt;
        return contracts::idToString(r.bytes32(1));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

LedgerSubmission LedgerService::submitReading(const MeterReading& reading, const Signature& hubSignature) {
    std::lock_guard lock(impl_->mutex);
    // Relayed by the console's authority: anyone may relay, the hub's signature is what counts.
    return impl_->submit(impl_->keys.front(), contracts::kNrgToken, contracts::call::submitReading(reading, hubSignature));
}

LedgerSubmission LedgerService::recordSettlement(std::uint64_t intervalStartUnix, const std::vector<LedgerSettlementRecord>& records) {
    std::vector<contracts::SettlementEntry> entries;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto& r = records[i];
        const std::string where = "settlement record " + std::to_string(i + 1) + " (" + r.alveoleId + ")";
        contracts::SettlementEntry e;
        try {
            e.alveoleId = contracts::idFromString(r.alveoleId);
        } catch (const std::exception& ex) {
            return LedgerSubmission{false, {}, where + ": " + ex.what()};
        }
        e.energyWh = contracts::SignedAmount::of(r.energyWh);
        const auto price = parseNrg(r.priceNrgPerKwh);
        if (!price || price->negative) return LedgerSubmission{false, {}, where + ": price '" + r.priceNrgPerKwh + "' is not a non-negative NRG amount"};
        e.priceWeiPerKwh = price->magnitude;
        const auto amount = parseNrg(r.amountNrg);
        if (!amount) return LedgerSubmission{false, {}, where + ": amount '" + r.amountNrg + "' is not an NRG amount"};
        e.amountWei = *amount;
        entries.push_back(e);
    }
    std::lock_guard lock(impl_->mutex);
    return impl_->submit(impl_->keys.front(), contracts::kSettlement, contracts::call::recordSettlement(intervalStartUnix, entries));
}

LedgerSubmission LedgerService::transferNrg(const std::string& toAddress, const std::string& amountNrg) {
    Address to{};
    try {
        to = parseAddress(toAddress);
    } catch (const std::exception& e) {
        return LedgerSubmission{false, {}, "'" + toAddress + "' is not an address: " + e.what()};
    }
    const auto amount = parseNrg(amountNrg);
    if (!amount || amount->negative) return LedgerSubmission{false, {}, "'" + amountNrg + "' is not a positive NRG amount"};
    std::lock_guard lock(impl_->mutex);
    return impl_->submit(fundedKey(), contracts::kNrgToken, contracts::call::transfer(to, amount->magnitude));
}

std::size_t LedgerService::pendingTransactions() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->running ? impl_->console()->pendingCount() : 0;
}

std::optional<bool> LedgerService::receiptStatus(const std::string& transactionHash) const {
    Hash256 h{};
    try {
        h = hashFromHex(transactionHash);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    std::lock_guard lock(impl_->mutex);
    if (!impl_->running) return std::nullopt;
    const auto r = impl_->console()->receiptByHash(h);
    if (!r) return std::nullopt;
    return r->receipt.success;
}

std::optional<std::string> LedgerService::nrgBalance(const std::string& address) const {
    Address a{};
    try {
        a = parseAddress(address);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    std::lock_guard lock(impl_->mutex);
    if (!impl_->running) return std::nullopt;
    return formatWei(impl_->balanceOf(*impl_->console(), a));
}

std::vector<std::pair<std::int64_t, double>> LedgerService::nrgHistory(const std::string& address) const {
    Address a{};
    try {
        a = parseAddress(address);
    } catch (const std::exception&) {
        return {};
    }
    std::lock_guard lock(impl_->mutex);
    if (!impl_->running) return {};
    const Chain& chain = *impl_->console();
    // Replay the token's Transfer logs from and to the account (eth_getLogs with the address in
    // topic 1, then in topic 2) on top of its genesis allocation, up to one head.
    const std::uint64_t head = chain.headNumber();
    std::map<std::pair<std::uint64_t, std::uint32_t>, Log> ordered;
    for (int side = 1; side <= 2; ++side) {
        LogFilter f;
        f.toBlock = head;
        f.addresses = {contracts::kNrgToken};
        f.topics = {{contracts::topic::transfer()}, {}, {}};
        f.topics[static_cast<std::size_t>(side)] = {addressTopic(a)};
        forEachLog(chain, f, [&](const LogEntry& e) { ordered[{e.blockNumber, e.logIndex}] = e.log; });
    }
    U256 balance;
    if (auto it = impl_->setup.contracts.genesisNrg.find(a); it != impl_->setup.contracts.genesisNrg.end()) balance = it->second;
    std::vector<std::pair<std::int64_t, double>> history;
    history.emplace_back(static_cast<std::int64_t>(impl_->setup.chain.genesisTimestamp), nrgDouble(balance));
    std::uint64_t lastBlock = 0;
    for (const auto& [key, log] : ordered) {
        if (log.topics.size() < 3 || log.data.size() < 32) continue;
        const U256 amount = U256::fromBigEndian(ByteView(log.data).subspan(0, 32));
        if (topicAddress(log.topics[1]) == a) balance = checkedSub(balance, amount).value_or(U256(0));
        if (topicAddress(log.topics[2]) == a) balance = checkedAdd(balance, amount).value_or(U256::max());
        const auto block = chain.blockByNumber(key.first);
        const auto when = static_cast<std::int64_t>(block ? block->header.timestamp : 0);
        // One point per block: several transfers in a block replace the block's point.
        if (key.first == lastBlock && !history.empty()) history.back() = {when, nrgDouble(balance)};
        else history.emplace_back(when, nrgDouble(balance));
        lastBlock = key.first;
    }
    const auto headTime = static_cast<std::int64_t>(chain.headHeader().timestamp);
    if (headTime > history.back().first) history.emplace_back(headTime, history.back().second);
    return history;
}

std::string LedgerService::proposeSignerVote(const std::string& address, bool authorise) {
    Address candidate{};
    try {
        candidate = parseAddress(address);
    } catch (const std::exception& e) {
        return "'" + address + "' is not an address: " + e.what();
    }
    std::lock_guard lock(impl_->mutex);
    if (!impl_->running) return "the ledger is not running";
    AuthorityNode& node = *impl_->nodes.front();
    const auto signers = node.status().signers;
    const bool isSigner = std::find(signers.begin(), signers.end(), candidate) != signers.end();
    if (authorise && isSigner) return address + " is already an authority";
    if (!authorise && !isSigner) return address + " is not an authority";
    node.propose(candidate, authorise);
    return {};
}

void LedgerService::setRpcPort(std::optional<std::uint16_t> port) {
    std::lock_guard lock(impl_->mutex);
    impl_->rpcPort = port;
}

std::string LedgerService::rpcUrl() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->rpcServer ? impl_->rpcServer->url() : std::string();
}

void LedgerService::setRecommendationsProvider(RecommendationsProvider provider) {
    std::lock_guard lock(impl_->providerMutex);
    impl_->recommendations = std::move(provider);
}

void LedgerService::setRecommendations(std::vector<model::Recommendation> recommendations) {
    auto shared = std::make_shared<const std::vector<model::Recommendation>>(std::move(recommendations));
    setRecommendationsProvider([shared] { return *shared; });
}

void LedgerService::addRpcMethod(const std::string& name, rpc::ExtraMethod handler) {
    rpc::RpcDispatcher::checkExtraMethodName(name);
    if (name == kRecommendationsMethod)
        throw std::invalid_argument(name + " is the service's own method: use setRecommendationsProvider");
    if (!handler) throw std::invalid_argument("RPC extra method '" + name + "': the handler is empty");
    std::lock_guard lock(impl_->mutex);
    if (impl_->rpcExtras.count(name)) throw std::invalid_argument("RPC extra method '" + name + "' is already registered");
    if (impl_->rpcServer) impl_->rpcServer->dispatcher().addMethod(name, handler);
    impl_->rpcExtras.emplace(name, std::move(handler));
}

LedgerSnapshotPtr LedgerService::snapshot() const {
    auto snap = std::make_shared<LedgerSnapshot>();
    std::lock_guard lock(impl_->mutex);
    snap->chainId = impl_->setup.chain.chainId;
    snap->tokenAddress = toChecksumAddress(contracts::kNrgToken);
    snap->blockPeriodSeconds = static_cast<double>(impl_->periodSeconds);
    if (!impl_->running) return snap;
    const Chain& chain = *impl_->console();
    const std::uint64_t head = chain.headNumber();
    snap->headNumber = head;
    CallRequest supply;
    supply.to = contracts::kNrgToken;
    supply.data = contracts::call::totalSupply();
    const CallOutcome total = chain.call(supply);
    if (total.success && total.returnData.size() >= 32)
        snap->totalSupplyNrg = formatWei(U256::fromBigEndian(ByteView(total.returnData).subspan(0, 32)));
    const Impl::LogTally tally = impl_->tallyTo(chain, head);
    snap->readingsMinted = tally.readings;
    snap->settlementIntervals = tally.settlements;
    impl_->blocksAndTransactions(chain, head, *snap);
    snap->accounts = impl_->accountRows(chain, tally);
    snap->authorities = impl_->authorityRows(chain);
    snap->votes = impl_->voteRows(chain);
    return snap;
}

std::string LedgerService::formatNrg(const std::string& weiDecimal) {
    std::string digits = weiDecimal.empty() ? "0" : weiDecimal;
    if (digits.size() < 19) digits.insert(0, 19 - digits.size(), '0');
    return digits.substr(0, digits.size() - 18) + "." + digits.substr(digits.size() - 18);
}

}  // namespace swarmergy::app
