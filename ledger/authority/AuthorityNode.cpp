#include "ledger/authority/AuthorityNode.h"

#include <boost/asio.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <shared_mutex>
#include <unordered_set>
#include <sstream>
#include <thread>

namespace swarmergy::ledger::authority {

namespace asio = boost::asio;

namespace {
std::string key(const Hash256& h) { return std::string(h.begin(), h.end()); }
std::uint64_t nowSeconds() { return p2p::unixMillis() / 1000; }
constexpr std::uint64_t kSyncBatch = 128;
constexpr std::size_t kSideLimit = 8192;
}  // namespace

std::string AuthorityStatus::toJson() const {
    std::ostringstream os;
    os << "{\"self\":\"" << toChecksumAddress(self) << "\",\"head\":" << headNumber << ",\"hash\":\"" << toHex(view(headHash))
       << "\",\"timestamp\":" << headTimestamp << ",\"peers\":" << peers.size() << ",\"pending\":" << pendingTransactions
       << ",\"sealed\":" << blocksSealed << ",\"imported\":" << blocksImported << ",\"reorgs\":" << reorgs
       << ",\"refusedBlocks\":" << blocksRefused << ",\"signers\":[";
    for (std::size_t i = 0; i < signers.size(); ++i) os << (i ? "," : "") << '"' << toChecksumAddress(signers[i]) << '"';
    os << "],\"lastSealed\":{";
    bool first = true;
    for (const auto& [a, n] : lastSealedBySigner) {
        os << (first ? "" : ",") << '"' << toChecksumAddress(a) << "\":" << n;
        first = false;
    }
    os << "},\"refusedMessages\":{";
    first = true;
    for (const auto& [why, n] : network.refused) {
        os << (first ? "" : ",") << '"' << why << "\":" << n;
        first = false;
    }
    os << "}}";
    return os.str();
}

struct AuthorityNode::Worker {
    AuthorityNode& node;
    asio::io_context io;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
    asio::steady_timer sealTimer{io};
    asio::steady_timer gossipTimer{io};
    std::thread thread;
    // Transactions gossiped by peers are admitted on their own thread: their sender
    // recovery then runs beside block production and import instead of queueing in front
    // of them on the worker (a block import waited behind thousands of recoveries).
    asio::io_context admissionIo;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> admissionWork;
    std::thread admissionThread;
    bool gossipArmed = false;   // guarded by mutex

    // worker-thread state
    std::unordered_map<std::string, Block> side;                 // blocks not on the canonical chain
    std::unordered_map<std::string, BlockHeader> headerCache;    // by hash (content-addressed)
    std::map<std::uint64_t, Hash256> canonical;                  // number -> hash, recent window
    std::map<Address, std::uint64_t> lastRequestMs;
    std::map<Address, std::pair<Hash256, std::uint64_t>> unknownHead;   // head hash first seen unknown, when

    // shared with other threads
    mutable std::mutex mutex;
    // Submissions hold it shared, a branch switch exclusively: Chain::rewindTo rebuilds the
    // pool, and a transaction submitted meanwhile would be refused for a nonce gap.
    std::shared_mutex reorgMutex;
    std::vector<Bytes> gossipQueue;
    std::map<std::uint64_t, std::set<Address>> contractSigners;   // block number -> signers in force
    std::map<std::uint64_t, Bytes> recentEncoded;                // number -> block RLP (serving sync)
    std::vector<Address> signers;
    std::map<Address, std::uint64_t> lastSealed;
    std::uint64_t sealed = 0, imported = 0, reorgs = 0, refusedBlocks = 0;
    std::string lastRefusal;

    explicit Worker(AuthorityNode& n) : node(n) {}

    consensus::HeaderLookup lookup() {
        return [this](const Hash256& h) -> std::optional<BlockHeader> {
            if (auto it = side.find(key(h)); it != side.end()) return it->second.header;
            if (auto it = headerCache.find(key(h)); it != headerCache.end()) return it->second;
            auto header = node.chain_->headerByHash(h);   // no body decoding
            if (!header) return std::nullopt;
            remember(*header);
            return header;
        };
    }
    void remember(const BlockHeader& h) {
        if (headerCache.size() > 16384) headerCache.clear();
        headerCache[key(h.hash())] = h;
    }
    // The Clique signers in force for the child of `parent`: they are the contracts'
    // authorities (HubRegistry, Settlement) in that block, so a voted-in signer may register
    // hubs. Recorded before every execution of a block on top of `parent`.
    void authoritiesFor(const BlockHeader& parent) {
        std::set<Address> now;
        try {
            const auto list = node.clique_.signersAt(parent, lookup());
            now.insert(list.begin(), list.end());
        } catch (const consensus::ConsensusError&) {
            return;   // unknown ancestry: the block will be refused anyway
        }
        std::lock_guard lock(mutex);
        contractSigners[parent.number + 1] = std::move(now);
        while (contractSigners.size() > 256) contractSigners.erase(contractSigners.begin());
    }
    bool isContractAuthority(const Address& who, std::uint64_t number) {
        std::lock_guard lock(mutex);
        auto it = contractSigners.find(number);
        if (it == contractSigners.end()) return node.config_.chain.chain.isAuthority(who);   // not prepared: genesis list
        return it->second.count(who) > 0;
    }

    std::optional<Hash256> canonicalHash(std::uint64_t number) {
        if (auto it = canonical.find(number); it != canonical.end()) return it->second;
        auto header = node.chain_->headerByNumber(number);
        if (!header) return std::nullopt;
        remember(*header);
        const Hash256 hash = header->hash();
        canonical[number] = hash;
        return hash;
    }
    bool isCanonical(const BlockHeader& h) {
        const auto c = canonicalHash(h.number);
        return c && *c == h.hash();
    }
    bool known(const Hash256& h) {
        if (side.count(key(h))) return true;
        auto it = headerCache.find(key(h));
        if (it != headerCache.end()) return isCanonical(it->second);
        return node.chain_->headerByHash(h).has_value();
    }

    void start() {
        admissionWork.emplace(asio::make_work_guard(admissionIo));
        admissionThread = std::thread([this] { admissionIo.run(); });
        work.emplace(asio::make_work_guard(io));
        thread = std::thread([this] { io.run(); });
        asio::post(io, [this] {
            loadRecent();
            onNewHead(false);
        });
    }
    void stop() {
        if (admissionThread.joinable()) {
            asio::post(admissionIo, [this] {
                admissionWork.reset();
                admissionIo.stop();
            });
            admissionThread.join();
        }
        if (!thread.joinable()) return;
        asio::post(io, [this] {
            sealTimer.cancel();
            gossipTimer.cancel();
            work.reset();
            io.stop();
        });
        thread.join();
    }

    void loadRecent() {
        const std::uint64_t head = node.chain_->headNumber();
        const std::uint64_t from = head > 64 ? head - 64 : 0;
        std::lock_guard lock(mutex);
        for (std::uint64_t n = from + 1; n <= head; ++n) {
            auto b = node.chain_->blockByNumber(n);
            if (!b) continue;
            headerCache[key(b->hash())] = b->header;
            canonical[n] = b->hash();
            lastSealed[node.clique_.author(b->header)] = n;
            recentEncoded[n] = b->encode();
        }
    }

    // Every path that changes the head ends here: status, gossip of the head, next seal.
    void onNewHead(bool announce) {
        const BlockHeader head = node.chain_->headHeader();
        remember(head);
        authoritiesFor(head);
        canonical[head.number] = head.hash();
        while (canonical.size() > 4096) canonical.erase(canonical.begin());
        std::vector<Address> now;
        try {
            now = node.clique_.signersAt(head, lookup());
        } catch (const consensus::ConsensusError& e) {
            std::fprintf(stderr, "authority: no signer snapshot at head: %s\n", e.what());
        }
        {
            std::lock_guard lock(mutex);
            signers = now;
        }
        // Prune side blocks far below the head.
        for (auto it = side.begin(); it != side.end();)
            it = it->second.header.number + 1024 < head.number ? side.erase(it) : std::next(it);
        if (announce) node.network_->broadcastStatus();
        writeStatusFile();
        scheduleSeal();
    }

    void writeStatusFile() {
        if (node.config_.statusFile.empty()) return;
        const std::string tmp = node.config_.statusFile + ".tmp";
        {
            std::ofstream out(tmp, std::ios::trunc);
            out << node.status().toJson() << "\n";
        }
        std::error_code ec;
        std::filesystem::rename(tmp, node.config_.statusFile, ec);
    }

    void committed(const Block& b, bool sealedHere) {
        remember(b.header);
        canonical[b.header.number] = b.hash();
        side.erase(key(b.hash()));
        std::lock_guard lock(mutex);
        lastSealed[node.clique_.author(b.header)] = b.header.number;
        recentEncoded[b.header.number] = b.encode();
        while (recentEncoded.size() > 512) recentEncoded.erase(recentEncoded.begin());
        if (sealedHere) ++sealed;
        else ++imported;
    }

    // --- sealing ---
    void scheduleSeal() {
        sealTimer.cancel();
        if (!node.config_.seal) return;
        const BlockHeader parent = node.chain_->headHeader();
        consensus::SealPlan plan;
        try {
            plan = node.clique_.prepare(parent, node.self_, lookup(), p2p::unixMillis());
        } catch (const consensus::ConsensusError& e) {
            std::fprintf(stderr, "authority: cannot plan a block: %s\n", e.what());
            return;
        }
        if (!plan.allowed) return;   // the next head re-plans
        // In turn, start producing a little before the due time (the block keeps the due
        // timestamp, within the peers' future bound): executing and committing a large block
        // takes a while, and an in-turn block that arrives late loses the race to the
        // out-of-turn backups, costing everyone a reorg.
        std::uint64_t delayMs = plan.delayMs;
        if (plan.inTurn) {
            const std::uint64_t leadMs = std::min<std::uint64_t>(500, node.config_.clique.periodSeconds * 1000 / 2);
            delayMs = delayMs > leadMs ? delayMs - leadMs : 0;
        } else {
            delayMs += outOfTurnGraceMs();
        }
        sealTimer.expires_after(std::chrono::milliseconds(delayMs));
        const Hash256 parentHash = parent.hash();
        sealTimer.async_wait([this, plan, parentHash](boost::system::error_code ec) {
            if (ec) return;
            seal(plan, parentHash);
        });
    }

    void seal(const consensus::SealPlan& plan, const Hash256& parentHash) {
        if (node.chain_->headHeader().hash() != parentHash) return;   // a block arrived meanwhile
        SealFields fields;
        fields.coinbase = plan.coinbase;
        fields.nonce = plan.nonce;
        fields.checkpointSigners = plan.checkpointSigners;
        Block block;
        try {
            authoritiesFor(node.chain_->headHeader());
            block = node.chain_->produceBlock(node.config_.key, plan.timestamp, plan.inTurn, fields, node.config_.maxBlockTransactions);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "authority: sealing failed: %s\n", e.what());
            scheduleSeal();
            return;
        }
        committed(block, true);
        node.network_->broadcastBlock(block.encode());
        onNewHead(false);
    }

    // --- blocks from peers ---
    // A block already known (e.g. relayed by a second peer) is recognised from its header,
    // before its body is decoded; bodies reuse the senders recovered at pool admission.
    std::optional<Block> decodeNew(const Bytes& raw, bool& undecodable) {
        undecodable = false;
        try {
            if (known(Block::decodeHeader(view(raw)).hash())) return std::nullopt;
            return Block::decode(view(raw), &node.chain_->senderCache());
        } catch (const DecodeError& e) {
            refuse(std::string("undecodable block: ") + e.what());
            undecodable = true;
            return std::nullopt;
        }
    }

    void onBlock(const Address& from, const Bytes& raw) {
        bool undecodable = false;
        std::optional<Block> decoded = decodeNew(raw, undecodable);
        if (!decoded) return;
        Block block = std::move(*decoded);
        const Hash256 hash = block.hash();
        const BlockHeader head = node.chain_->headHeader();
        if (block.header.parentHash == head.hash()) {
            if (extend(block)) {
                node.network_->broadcastBlock(raw, from);
                onNewHead(true);
            }
            return;
        }
        addSide(std::move(block));
        if (evaluate(from, hash)) onNewHead(true);
    }

    void onBlocks(const Address& from, const std::vector<Bytes>& raws) {
        std::optional<Hash256> last;
        std::uint64_t lastNumber = 0;
        bool changed = false;
        for (const auto& raw : raws) {
            bool undecodable = false;
            std::optional<Block> decoded = decodeNew(raw, undecodable);
            if (undecodable) return;
            if (!decoded) {   // known: only note where the batch ends
                const BlockHeader header = Block::decodeHeader(view(raw));
                last = header.hash();
                lastNumber = header.number;
                continue;
            }
            Block block = std::move(*decoded);
            last = block.hash();
            lastNumber = block.header.number;
            if (block.header.parentHash == node.chain_->headHeader().hash()) {
                if (!extend(block)) return;
                changed = true;
                continue;
            }
            addSide(std::move(block));
        }
        if (last && !known(*last)) return;
        if (last && side.count(key(*last))) changed |= evaluate(from, *last);
        if (changed) onNewHead(true);
        // More to fetch: the peer advertised a higher head than what it sent.
        for (const auto& p : node.network_->peers())
            if (p.address == from && last && p.head.headNumber > lastNumber && raws.size() == kSyncBatch)
                node.network_->requestBlocks(from, p2p::BlockRange{lastNumber + 1, kSyncBatch});
    }

    void onStatus(const Address& from, const p2p::HeadStatus& status) {
        if (known(status.headHash)) return;
        // A head we do not know is usually a block still in flight as NewBlock: ask only when
        // the same head stays unknown for a second (decoding a range costs a recovery per tx).
        // A peer more than one block ahead is not explained by a block in flight: at once.
        const std::uint64_t now = p2p::unixMillis();
        const std::uint64_t ours = node.chain_->headNumber();
        auto& [seenHash, seenAt] = unknownHead[from];
        const bool farAhead = status.headNumber > ours + 1;
        if (seenHash != status.headHash) {
            seenHash = status.headHash;
            seenAt = now;
            if (!farAhead) return;
        } else if (now - seenAt < 1000) {
            return;
        }
        if (now - lastRequestMs[from] < (farAhead ? 300u : 1000u)) return;
        lastRequestMs[from] = now;
        // The peer is ahead: fetch what extends us (a fork is found by the missing-ancestor
        // path). Else a fork at or below our height: start a little below its head.
        const std::uint64_t start = status.headNumber > ours ? ours + 1 : (status.headNumber > 8 ? status.headNumber - 8 : 1);
        node.network_->requestBlocks(from, p2p::BlockRange{start, kSyncBatch});
    }

    void addSide(Block block) {
        if (side.size() >= kSideLimit) side.clear();
        side.emplace(key(block.hash()), std::move(block));
    }

    void refuse(const std::string& why) {
        std::lock_guard lock(mutex);
        ++refusedBlocks;
        lastRefusal = why;
    }

    // Out of turn, wait a little longer when the pool is large: the in-turn block then takes
    // longer to execute, travel and import, and an out-of-turn block sealed meanwhile costs
    // every node a reorganisation (rewind, a second import of the same transactions). The
    // grace is what importing the pending transactions costs here (measured on the last
    // imports) twice over — producing there and importing here — capped at 3 s. Local
    // timing only (Clique does not verify the wiggle); with the in-turn signer down, blocks
    // come at most 3 s later.
    std::uint64_t outOfTurnGraceMs() {
        const double ms = 2.0 * static_cast<double>(node.chain_->pendingCount()) * importMsPerTx;
        return static_cast<std::uint64_t>(std::min(3000.0, ms));
    }
    double importMsPerTx = 0.15;   // exponential average over imported blocks (start: a quiet 2-core VM)

    // Verifies and imports a block extending the head; false (and counted) when refused.
    bool extend(const Block& block) {
        const auto started = std::chrono::steady_clock::now();
        try {
            node.clique_.verifyHeader(block.header, lookup(), nowSeconds());
            if (auto parent = lookup()(block.header.parentHash)) authoritiesFor(*parent);
            node.chain_->importBlock(block);
        } catch (const std::exception& e) {   // ConsensusError, BlockRejected
            refuse(e.what());
            side.erase(key(block.hash()));
            return false;
        }
        if (block.transactions.size() >= 100) {
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            importMsPerTx = 0.7 * importMsPerTx + 0.3 * ms / static_cast<double>(block.transactions.size());
        }
        committed(block, false);
        return true;
    }

    // A side block: find its branch down to the canonical chain, ask for missing ancestors,
    // and switch to it if the EIP-3436 rule prefers it. Returns true when the head changed.
    bool evaluate(const Address& from, const Hash256& tip) {
        std::vector<Block> branch;   // newest first
        Hash256 h = tip;
        for (;;) {
            auto it = side.find(key(h));
            if (it == side.end()) break;
            branch.push_back(it->second);
            h = it->second.header.parentHash;
        }
        if (branch.empty()) return false;
        const BlockHeader& oldest = branch.back().header;
        const auto parentHeader = lookup()(oldest.parentHash);
        if (!parentHeader || !isCanonical(*parentHeader)) {
            // Missing ancestors: fetch the blocks just below the branch.
            const std::uint64_t below = oldest.number > 1 ? oldest.number - 1 : 1;
            const std::uint64_t start = below > 64 ? below - 64 : 1;
            node.network_->requestBlocks(from, p2p::BlockRange{start, below - start + 1});
            return false;
        }
        std::reverse(branch.begin(), branch.end());   // oldest first
        const std::uint64_t fork = parentHeader->number;
        const std::uint64_t headNumber = node.chain_->headNumber();
        consensus::Branch candidate, current;
        for (const auto& b : branch) candidate.headers.push_back(b.header);
        std::vector<Block> ours;
        for (std::uint64_t n = fork + 1; n <= headNumber; ++n) {
            auto b = node.chain_->blockByNumber(n);
            if (!b) return false;
            current.headers.push_back(b->header);
            ours.push_back(std::move(*b));
        }
        // Verify the candidate's headers before choosing (it may be forged or invalid).
        auto look = lookup();
        for (const auto& b : branch) {
            try {
                node.clique_.verifyHeader(b.header, look, nowSeconds());
            } catch (const consensus::ConsensusError& e) {
                refuse(e.what());
                side.erase(key(b.hash()));
                return false;
            }
        }
        if (node.clique_.compareBranches(candidate, current, look) <= 0) return false;
        return switchTo(fork, branch, ours);
    }

    bool switchTo(std::uint64_t fork, const std::vector<Block>& branch, const std::vector<Block>& ours) {
        if (std::getenv("SWARMERGY_NET_DEBUG")) {
            auto describe = [&](const std::vector<Block>& bs) {
                std::string d;
                for (const auto& b : bs)
                    d += std::to_string(b.header.number) + "/" + (b.header.difficulty == U256(2) ? "2" : "1") + "/" +
                         toChecksumAddress(node.clique_.author(b.header)).substr(2, 4) + "/" + std::to_string(b.transactions.size()) + " ";
                return d;
            };
            std::fprintf(stderr, "authority %s: switch at %llu from [%s] to [%s]\n", toChecksumAddress(node.self_).substr(2, 4).c_str(),
                         static_cast<unsigned long long>(fork), describe(ours).c_str(), describe(branch).c_str());
        }
        sealTimer.cancel();
        std::unique_lock reorgLock(reorgMutex);
        node.chain_->rewindTo(fork);
        for (auto it = canonical.upper_bound(fork); it != canonical.end();) it = canonical.erase(it);
        for (const auto& b : ours) addSide(b);   // the old branch may win again later
        for (const auto& b : branch) {
            try {
                if (auto parent = lookup()(b.header.parentHash)) authoritiesFor(*parent);
                node.chain_->importBlock(b);
            } catch (const std::exception& e) {
                refuse(e.what());
                side.erase(key(b.hash()));
                // Back to our branch.
                node.chain_->rewindTo(fork);
                for (auto it = canonical.upper_bound(fork); it != canonical.end();) it = canonical.erase(it);
                for (const auto& o : ours) {
                    try {
                        if (auto parent = lookup()(o.header.parentHash)) authoritiesFor(*parent);
                        node.chain_->importBlock(o);
                        committed(o, false);
                    } catch (const std::exception&) {
                        break;
                    }
                }
                return true;
            }
            committed(b, false);
        }
        {
            std::lock_guard lock(mutex);
            ++reorgs;
        }
        // Transactions of the orphaned blocks are back in the pool: gossip them so the
        // authorities of the winning branch include them (none is lost).
        std::unordered_set<std::string> inBranch;
        for (const auto& b : branch)
            for (const auto& tx : b.transactions) inBranch.insert(key(tx.hash));
        std::vector<Bytes> again;
        for (const auto& b : ours)
            for (const auto& tx : b.transactions)
                if (!inBranch.count(key(tx.hash))) again.push_back(tx.raw);
        node.network_->broadcastTransactions(std::move(again));
        return true;
    }

    // --- transactions ---
    void queueGossip(Bytes raw) {
        std::lock_guard lock(mutex);
        gossipQueue.push_back(std::move(raw));
        if (gossipArmed) return;
        gossipArmed = true;
        asio::post(io, [this] {
            gossipTimer.expires_after(std::chrono::milliseconds(node.config_.txGossipBatchMs));
            gossipTimer.async_wait([this](boost::system::error_code) { flushGossip(); });
        });
    }
    void flushGossip() {
        std::vector<Bytes> batch;
        {
            std::lock_guard lock(mutex);
            batch.swap(gossipQueue);
            gossipArmed = false;
        }
        node.network_->broadcastTransactions(std::move(batch));
    }
    // On the admission thread; waits (as RPC submissions do) while a branch switch rebuilds the pool.
    void onTransactions(const std::vector<Bytes>& raws) {
        std::shared_lock reorgLock(reorgMutex);
        for (const auto& raw : raws) {
            const SubmitResult r = node.chain_->submitRawTransaction(view(raw));
            (void)r;   // duplicates and stale ones are expected (every authority gossips)
        }
    }
};

AuthorityNode::AuthorityNode(AuthorityConfig config)
    : config_(std::move(config)), self_(addressOf(config_.key)), clique_(config_.clique) {
    config_.chain.sealersCheckedByConsensus = true;
    worker_ = std::make_unique<Worker>(*this);
    Worker* authorities = worker_.get();
    config_.chain.contractAuthorities = [authorities](const Address& who, std::uint64_t number) {
        return authorities->isContractAuthority(who, number);
    };
    chain_ = Chain::open(config_.chain);

    p2p::NetworkConfig net;
    net.chainId = config_.chain.chain.chainId;
    net.genesisHash = chain_->genesisHash();
    net.key = config_.key;
    net.listenHost = config_.listenHost;
    net.listenPort = config_.listenPort;
    net.peers = config_.peers;
    net.statusIntervalMs = std::max<std::uint64_t>(200, config_.clique.periodSeconds * 1000 / 2);

    Worker* w = worker_.get();
    p2p::NetworkHandlers h;
    h.isAllowedPeer = [this, w](const Address& a) {
        if (std::find(config_.extraPeers.begin(), config_.extraPeers.end(), a) != config_.extraPeers.end()) return true;
        {
            std::lock_guard lock(w->mutex);
            if (std::find(w->signers.begin(), w->signers.end(), a) != w->signers.end()) return true;
        }
        const auto proposals = clique_.proposals();
        auto it = proposals.find(a);   // a candidate this node votes for may connect (and sync)
        return it != proposals.end() && it->second;
    };
    h.localHead = [this] {
        const BlockHeader head = chain_->headHeader();
        return p2p::HeadStatus{head.number, head.hash()};
    };
    h.onTransactions = [w](const Address&, std::vector<Bytes> txs) {
        asio::post(w->admissionIo, [w, txs = std::move(txs)] { w->onTransactions(txs); });
    };
    h.onBlock = [w](const Address& from, Bytes raw) {
        asio::post(w->io, [w, from, raw = std::move(raw)] { w->onBlock(from, raw); });
    };
    h.onBlocks = [w](const Address& from, std::vector<Bytes> raws) {
        asio::post(w->io, [w, from, raws = std::move(raws)] { w->onBlocks(from, raws); });
    };
    h.onStatus = [w](const Address& from, const p2p::HeadStatus& s) { asio::post(w->io, [w, from, s] { w->onStatus(from, s); }); };
    h.serveBlocks = [this, w](const p2p::BlockRange& range) {
        std::vector<Bytes> out;
        const std::uint64_t count = std::min<std::uint64_t>(range.count, kSyncBatch);
        for (std::uint64_t n = range.from; n < range.from + count; ++n) {
            {
                std::lock_guard lock(w->mutex);
                auto it = w->recentEncoded.find(n);
                if (it != w->recentEncoded.end()) {
                    out.push_back(it->second);
                    continue;
                }
            }
            auto b = chain_->blockByNumber(n);
            if (!b) break;
            out.push_back(b->encode());
        }
        return out;
    };
    network_ = std::make_unique<p2p::Network>(net, std::move(h));
}

AuthorityNode::~AuthorityNode() { stop(); }

void AuthorityNode::start() {
    network_->start();
    worker_->start();
}

void AuthorityNode::stop() {
    network_->stop();
    worker_->stop();
}

std::uint16_t AuthorityNode::p2pPort() const { return network_->listenPort(); }

SubmitResult AuthorityNode::submitRawTransaction(ByteView raw) {
    std::shared_lock reorgLock(worker_->reorgMutex);
    SubmitResult r = chain_->submitRawTransaction(raw);
    reorgLock.unlock();
    if (r.accepted) worker_->queueGossip(Bytes(raw.begin(), raw.end()));
    return r;
}

void AuthorityNode::propose(const Address& candidate, bool authorize) { clique_.propose(candidate, authorize); }
void AuthorityNode::discard(const Address& candidate) { clique_.discard(candidate); }

bool AuthorityNode::canVote() {
    if (!config_.seal) return false;
    const auto signers = signersAt(chain_->headNumber());
    return signers && std::find(signers->begin(), signers->end(), self_) != signers->end();
}

std::optional<std::vector<Address>> AuthorityNode::signersAt(std::uint64_t number) {
    const auto header = chain_->headerByNumber(number);
    if (!header) return std::nullopt;
    // Headers straight from the chain (thread-safe reads), not the worker's caches.
    const Chain& chain = *chain_;
    return clique_.signersAt(*header, [&chain](const Hash256& h) { return chain.headerByHash(h); });
}

AuthorityStatus AuthorityNode::status() const {
    AuthorityStatus s;
    s.self = self_;
    const BlockHeader head = chain_->headHeader();
    s.headNumber = head.number;
    s.headHash = head.hash();
    s.headTimestamp = head.timestamp;
    s.peers = network_->peers();
    s.pendingTransactions = chain_->pendingCount();
    s.network = network_->stats();
    s.proposals = clique_.proposals();
    std::lock_guard lock(worker_->mutex);
    s.signers = worker_->signers;
    s.lastSealedBySigner = worker_->lastSealed;
    s.blocksSealed = worker_->sealed;
    s.blocksImported = worker_->imported;
    s.reorgs = worker_->reorgs;
    s.blocksRefused = worker_->refusedBlocks;
    s.lastRefusal = worker_->lastRefusal;
    return s;
}

}  // namespace swarmergy::ledger::authority
