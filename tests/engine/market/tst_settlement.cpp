// Settlement at the ruche's marginal price, clamped to the grid tariffs.
#include "engine/market/Settlement.h"
#include "tests/support/Check.h"

#include <stdexcept>

using namespace swarmergy;

static model::Scenario scenario() {
    model::Scenario s;
    s.name = "market";
    s.stepMinutes = 30;
    s.steps = 3;
    s.grid.importPrice = {0.30, 0.30, 0.20};
    s.grid.exportPrice = {0.10, 0.10, 0.05};
    model::Ruche ruche;
    ruche.id = "r1";
    for (const char* id : {"a1", "a2"}) {
        model::Alveole a;
        a.id = id;
        a.loadKw = a.pvKw = {0, 0, 0};
        ruche.alveoles.push_back(a);
    }
    s.ruches.push_back(ruche);
    return s;
}

static model::Schedule schedule() {
    model::Schedule s;
    model::RucheSchedule ruche;
    ruche.id = "r1";
    model::AlveoleSchedule a1, a2;
    a1.id = "a1";
    a1.netKw = {2.0, 0.0, -1.0};
    a2.id = "a2";
    a2.netKw = {-2.0, 4.0, 1.0};
    ruche.alveoles = {a1, a2};
    s.ruches.push_back(ruche);
    return s;
}

int main() {
    CHECK_NEAR(market::clampToTariff(0.50, 0.10, 0.30), 0.30, 0);
    CHECK_NEAR(market::clampToTariff(-0.2, 0.10, 0.30), 0.10, 0);
    CHECK_NEAR(market::clampToTariff(0.17, 0.10, 0.30), 0.17, 0);

    const market::RuchePrices prices = {{0.22, 0.90, -1.0}};
    const auto records = market::settle(scenario(), schedule(), prices, 1'000'000);
    // a1 step 1 is zero: 5 records, in schedule order.
    CHECK(records.size() == 5);
    CHECK(records[0].alveoleId == "a1" && records[0].intervalStartUtc == 1'000'000);
    CHECK_NEAR(records[0].energyKwh, 1.0, 1e-12);   // 2 kW for half an hour
    CHECK_NEAR(records[0].priceCuPerKwh, 0.22, 1e-12);
    CHECK_NEAR(records[0].amountCu, 0.22, 1e-12);
    CHECK(records[1].alveoleId == "a1" && records[1].intervalStartUtc == 1'000'000 + 2 * 1800);
    CHECK_NEAR(records[1].priceCuPerKwh, 0.05, 1e-12);   // -1.0 clamped up to the export price
    CHECK_NEAR(records[1].amountCu, -0.5 * 0.05, 1e-12);
    CHECK_NEAR(records[3].priceCuPerKwh, 0.30, 1e-12);   // 0.90 clamped down to the import price
    CHECK_NEAR(records[3].energyKwh, 2.0, 1e-12);

    // At one price per step, a balanced ruche's payments cancel out.
    const auto net = market::netAmountPerRucheCu(records, scenario());
    double expected = 0;
    for (const auto& r : records)
        expected += r.amountCu;
    CHECK_NEAR(net[0], expected, 1e-12);
    CHECK_NEAR(records[0].amountCu + records[2].amountCu, 0.0, 1e-12);   // step 0: +1 kWh and -1 kWh

    // Shapes that do not match are refused.
    CHECK_THROWS(market::settle(scenario(), schedule(), {{0.2, 0.2}}, 0));
    CHECK_THROWS(market::settle(scenario(), schedule(), {}, 0));
    CHECK_THROWS(market::settle(scenario(), schedule(), {{0.2, std::nan(""), 0.2}}, 0));
    return testResult("tst_market_settlement");
}
