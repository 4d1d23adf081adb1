// Clique rules on hand-built header chains: turn and difficulty, period, future timestamps,
// "one of N/2+1 consecutive blocks", non-signers, votes adding and dropping signers,
// checkpoints, seal planning (delay, wiggle, votes) and the EIP-3436 choice rule.
#include "ledger/consensus/Clique.h"
#include "ledger/crypto/Keccak.h"
#include "tests/ledger/Check.h"

#include <algorithm>
#include <unordered_map>

using namespace swarmergy::ledger;
using namespace swarmergy::ledger::consensus;

namespace {

PrivateKey keyOf(const std::string& seed) { return privateKeyFromBytes(view(keccak256(seed))); }

struct TestChain {
    std::unordered_map<std::string, BlockHeader> headers;
    HeaderLookup lookup() {
        return [this](const Hash256& h) -> std::optional<BlockHeader> {
            auto it = headers.find(std::string(h.begin(), h.end()));
            if (it == headers.end()) return std::nullopt;
            return it->second;
        };
    }
    void add(const BlockHeader& h) {
        const Hash256 hash = h.hash();
        headers[std::string(hash.begin(), hash.end())] = h;
    }
};

BlockHeader genesis(const std::vector<Address>& signers) {
    BlockHeader g;
    g.number = 0;
    g.timestamp = 1000;
    g.difficulty = U256(1);
    setCliqueExtra(g, {}, signers);
    return g;
}

BlockHeader child(const BlockHeader& parent, const PrivateKey& key, unsigned difficulty, std::uint64_t dt = 1,
                  Address coinbase = {}, std::array<std::uint8_t, 8> nonce = kNonceDrop, std::vector<Address> checkpoint = {}) {
    BlockHeader h;
    h.parentHash = parent.hash();
    h.number = parent.number + 1;
    h.timestamp = parent.timestamp + dt;
    h.difficulty = U256(difficulty);
    h.coinbase = coinbase;
    h.nonce = nonce;
    setCliqueExtra(h, {}, checkpoint);
    sealHeader(h, key);
    return h;
}

struct Signers {
    std::vector<PrivateKey> keys;   // sorted by address: keys[i] is in turn at numbers i mod N
    std::vector<Address> addresses;
    explicit Signers(int n, const std::string& tag = "signer") {
        for (int i = 0; i < n; ++i) keys.push_back(keyOf(tag + std::to_string(i)));
        std::sort(keys.begin(), keys.end(), [](const PrivateKey& a, const PrivateKey& b) { return addressOf(a) < addressOf(b); });
        for (const auto& k : keys) addresses.push_back(addressOf(k));
    }
};

template <class F>
bool refused(F&& f, const std::string& needle) {
    try {
        f();
    } catch (const ConsensusError& e) {
        if (std::string(e.what()).find(needle) != std::string::npos) return true;
        std::printf("  refused for another reason: %s\n", e.what());
        return false;
    }
    return false;
}

constexpr std::uint64_t kNow = 10'000'000;

void turnsAndDifficulty() {
    Signers s(3);
    Clique clique(CliqueConfig{1, 1000, 500, 2});
    TestChain chain;
    const BlockHeader g = genesis(s.addresses);
    chain.add(g);
    // Block 1: in turn is signer 1 (1 mod 3).
    const BlockHeader inTurn = child(g, s.keys[1], 2);
    clique.verifyHeader(inTurn, chain.lookup(), kNow);
    CHECK(refused([&] { clique.verifyHeader(child(g, s.keys[1], 1), chain.lookup(), kNow); }, "difficulty"));
    CHECK(refused([&] { clique.verifyHeader(child(g, s.keys[0], 2), chain.lookup(), kNow); }, "difficulty"));
    clique.verifyHeader(child(g, s.keys[0], 1), chain.lookup(), kNow);   // out of turn, difficulty 1
    CHECK(refused([&] { clique.verifyHeader(child(g, s.keys[1], 2, 0), chain.lookup(), kNow); }, "period"));
    CHECK(refused([&] { clique.verifyHeader(child(g, s.keys[1], 2, kNow), chain.lookup(), kNow); }, "future"));
    CHECK(refused([&] { clique.verifyHeader(child(g, keyOf("outsider"), 1), chain.lookup(), kNow); }, "not an authorised signer"));
    BlockHeader unsealed = inTurn;
    unsealed.extraData.back() ^= 0x01;   // v no longer 0/1: the seal does not recover
    CHECK(refused([&] { clique.verifyHeader(unsealed, chain.lookup(), kNow); }, "seal"));
    CHECK(refused([&] { clique.verifyHeader(child(g, s.keys[1], 2, 1, {}, {1, 2, 3, 4, 5, 6, 7, 8}), chain.lookup(), kNow); }, "nonce"));
    CHECK(refused([&] { clique.verifyHeader(child(g, s.keys[1], 2, 1, {}, kNonceDrop, s.addresses), chain.lookup(), kNow); },
                  "signer list outside a checkpoint"));

    // One of any floor(3/2)+1 = 2 consecutive blocks: signer 1 may not seal block 2 too.
    chain.add(inTurn);
    CHECK(refused([&] { clique.verifyHeader(child(inTurn, s.keys[1], 1), chain.lookup(), kNow); }, "may seal only one of 2"));
    const BlockHeader b2 = child(inTurn, s.keys[2], 2);
    clique.verifyHeader(b2, chain.lookup(), kNow);
    chain.add(b2);
    clique.verifyHeader(child(b2, s.keys[1], 1), chain.lookup(), kNow);   // shifted out again
}

void planning() {
    Signers s(3);
    Clique clique(CliqueConfig{5, 1000, 500, 2});
    TestChain chain;
    const BlockHeader g = genesis(s.addresses);
    chain.add(g);
    const std::uint64_t nowMs = (g.timestamp + 2) * 1000;
    const SealPlan inTurn = clique.prepare(g, s.addresses[1], chain.lookup(), nowMs);
    CHECK(inTurn.allowed);
    CHECK(inTurn.inTurn);
    CHECK_EQ(inTurn.timestamp, g.timestamp + 5);
    CHECK_EQ(inTurn.delayMs, 3000u);
    for (int i = 0; i < 50; ++i) {
        const SealPlan out = clique.prepare(g, s.addresses[0], chain.lookup(), nowMs);
        CHECK(out.allowed && !out.inTurn);
        CHECK(out.delayMs >= 3000 && out.delayMs < 3000 + 2 * 500);   // wiggle < (N/2+1) * 500 ms
    }
    const SealPlan outsider = clique.prepare(g, addressOf(keyOf("outsider")), chain.lookup(), nowMs);
    CHECK(!outsider.allowed);
    // A late parent: the block is due now, not in the past.
    const SealPlan late = clique.prepare(g, s.addresses[1], chain.lookup(), (g.timestamp + 60) * 1000 + 300);
    CHECK_EQ(late.timestamp, g.timestamp + 60);
    CHECK_EQ(late.delayMs, 0u);
    // A proposal becomes the vote of the planned block.
    const Address candidate = addressOf(keyOf("candidate"));
    clique.propose(candidate, true);
    const SealPlan voting = clique.prepare(g, s.addresses[1], chain.lookup(), nowMs);
    CHECK(voting.coinbase == candidate);
    CHECK(voting.nonce == kNonceAuthorize);
    clique.discard(candidate);
    CHECK(clique.prepare(g, s.addresses[1], chain.lookup(), nowMs).coinbase == Address{});
}

void votes() {
    Signers s(3);
    const PrivateKey dKey = keyOf("fourth authority");
    const Address d = addressOf(dKey);
    Clique clique(CliqueConfig{1, 1000, 500, 2});
    TestChain chain;
    BlockHeader head = genesis(s.addresses);
    chain.add(head);
    auto seal = [&](const PrivateKey& k, Address coinbase = {}, std::array<std::uint8_t, 8> nonce = kNonceDrop) {
        const auto snap = clique.snapshot(head, chain.lookup());
        const bool inTurn = snap.inTurn(head.number + 1, addressOf(k));
        BlockHeader h = child(head, k, inTurn ? 2 : 1, 1, coinbase, nonce);
        clique.verifyHeader(h, chain.lookup(), kNow);
        chain.add(h);
        head = h;
    };
    seal(s.keys[1], d, kNonceAuthorize);   // one vote of three: not yet
    CHECK_EQ(clique.signersAt(head, chain.lookup()).size(), 3u);
    seal(s.keys[2], d, kNonceAuthorize);   // two of three: a majority
    const auto after = clique.signersAt(head, chain.lookup());
    CHECK_EQ(after.size(), 4u);
    CHECK(std::find(after.begin(), after.end(), d) != after.end());
    // The new signer seals (limit is now 4/2+1 = 3 consecutive blocks).
    seal(dKey);
    seal(s.keys[0]);
    // Dropping it again takes 3 of 4 votes.
    seal(s.keys[1], d, kNonceDrop);
    seal(s.keys[2], d, kNonceDrop);
    CHECK_EQ(clique.signersAt(head, chain.lookup()).size(), 4u);
    seal(s.keys[0], d, kNonceDrop);
    const auto dropped = clique.signersAt(head, chain.lookup());
    CHECK_EQ(dropped.size(), 3u);
    CHECK(std::find(dropped.begin(), dropped.end(), d) == dropped.end());
    // A fresh engine (a restarted node) rebuilds the same snapshot from the headers alone.
    Clique fresh(CliqueConfig{1, 1000, 500, 2});
    CHECK(fresh.signersAt(head, chain.lookup()) == dropped);
    CHECK(refused([&] { fresh.verifyHeader(child(head, dKey, 1), chain.lookup(), kNow); }, "not an authorised signer"));
}

void checkpoints() {
    Signers s(3);
    Clique clique(CliqueConfig{1, 4, 500, 2});   // epoch of 4 blocks
    TestChain chain;
    BlockHeader head = genesis(s.addresses);
    chain.add(head);
    for (int n = 1; n <= 3; ++n) {
        const PrivateKey& k = s.keys[static_cast<std::size_t>(n) % 3];
        head = child(head, k, 2);
        clique.verifyHeader(head, chain.lookup(), kNow);
        chain.add(head);
    }
    const PrivateKey& k4 = s.keys[1];   // 4 mod 3
    CHECK(refused([&] { clique.verifyHeader(child(head, k4, 2), chain.lookup(), kNow); }, "checkpoint"));
    std::vector<Address> wrong = {s.addresses[0], s.addresses[1]};
    CHECK(refused([&] { clique.verifyHeader(child(head, k4, 2, 1, {}, kNonceDrop, wrong), chain.lookup(), kNow); }, "differs"));
    CHECK(refused([&] { clique.verifyHeader(child(head, k4, 2, 1, s.addresses[0], kNonceDrop, s.addresses), chain.lookup(), kNow); },
                  "must not vote"));
    const BlockHeader cp = child(head, k4, 2, 1, {}, kNonceDrop, s.addresses);
    clique.verifyHeader(cp, chain.lookup(), kNow);
    chain.add(cp);
    Clique fresh(CliqueConfig{1, 4, 500, 2});
    const auto snap = fresh.snapshot(cp, chain.lookup());
    CHECK_EQ(snap.signers.size(), 3u);
    CHECK(snap.signedRecently(5, addressOf(k4)));   // recents survive the checkpoint
    SealPlan plan = fresh.prepare(head, s.addresses[1], chain.lookup(), kNow * 1000);
    CHECK(plan.checkpointSigners == s.addresses);
}

void forkChoice() {
    Signers s(3);
    Clique clique(CliqueConfig{1, 1000, 500, 2});
    TestChain chain;
    const BlockHeader g = genesis(s.addresses);
    chain.add(g);
    // Branch A: in turn (2) then in turn (2): TD 4.  Branch B: out of turn (1): TD 1.
    const BlockHeader a1 = child(g, s.keys[1], 2), a2 = child(a1, s.keys[2], 2);
    const BlockHeader b1 = child(g, s.keys[0], 1);
    for (const auto& h : {a1, a2, b1}) chain.add(h);
    Branch A{{a1, a2}}, B{{b1}};
    CHECK(clique.compareBranches(A, B, chain.lookup()) > 0);
    CHECK(clique.compareBranches(B, A, chain.lookup()) < 0);
    // Equal TD 2: one in-turn block beats two out-of-turn ones (lower number).
    const BlockHeader c1 = child(g, s.keys[0], 1), c2 = child(c1, s.keys[2], 1, 2);
    chain.add(c1);
    chain.add(c2);
    Branch C{{c1, c2}}, A1{{a1}};
    CHECK(clique.compareBranches(A1, C, chain.lookup()) > 0);
    CHECK(clique.compareBranches(C, A1, chain.lookup()) < 0);
    // Equal TD and number (two out-of-turn blocks at 1): rule 3 then the hash decide, and
    // the answer is antisymmetric, so every node picks the same one.
    const BlockHeader d1 = child(g, s.keys[0], 1), e1 = child(g, s.keys[2], 1);
    chain.add(d1);
    chain.add(e1);
    Branch D{{d1}}, E{{e1}};
    const int de = clique.compareBranches(D, E, chain.lookup());
    CHECK(de != 0);
    CHECK_EQ(clique.compareBranches(E, D, chain.lookup()), -de);
    // (1 - index) mod 3: signer 0 -> 1, signer 2 -> 2: signer 2's block is the more recent in turn.
    CHECK(de < 0);
    CHECK_EQ(clique.compareBranches(D, D, chain.lookup()), 0);
}

}  // namespace

int main() {
    turnsAndDifficulty();
    planning();
    votes();
    checkpoints();
    forkChoice();
    return swarmergy::ledger_test::testResult("tst_clique");
}
