// Settlement: authority only; NRG moves from payers to payees through the clearing account;
// all or nothing (one payer short, an unknown alvéole, a duplicate or an unbalanced interval
// moves nothing); an interval is recorded once; records and events are readable.
#include "tests/ledger/contracts/ContractsFixture.h"

using namespace swarmergy::ledger_test;

int main() {
    ContractsFixture f(U256(1000));
    const Address alice = addressOf(f.alice), bob = addressOf(f.bob), carol = addressOf(f.carol);
    const Hash256 a1 = idFromString("a-0001"), a2 = idFromString("a-0002"), a3 = idFromString("a-0003");
    const Hash256 ruche = idFromString("r-01");
    CHECK(f.send(f.authority, kHubRegistry, call::registerHub(addressOf(generatePrivateKey()), a1, ruche, alice)).success);
    CHECK(f.send(f.authority, kHubRegistry, call::registerHub(addressOf(generatePrivateKey()), a2, ruche, bob)).success);
    CHECK(f.send(f.authority, kHubRegistry, call::registerHub(addressOf(generatePrivateKey()), a3, ruche, carol)).success);
    CHECK(f.send(f.alice, kNrgToken, call::transfer(carol, U256(100))).success);   // alice 900, carol 100

    const std::uint64_t interval = f.now - 900;
    const U256 price(200);
    // a1 buys 2 kWh for 400, a3 buys 0.5 kWh for 100, a2 sells 2.5 kWh for 500.
    const std::vector<SettlementEntry> entries = {{a1, SignedAmount::of(-2000), price, SignedAmount::of(-400)},
                                                  {a2, SignedAmount::of(2500), price, SignedAmount::of(500)},
                                                  {a3, SignedAmount::of(-500), price, SignedAmount::of(-100)}};
    CHECK(f.reverts(f.alice, kSettlement, call::recordSettlement(interval, entries), "is not an authority"));

    // All or nothing: carol (a3) cannot pay 150 -> alice's debit is undone too.
    auto shortPayer = entries;
    shortPayer[2].amountWei = SignedAmount::of(-150);
    shortPayer[1].amountWei = SignedAmount::of(550);
    CHECK(f.reverts(f.authority, kSettlement, call::recordSettlement(interval, shortPayer), "a-0003 cannot pay"));
    CHECK(f.nrgBalance(alice) == U256(900) && f.nrgBalance(bob).isZero() && f.nrgBalance(carol) == U256(100));
    auto unbalanced = entries;
    unbalanced[1].amountWei = SignedAmount::of(501);
    CHECK(f.reverts(f.authority, kSettlement, call::recordSettlement(interval, unbalanced), "does not balance"));
    auto unknown = entries;
    unknown[1].alveoleId = idFromString("a-9999");
    CHECK(f.reverts(f.authority, kSettlement, call::recordSettlement(interval, unknown), "unknown alvéole a-9999"));
    auto twice = entries;
    twice[2].alveoleId = a1;
    CHECK(f.reverts(f.authority, kSettlement, call::recordSettlement(interval, twice), "listed twice"));
    CHECK(f.reverts(f.authority, kSettlement, call::recordSettlement(interval + 1, entries), "multiple of 900"));
    CHECK(f.reverts(f.authority, kSettlement, call::recordSettlement(interval, {}), "no entries"));
    CHECK(f.nrgBalance(kSettlement).isZero() && f.totalSupply() == U256(1000));
    CHECK(abiWord(view(f.simulate(alice, kSettlement, call::isSettled(interval)).returnData), 0).isZero());

    // The balanced interval: payers debited, payee credited, clearing account back at zero.
    Receipt r = f.send(f.authority, kSettlement, call::recordSettlement(interval, entries));
    CHECK(r.success);
    CHECK(f.nrgBalance(alice) == U256(500) && f.nrgBalance(bob) == U256(500) && f.nrgBalance(carol).isZero());
    CHECK(f.nrgBalance(kSettlement).isZero() && f.totalSupply() == U256(1000));
    int transfers = 0, entryEvents = 0, recorded = 0;
    for (const auto& log : r.logs) {
        transfers += log.topics[0] == topic::transfer();
        entryEvents += log.topics[0] == topic::settlementEntry();
        recorded += log.topics[0] == topic::settlementRecorded();
    }
    CHECK(transfers == 3 && entryEvents == 3 && recorded == 1);
    CHECK(abiWord(view(f.simulate(alice, kSettlement, call::isSettled(interval)).returnData), 0) == U256(1));
    const CallOutcome one = f.simulate(alice, kSettlement, call::settlementOf(interval, a1));
    AbiReader record(view(one.returnData));
    CHECK(record.boolean(0));
    CHECK(SignedAmount::fromTwos(record.int256(1)).negative && SignedAmount::fromTwos(record.int256(1)).magnitude == U256(2000));
    CHECK(record.uint(2) == price && SignedAmount::fromTwos(record.int256(3)).magnitude == U256(400));

    // Recorded once: the same interval again moves nothing.
    CHECK(f.reverts(f.authority, kSettlement, call::recordSettlement(interval, entries), "already recorded"));
    CHECK(f.nrgBalance(alice) == U256(500) && f.nrgBalance(bob) == U256(500));
    return swarmergy::ledger_test::testResult("tst_ledger_settlement");
}
