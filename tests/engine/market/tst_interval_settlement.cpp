// Live settlement of measured exchanges, step by step, and the ledger's integer entries.
#include "engine/market/IntervalSettlement.h"
#include "tests/support/Check.h"

#include <cmath>
#include <numeric>
#include <vector>

using namespace swarmergy;

static market::MarketBook book() {
    return {{"r1-a1", "r1-a2", "r1-a3", "r2-a1"}, {0, 0, 0, 1}, {"r1", "r2"}};
}

static void pricesAreClampedAndIdleHomesSkipped() {
    const std::vector<double> net{2.0, -1.0, 0.0, 4.0};
    const std::vector<double> price{0.50, 0.01};   // above import, below export
    const auto records = market::settleStep(book(), net, price, {0.30, 0.10}, 0.25, 900);
    CHECK(records.size() == 3);   // r1-a3 exchanged nothing
    CHECK(records[0].alveoleId == "r1-a1" && records[0].rucheId == "r1" && records[0].intervalStartUtc == 900);
    CHECK_NEAR(records[0].energyKwh, 0.5, 1e-12);
    CHECK_NEAR(records[0].priceCuPerKwh, 0.30, 1e-12);
    CHECK_NEAR(records[0].amountCu, 0.15, 1e-12);
    CHECK_NEAR(records[1].amountCu, -0.25 * 0.30, 1e-12);
    CHECK(records[2].rucheId == "r2");
    CHECK_NEAR(records[2].priceCuPerKwh, 0.10, 1e-12);
}

static void gatePriceFollowsTheGridExchange() {
    const market::StepTariff tariff{0.30, 0.10};
    CHECK_NEAR(market::gateTradedPrice(5.0, 0.0, tariff), 0.30, 1e-12);
    CHECK_NEAR(market::gateTradedPrice(0.0, 5.0, tariff), 0.10, 1e-12);
    CHECK_NEAR(market::gateTradedPrice(0.0, 0.0, tariff), 0.20, 1e-12);
}

static void badInputIsRefused() {
    const std::vector<double> price{0.2, 0.2};
    CHECK_THROWS(market::settleStep(book(), std::vector<double>{1, 2}, price, {0.3, 0.1}, 0.25, 0));
    CHECK_THROWS(market::settleStep(book(), std::vector<double>{1, 2, 3, NAN}, price, {0.3, 0.1}, 0.25, 0));
    CHECK_THROWS(market::settleStep(book(), std::vector<double>{1, 2, 3, 4}, std::vector<double>{0.2}, {0.3, 0.1}, 0.25, 0));
    CHECK_THROWS(market::settleStep(book(), std::vector<double>{1, 2, 3, 4}, price, {0.1, 0.3}, 0.25, 0));
    auto broken = book();
    broken.rucheOf[3] = 7;
    CHECK_THROWS(market::settleStep(broken, std::vector<double>{1, 2, 3, 4}, price, {0.3, 0.1}, 0.25, 0));
}

// Two steps of one interval: entries sum per alvéole, are exact integers and balance to zero
// with the clearing account.
static void ledgerEntriesBalanceExactly() {
    const std::vector<double> price{0.1734567, 0.2};
    auto records = market::settleStep(book(), std::vector<double>{1.2345, -0.777, 0.333, 9}, price, {0.3, 0.1}, 0.125, 0);
    const auto more = market::settleStep(book(), std::vector<double>{1.0, -0.5, -0.333, 9}, price, {0.3, 0.1}, 0.125, 450);
    records.insert(records.end(), more.begin(), more.end());
    const auto entries = market::ledgerEntries(records, "r1", "r1-clearing");
    CHECK(entries.size() == 3);   // a1, a2, clearing: r2 ignored, a3 nets to 0 Wh
    CHECK(entries.back().alveoleId == "r1-clearing");
    std::int64_t energy = 0, amount = 0;
    for (const auto& e : entries) {
        energy += e.energyWh;
        amount += e.amountNano;
        CHECK(e.priceMicroPerKwh >= 0);
    }
    CHECK(energy == 0);
    CHECK(amount == 0);
    // a1: 154 Wh + 125 Wh at 173,457 µNRG/kWh.
    CHECK(entries[0].alveoleId == "r1-a1");
    CHECK(entries[0].energyWh == std::llround(1.2345 * 125) + 125);
    CHECK(entries[0].amountNano == entries[0].energyWh * 173457);
    CHECK(entries[0].priceMicroPerKwh == 173457);
    CHECK(entries[1].energyWh < 0 && entries[1].amountNano < 0);
    // a3 sold 42 Wh then bought the same 42 Wh back at the same price: nothing to record.
    for (const auto& e : entries)
        CHECK(e.alveoleId != "r1-a3");
    CHECK(market::ledgerEntries(records, "r9", "r9-clearing").empty());
}

int main() {
    pricesAreClampedAndIdleHomesSkipped();
    gatePriceFollowsTheGridExchange();
    badInputIsRefused();
    ledgerEntriesBalanceExactly();
    return testResult("tst_market_interval_settlement");
}
