// NRGcoin minting from signed hub readings: the digest a hub signs (vector from ethers 6),
// 1 NRG per kWh by default, one reading per (hub, 15-minute interval) so a replayed or
// duplicated reading mints nothing, and every refusal (wrong signer, chain, tampered value,
// unregistered or revoked hub, bad or unfinished interval, above the cap); the declining policy.
#include "tests/ledger/contracts/ContractsFixture.h"

using namespace swarmergy::ledger_test;

namespace {
struct MintFixture : ContractsFixture {
    PrivateKey hubKey = generatePrivateKey();
    Address hub = addressOf(hubKey);
    Address account = addressOf(generatePrivateKey());
    explicit MintFixture(std::shared_ptr<const MintPolicy> policy = nullptr) : ContractsFixture(U256(0), std::move(policy)) {
        const Receipt r = send(authority, kHubRegistry, call::registerHub(hub, idFromString("a-0001"), idFromString("r-01"), account));
        CHECK(r.success);
    }
    MeterReading reading(std::uint64_t intervalsAgo, std::uint64_t exportedWh, std::uint64_t importedWh = 0) {
        return MeterReading{hub, now - 900 * intervalsAgo, exportedWh, importedWh};
    }
    Bytes submit(const MeterReading& r, const PrivateKey* signer = nullptr, std::uint64_t chainId = 2468) {
        return call::submitReading(r, signReading(r, chainId, kNrgToken, signer ? *signer : hubKey));
    }
};
const U256 kNrg(kWeiPerNrg);
}  // namespace

int main() {
    // The exact digest of README's example (hub = EIP-155 example key), as ethers computes it.
    const PrivateKey exampleKey = privateKeyFromBytes(view(fromHex("4646464646464646464646464646464646464646464646464646464646464646")));
    const MeterReading example{addressOf(exampleKey), 1782258300, 1500, 250};
    CHECK_EQ(toHex(view(readingDomainTag())), "0x1f25839525e62078011355677cf915cfa2dfa3447bd99601b7c8707b2de1677c");
    CHECK_EQ(readingMessage(example, 2468, kNrgToken).size(), std::size_t{224});
    CHECK_EQ(toHex(view(readingDigest(example, 2468, kNrgToken))), "0xcc0aae0954fc2f3db9cad313a25c0b7ea83da3423171da4ce6596f5157d15408");
    const Signature exampleSig = signReading(example, 2468, kNrgToken, exampleKey);
    CHECK_EQ(toHex(view(exampleSig.r)), "0x3169325f13d4ce9e1e9d4467d70a43897887f98b1b279366b9372bf835ab7c87");
    CHECK_EQ(toHex(view(exampleSig.s)), "0x527a58e0a4cddf33e08c1995ab8175d039e52de926f73cd65e844befa9083c94");
    CHECK_EQ(int(exampleSig.recoveryId), 0);

    MintFixture f;
    // 1.5 kWh exported -> 1.5 NRG to the alvéole's account; anyone may relay the reading.
    const MeterReading first = f.reading(1, 1500, 250);
    Receipt r = f.send(f.bob, kNrgToken, f.submit(first));
    CHECK(r.success && r.logs.size() == 2);
    const U256 oneAndHalf = *checkedMul(kNrg, U256(3)) ;
    std::uint64_t rem = 0;
    const U256 expected = oneAndHalf.divSmall(2, rem);
    CHECK(f.nrgBalance(f.account) == expected && f.totalSupply() == expected);
    CHECK(r.logs[0].topics[0] == topic::transfer() && r.logs[0].topics[1] == Hash256{});   // mint = Transfer from 0
    CHECK(r.logs[1].topics[0] == topic::readingRecorded() && r.logs[1].topics.size() == 4);
    CHECK(abiWord(view(r.logs[1].data), 2) == expected && abiWord(view(r.logs[1].data), 1) == U256(250));
    CHECK(abiWord(view(f.simulate(f.hub, kNrgToken, call::readingRecorded(f.hub, first.intervalStartUnix)).returnData), 0) == U256(1));

    // The same reading again (replay), or another value for the same interval: nothing minted.
    CHECK(f.reverts(f.bob, kNrgToken, f.submit(first), "already recorded"));
    CHECK(f.reverts(f.alice, kNrgToken, f.submit(f.reading(1, 9000)), "already recorded"));
    CHECK(f.totalSupply() == expected && f.nrgBalance(f.account) == expected);

    // The next interval mints again; zero export is recorded and mints zero.
    CHECK(f.send(f.bob, kNrgToken, f.submit(f.reading(2, 1000))).success);
    CHECK(f.totalSupply() == *checkedAdd(expected, kNrg));
    CHECK(f.send(f.bob, kNrgToken, f.submit(f.reading(3, 0))).success);
    CHECK(f.totalSupply() == *checkedAdd(expected, kNrg));

    // Refusals.
    const PrivateKey impostor = generatePrivateKey();
    CHECK(f.reverts(f.bob, kNrgToken, f.submit(f.reading(4, 100), &impostor), "not the hub's"));
    CHECK(f.reverts(f.bob, kNrgToken, f.submit(f.reading(4, 100), nullptr, 1), "not the hub's"));   // signed for chain 1
    MeterReading tampered = f.reading(4, 100);
    const Signature sig = signReading(tampered, 2468, kNrgToken, f.hubKey);
    tampered.exportedWh = 100000;
    CHECK(f.reverts(f.bob, kNrgToken, call::submitReading(tampered, sig), "not the hub's"));
    CHECK(f.reverts(f.bob, kNrgToken, f.submit(MeterReading{f.hub, f.now - 1000, 100, 0}), "multiple of 900"));
    CHECK(f.reverts(f.bob, kNrgToken, f.submit(f.reading(0, 100)), "has not ended"));
    CHECK(f.reverts(f.bob, kNrgToken, f.submit(f.reading(4, 250001)), "per-interval maximum"));
    const PrivateKey strangerKey = generatePrivateKey();
    const MeterReading stranger{addressOf(strangerKey), f.now - 900, 100, 0};
    CHECK(f.reverts(f.bob, kNrgToken, call::submitReading(stranger, signReading(stranger, 2468, kNrgToken, strangerKey)), "not registered"));
    // v = 27/28 (as eth_sign tooling writes it) is accepted.
    MeterReading v27 = f.reading(5, 2000);
    Signature s27 = signReading(v27, 2468, kNrgToken, f.hubKey);
    s27.recoveryId += 27;
    CHECK(f.send(f.bob, kNrgToken, call::submitReading(v27, s27)).success);
    // After revocation the hub mints nothing.
    CHECK(f.send(f.authority, kHubRegistry, call::revokeHub(f.hub)).success);
    CHECK(f.reverts(f.bob, kNrgToken, f.submit(f.reading(6, 100)), "not registered"));

    // The per-hub window: out of order within 256 intervals is fine, a duplicate is found
    // after the window slides, and older readings are refused (and reported unmintable).
    MintFixture w;
    CHECK(w.send(w.bob, kNrgToken, w.submit(w.reading(1, 100))).success);
    CHECK(w.send(w.bob, kNrgToken, w.submit(w.reading(200, 100))).success);
    CHECK(w.reverts(w.bob, kNrgToken, w.submit(w.reading(200, 100)), "already recorded"));
    CHECK(w.reverts(w.bob, kNrgToken, w.submit(w.reading(257, 100)), "older than the 256 intervals"));
    CHECK(w.send(w.bob, kNrgToken, w.submit(w.reading(256, 100))).success);   // age 255: the oldest allowed
    w.ctx.timestamp += 900 * 40;                                                // 40 intervals later
    w.now += 900 * 40;
    CHECK(w.send(w.bob, kNrgToken, w.submit(w.reading(1, 100))).success);     // newest moves by 40
    CHECK(w.reverts(w.bob, kNrgToken, w.submit(w.reading(240, 100)), "already recorded"));   // the old 200
    CHECK(w.reverts(w.bob, kNrgToken, w.submit(w.reading(41, 100)), "already recorded"));    // the old newest
    CHECK(w.send(w.bob, kNrgToken, w.submit(w.reading(2, 100))).success);
    CHECK(w.reverts(w.bob, kNrgToken, w.submit(w.reading(296, 100)), "older than"));          // the old 256, now too old
    auto recorded = [&](std::uint64_t ago) {
        return abiWord(view(w.simulate(w.hub, kNrgToken, call::readingRecorded(w.hub, w.now - 900 * ago)).returnData), 0) == U256(1);
    };
    CHECK(recorded(1) && recorded(240) && !recorded(3) && recorded(400));
    CHECK(w.totalSupply() == U256(5 * 100 * 1'000'000'000'000'000ULL));

    // Declining policy: 1 NRG/kWh falling 10 % a year, floor 0.5 NRG/kWh.
    const std::uint64_t start = 1'700'000'000, year = 365ULL * 24 * 3600;
    const DecliningMintPolicy declining(kNrg, start, 100, U256(kWeiPerNrg / 2));
    CHECK(declining.rateWeiPerKwh(start + year - 1) == kNrg);
    CHECK(declining.rateWeiPerKwh(start + 2 * year) == U256(810'000'000'000'000'000ULL));
    CHECK(declining.rateWeiPerKwh(start + 30 * year) == U256(kWeiPerNrg / 2));
    CHECK(declining.mintAmount(2000, start + year) == U256(1'800'000'000'000'000'000ULL));
    const std::uint64_t fixtureNow = ContractsFixture().now;
    MintFixture g(std::make_shared<DecliningMintPolicy>(kNrg, fixtureNow - 2 * year - 900, 100, U256(0)));
    CHECK(g.send(g.bob, kNrgToken, g.submit(g.reading(1, 1000))).success);
    CHECK(g.totalSupply() == U256(810'000'000'000'000'000ULL));
    CHECK(FlatMintPolicy().mintAmount(~0ULL, 0) > U256(0));   // no overflow for any uint64
    const DecliningMintPolicy flat(kNrg, start, 0, U256(0));
    CHECK(flat.rateWeiPerKwh(~0ULL) == kNrg);                  // returns at once, even at the end of time
    // An interval start near 2^64 cannot wrap the "has ended" check.
    MeterReading farFuture = f.reading(1, 100);
    farFuture.intervalStartUnix = ~0ULL / 900 * 900;
    CHECK(f.reverts(f.bob, kNrgToken, call::submitReading(farFuture, signReading(farFuture, 2468, kNrgToken, f.hubKey)), "has not ended"));
    return swarmergy::ledger_test::testResult("tst_ledger_minting");
}
