#include "ledger/consensus/Clique.h"

#include <algorithm>

namespace swarmergy::ledger::consensus {

namespace {
std::string key(const Hash256& h) { return std::string(h.begin(), h.end()); }
std::string at(const BlockHeader& h) { return "block " + std::to_string(h.number) + ": "; }
std::uint64_t difficultyOf(const BlockHeader& h) { return h.difficulty == U256(2) ? 2 : 1; }
}  // namespace

bool Snapshot::inTurn(std::uint64_t n, const Address& signer) const {
    return !signers.empty() && indexOf(signer) == n % signers.size();
}

std::size_t Snapshot::indexOf(const Address& signer) const {
    return static_cast<std::size_t>(std::distance(signers.begin(), signers.find(signer)));
}

bool Snapshot::signedRecently(std::uint64_t n, const Address& signer) const {
    // As geth: a recent entry only blocks the signer while the new block does not shift it out.
    const std::uint64_t limit = recentLimit();
    for (const auto& [seen, who] : recents)
        if (who == signer && (n < limit || seen > n - limit)) return true;
    return false;
}

void Snapshot::apply(const BlockHeader& h, const Address& sealer, std::uint64_t epochLength) {
    if (h.number != number + 1 || h.parentHash != hash) throw ConsensusError(at(h) + "does not follow snapshot " + std::to_string(number));
    if (h.number % epochLength == 0) {   // checkpoint: votes and tallies reset
        votes.clear();
        tally.clear();
    }
    if (const std::uint64_t limit = recentLimit(); h.number >= limit) recents.erase(h.number - limit);
    if (!signers.count(sealer)) throw ConsensusError(at(h) + "sealed by " + toChecksumAddress(sealer) + ", not a signer");
    for (const auto& [seen, who] : recents)
        if (who == sealer) throw ConsensusError(at(h) + toChecksumAddress(sealer) + " signed one of the last " +
                                                std::to_string(recentLimit()) + " blocks (block " + std::to_string(seen) + ")");
    recents[h.number] = sealer;

    auto uncast = [&](const Address& candidate, bool authorize) {
        auto it = tally.find(candidate);
        if (it == tally.end() || it->second.authorize != authorize) return;
        if (--it->second.votes <= 0) tally.erase(it);
    };
    // A signer's new vote on a candidate replaces its previous one.
    for (auto it = votes.begin(); it != votes.end(); ++it)
        if (it->signer == sealer && it->candidate == h.coinbase) {
            uncast(it->candidate, it->authorize);
            votes.erase(it);
            break;
        }
    bool authorize;
    if (h.nonce == kNonceAuthorize) authorize = true;
    else if (h.nonce == kNonceDrop) authorize = false;
    else throw ConsensusError(at(h) + "nonce must be 0x00..00 or 0xff..ff (a Clique vote)");
    const bool meaningful = signers.count(h.coinbase) ? !authorize : authorize;
    if (meaningful && h.coinbase != Address{}) {
        Tally& t = tally[h.coinbase];
        t.authorize = authorize;
        ++t.votes;
        votes.push_back(Vote{sealer, h.coinbase, authorize});
    }
    // A majority of the signers decides.
    auto decided = tally.find(h.coinbase);
    if (decided != tally.end() && static_cast<std::size_t>(decided->second.votes) > signers.size() / 2) {
        const Address candidate = h.coinbase;
        if (decided->second.authorize) {
            signers.insert(candidate);
        } else {
            signers.erase(candidate);
            if (const std::uint64_t limit = recentLimit(); h.number >= limit) recents.erase(h.number - limit);
            for (auto it = votes.begin(); it != votes.end();) {
                if (it->signer == candidate) {
                    uncast(it->candidate, it->authorize);
                    it = votes.erase(it);
                } else {
                    ++it;
                }
            }
        }
        votes.erase(std::remove_if(votes.begin(), votes.end(), [&](const Vote& v) { return v.candidate == candidate; }), votes.end());
        tally.erase(candidate);
    }
    number = h.number;
    hash = h.hash();
}

Clique::Clique(CliqueConfig config) : config_(config), random_(std::random_device{}()) {
    if (config_.epochLength == 0) throw std::invalid_argument("Clique: epoch length must be positive");
}

Address Clique::author(const BlockHeader& header) const {
    const auto sealer = recoverSealer(header);
    if (!sealer) throw ConsensusError(at(header) + "missing or invalid seal");
    return *sealer;
}

void Clique::remember(const Snapshot& snap) {
    if (cache_.size() > 4096) cache_.clear();   // bounded; a miss only costs a walk back
    cache_[key(snap.hash)] = snap;
}

Snapshot Clique::snapshot(const BlockHeader& header, const HeaderLookup& lookup) {
    std::vector<BlockHeader> pending;   // newest first
    BlockHeader h = header;
    Snapshot snap;
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            auto it = cache_.find(key(h.hash()));
            if (it != cache_.end()) {
                snap = it->second;
                break;
            }
        }
        if (h.number == 0 || h.number % config_.epochLength == 0) {
            // Genesis or checkpoint: the signer list is in extraData (verified on import).
            std::vector<Address> listed;
            try {
                listed = cliqueCheckpointSigners(h);
            } catch (const DecodeError& e) {
                throw ConsensusError(at(h) + "bad checkpoint extraData: " + e.what());
            }
            if (listed.empty()) throw ConsensusError(at(h) + "checkpoint without signers");
            snap.number = h.number;
            snap.hash = h.hash();
            snap.signers.insert(listed.begin(), listed.end());
            if (h.number > 0) {
                // Checkpoints reset votes; the last N/2 sealers before it are still "recent"
                // (the same recents as applying the checkpoint to its parent's snapshot).
                snap.recents[h.number] = author(h);
                BlockHeader back = h;
                for (std::size_t k = 1; k < snap.recentLimit() && back.number > 1; ++k) {
                    auto parent = lookup(back.parentHash);
                    if (!parent) break;
                    back = *parent;
                    snap.recents[back.number] = author(back);
                }
            }
            break;
        }
        pending.push_back(h);
        auto parent = lookup(h.parentHash);
        if (!parent) throw ConsensusError(at(h) + "unknown ancestor " + toHex(view(h.parentHash)));
        h = *parent;
    }
    for (auto it = pending.rbegin(); it != pending.rend(); ++it) snap.apply(*it, author(*it), config_.epochLength);
    std::lock_guard lock(mutex_);
    remember(snap);
    return snap;
}

void Clique::verifyHeader(const BlockHeader& h, const HeaderLookup& lookup, std::uint64_t nowSeconds) {
    if (h.number == 0) throw ConsensusError("block 0: the genesis is not received from peers");
    if (h.timestamp > nowSeconds + config_.maxFutureSeconds)
        throw ConsensusError(at(h) + "timestamp " + std::to_string(h.timestamp) + " is in the future");
    const bool checkpoint = h.number % config_.epochLength == 0;
    if (checkpoint && h.coinbase != Address{}) throw ConsensusError(at(h) + "checkpoint must not vote (coinbase)");
    if (h.nonce != kNonceAuthorize && h.nonce != kNonceDrop) throw ConsensusError(at(h) + "invalid vote nonce");
    if (checkpoint && h.nonce != kNonceDrop) throw ConsensusError(at(h) + "checkpoint must not vote (nonce)");
    if (h.extraData.size() < kExtraVanityBytes + kExtraSealBytes) throw ConsensusError(at(h) + "extraData too short for vanity and seal");
    std::vector<Address> listed;
    try {
        listed = cliqueCheckpointSigners(h);
    } catch (const DecodeError& e) {
        throw ConsensusError(at(h) + e.what());
    }
    if (!checkpoint && !listed.empty()) throw ConsensusError(at(h) + "signer list outside a checkpoint");
    if (h.mixDigest != Hash256{}) throw ConsensusError(at(h) + "non-zero mix digest");
    if (h.difficulty != U256(1) && h.difficulty != U256(2)) throw ConsensusError(at(h) + "difficulty must be 1 or 2");

    const auto parent = lookup(h.parentHash);
    if (!parent || parent->number + 1 != h.number) throw ConsensusError(at(h) + "unknown parent");
    if (h.timestamp < parent->timestamp + config_.periodSeconds)
        throw ConsensusError(at(h) + "sealed " + std::to_string(h.timestamp - std::min(h.timestamp, parent->timestamp)) +
                             " s after its parent, the period is " + std::to_string(config_.periodSeconds) + " s");
    const Snapshot snap = snapshot(*parent, lookup);
    if (checkpoint && !std::equal(listed.begin(), listed.end(), snap.signers.begin(), snap.signers.end()))
        throw ConsensusError(at(h) + "checkpoint signer list differs from the voted signers");
    const Address sealer = author(h);
    if (!snap.signers.count(sealer)) throw ConsensusError(at(h) + "sealed by " + toChecksumAddress(sealer) + ", not an authorised signer");
    if (snap.signedRecently(h.number, sealer))
        throw ConsensusError(at(h) + toChecksumAddress(sealer) + " may seal only one of " + std::to_string(snap.recentLimit()) +
                             " consecutive blocks");
    const bool inTurn = snap.inTurn(h.number, sealer);
    if (difficultyOf(h) != (inTurn ? 2u : 1u))
        throw ConsensusError(at(h) + "difficulty " + std::to_string(difficultyOf(h)) + " but the sealer is " + (inTurn ? "in" : "out of") + " turn");
    Snapshot next = snap;
    next.apply(h, sealer, config_.epochLength);
    std::lock_guard lock(mutex_);
    remember(next);
}

SealPlan Clique::prepare(const BlockHeader& parent, const Address& signer, const HeaderLookup& lookup, std::uint64_t nowMs) {
    SealPlan plan;
    const Snapshot snap = snapshot(parent, lookup);
    const std::uint64_t number = parent.number + 1;
    if (!snap.signers.count(signer)) {
        plan.reason = "not an authorised signer";
        return plan;
    }
    if (snap.signedRecently(number, signer)) {
        plan.reason = "signed recently; waiting for others";
        return plan;
    }
    plan.allowed = true;
    plan.inTurn = snap.inTurn(number, signer);
    plan.timestamp = std::max(parent.timestamp + config_.periodSeconds, nowMs / 1000);
    const std::uint64_t dueMs = plan.timestamp * 1000;
    plan.delayMs = dueMs > nowMs ? dueMs - nowMs : 0;
    std::lock_guard lock(mutex_);
    if (!plan.inTurn) {
        // Out of turn: a random wiggle so the in-turn block usually arrives first and the
        // out-of-turn signers do not all collide (geth's wiggleTime).
        const std::uint64_t wiggle = snap.recentLimit() * config_.wiggleMsPerSigner;
        if (wiggle > 0) plan.delayMs += std::uniform_int_distribution<std::uint64_t>(0, wiggle - 1)(random_);
    }
    if (number % config_.epochLength == 0) {
        plan.checkpointSigners.assign(snap.signers.begin(), snap.signers.end());
    } else {
        for (const auto& [candidate, authorize] : proposals_) {
            if (snap.signers.count(candidate) == authorize) continue;   // already done
            plan.coinbase = candidate;
            plan.nonce = authorize ? kNonceAuthorize : kNonceDrop;
            break;
        }
    }
    return plan;
}

int Clique::compareBranches(const Branch& candidate, const Branch& current, const HeaderLookup& lookup) {
    if (candidate.headers.empty() || current.headers.empty()) return candidate.headers.empty() ? (current.headers.empty() ? 0 : -1) : 1;
    // EIP-3436: 1. highest total difficulty, 2. lowest block number, 3. most recent in-turn
    // assignment of the sealer, (number - signer index) % signers largest, 4. lowest hash.
    std::uint64_t tdCandidate = 0, tdCurrent = 0;
    for (const auto& h : candidate.headers) tdCandidate += difficultyOf(h);
    for (const auto& h : current.headers) tdCurrent += difficultyOf(h);
    if (tdCandidate != tdCurrent) return tdCandidate > tdCurrent ? 1 : -1;
    const BlockHeader& a = candidate.headers.back();
    const BlockHeader& b = current.headers.back();
    if (a.number != b.number) return a.number < b.number ? 1 : -1;
    auto recency = [&](const BlockHeader& tip) -> std::uint64_t {
        const auto parent = lookup(tip.parentHash);
        if (!parent) return 0;
        const Snapshot snap = snapshot(*parent, lookup);
        const std::uint64_t count = snap.signers.size();
        const std::uint64_t index = snap.indexOf(author(tip));
        return (tip.number + count - index % count) % count;
    };
    const std::uint64_t ra = recency(a), rb = recency(b);
    if (ra != rb) return ra > rb ? 1 : -1;
    const Hash256 ha = a.hash(), hb = b.hash();
    if (ha == hb) return 0;
    return ha < hb ? 1 : -1;   // big-endian bytes compare as the 256-bit integers
}

std::vector<Address> Clique::signersAt(const BlockHeader& header, const HeaderLookup& lookup) {
    const Snapshot snap = snapshot(header, lookup);
    return {snap.signers.begin(), snap.signers.end()};
}

void Clique::propose(const Address& candidate, bool authorize) {
    std::lock_guard lock(mutex_);
    proposals_[candidate] = authorize;
}

void Clique::discard(const Address& candidate) {
    std::lock_guard lock(mutex_);
    proposals_.erase(candidate);
}

std::map<Address, bool> Clique::proposals() const {
    std::lock_guard lock(mutex_);
    return proposals_;
}

}  // namespace swarmergy::ledger::consensus
