// verifyStoredChain replays the Clique signer set (EIP-225 votes, epoch checkpoints): a chain
// where a 4th signer is voted in and seals blocks (across a checkpoint) verifies after reopen;
// a block sealed by a key never voted in, by a signer voted out, a checkpoint listing the
// wrong signers, and a head re-sealed by an outsider in the database are all refused.
#include "tests/ledger/Check.h"
#include "tests/ledger/LedgerTestSupport.h"

#include "ledger/consensus/Clique.h"

#include <sqlite3.h>

#include <algorithm>

using namespace swarmergy::ledger_test;
namespace consensus = swarmergy::ledger::consensus;

namespace {

constexpr std::uint64_t kEpoch = 8;

struct Keys {
    PrivateKey a0 = seededKey("authority 0"), a1 = seededKey("authority 1"), a2 = seededKey("authority 2");
    PrivateKey fourth = seededKey("fourth signer"), outsider = seededKey("outsider");
};

SealFields vote(const PrivateKey& candidate, bool add) {
    SealFields f;
    f.coinbase = addressOf(candidate);
    f.nonce = add ? consensus::kNonceAuthorize : consensus::kNonceDrop;
    return f;
}

SealFields checkpoint(std::vector<Address> signers) {
    std::sort(signers.begin(), signers.end());
    SealFields f;
    f.checkpointSigners = std::move(signers);
    return f;
}

struct Step {
    PrivateKey sealer;
    SealFields fields;
};

// Produces the steps as blocks 1..n (votes/checkpoints as given), closes the chain.
void build(const ChainSetup& setup, const std::vector<Step>& steps) {
    ChainSetup s = setup;
    s.sealersCheckedByConsensus = true;   // as under Clique: the chain itself does not vet sealers
    auto chain = Chain::open(s);
    std::uint64_t t = kTestGenesisTime;
    const PrivateKey user = seededKey("user 0");
    std::uint64_t nonce = 0;
    for (const auto& step : steps) {
        CHECK(chain->submitRawTransaction(view(signedCall(user, nonce++, addressOf(seededKey("user 1")), {}, U256(1)))).accepted);
        chain->produceBlock(step.sealer, ++t, true, step.fields);
    }
}

ChainVerification verify(const std::string& path, const ChainSetup& setup) {
    auto store = ChainStore::open(path);
    return verifyStoredChain(*store, setup.chain.authorities, kEpoch);
}

bool refusedWith(const ChainVerification& v, const std::string& words) {
    if (v.ok) std::printf("  verified, expected \"%s\"\n", words.c_str());
    else if (v.error.find(words) == std::string::npos) std::printf("  \"%s\" lacks \"%s\"\n", v.error.c_str(), words.c_str());
    return !v.ok && v.error.find(words) != std::string::npos;
}

// Blocks 1-2 vote the 4th signer in (2 of 3), it then seals blocks 3, 6, 8 (checkpoint) and 10.
std::vector<Step> votedIn(const Keys& k, const ChainSetup& setup) {
    std::vector<Address> four = setup.chain.authorities;
    four.push_back(addressOf(k.fourth));
    return {{k.a0, vote(k.fourth, true)}, {k.a1, vote(k.fourth, true)}, {k.fourth, {}}, {k.a2, {}}, {k.a0, {}},
            {k.fourth, {}},              {k.a1, {}},                     {k.fourth, checkpoint(four)}, {k.a2, {}}, {k.fourth, {}}};
}

}  // namespace

int main() {
    ScratchDir dir("ledger-verify-signers");
    const Keys k;
    const ChainSetup setup = testSetup("");

    // 1. Voted-in signer: verifies after reopen (the genesis-only check refused block 3).
    const std::string good = dir.file("voted.db");
    {
        ChainSetup s = setup;
        s.databasePath = good;
        build(s, votedIn(k, s));
    }
    const ChainVerification ok = verify(good, setup);
    CHECK(ok.ok && ok.head == std::optional<std::uint64_t>(10));
    if (!ok.ok) std::printf("  %s\n", ok.error.c_str());
    // One vote short (only a0): the 4th signer is not in force at block 2.
    {
        ChainSetup s = setup;
        s.databasePath = dir.file("one-vote.db");
        build(s, {{k.a0, vote(k.fourth, true)}, {k.fourth, {}}});
        CHECK(refusedWith(verify(s.databasePath, setup), "block 2: sealed by " + toChecksumAddress(addressOf(k.fourth))));
    }

    // 2. A key never voted in.
    {
        ChainSetup s = setup;
        s.databasePath = dir.file("outsider.db");
        build(s, {{k.a0, {}}, {k.outsider, {}}});
        CHECK(refusedWith(verify(s.databasePath, setup), "block 2: sealed by " + toChecksumAddress(addressOf(k.outsider))));
    }

    // 3. A signer voted out (3 of 4 after the 4th joined) may not seal afterwards.
    {
        ChainSetup s = setup;
        s.databasePath = dir.file("dropped.db");
        build(s, {{k.a0, vote(k.fourth, true)}, {k.a1, vote(k.fourth, true)}, {k.a0, vote(k.a2, false)},
                  {k.a1, vote(k.a2, false)}, {k.fourth, vote(k.a2, false)}, {k.a2, {}}});
        CHECK(refusedWith(verify(s.databasePath, setup), "block 6: sealed by " + toChecksumAddress(addressOf(k.a2))));
    }

    // 4. A checkpoint that omits the voted-in signer.
    {
        ChainSetup s = setup;
        s.databasePath = dir.file("checkpoint.db");
        std::vector<Step> steps = votedIn(k, s);
        steps[7].fields = checkpoint(s.chain.authorities);
        build(s, steps);
        CHECK(refusedWith(verify(s.databasePath, setup), "block 8: checkpoint signer list"));
    }

    // 5. Tampered: the head of the good chain re-sealed by an outsider in the database.
    {
        auto store = ChainStore::open(good);
        BlockHeader head = *store->headerByNumber(10);
        store.reset();
        sealHeader(head, k.outsider);
        sqlite3* db = nullptr;
        CHECK(sqlite3_open(good.c_str(), &db) == SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        const Bytes encoded = head.encode();
        sqlite3_prepare_v2(db, "UPDATE blocks SET header = ? WHERE number = 10", -1, &st, nullptr);
        sqlite3_bind_blob(st, 1, encoded.data(), static_cast<int>(encoded.size()), SQLITE_TRANSIENT);
        CHECK(sqlite3_step(st) == SQLITE_DONE);
        sqlite3_finalize(st);
        sqlite3_close(db);
        CHECK(refusedWith(verify(good, setup), "block 10: sealed by " + toChecksumAddress(addressOf(k.outsider))));
    }
    return swarmergy::ledger_test::testResult("tst_ledger_verify_signers");
}
