// The SeasonStore's seasonal plan: a two-day case solved by hand (store when it pays, the
// water value is what a kWh of H2 saves later), and a year from the simulator's models
// (summer surplus fills the tank, winter empties it).
#include "engine/planning/SeasonalPlan.h"
#include "engine/simulation/Calendar.h"
#include "tests/support/Check.h"

#include <algorithm>
#include <stdexcept>

using namespace swarmergy;

namespace {

planning::SeasonalInputs twoDays(double exportPrice) {
    planning::SeasonalInputs in;
    in.surplusKwh = {100, 0};
    in.deficitKwh = {0, 100};
    in.importPrice = {1.0, 1.0};
    in.exportPrice = {exportPrice, exportPrice};
    in.store.electrolyzerKw = 100;
    in.store.fuelCellKw = 100;
    in.store.etaElectrolyzer = 0.5;
    in.store.etaFuelCell = 0.5;
    in.store.tankKwh = 1000;
    in.store.level0Kwh = 0;
    in.electrolyserWearPerKwh = 0;   // keeps the hand calculation below exact
    return in;
}

void testStoresWhenItPays() {
    // 1 kWh of surplus sold earns 0.1; stored it comes back as 0.25 kWh worth 0.25.
    const auto plan = planning::solveSeasonalPlan(twoDays(0.1));
    CHECK_NEAR(plan.electrolyzerKwh[0], 100, 1e-6);
    CHECK_NEAR(plan.levelKwh[1], 50, 1e-6);
    CHECK_NEAR(plan.fuelCellKwh[1], 25, 1e-6);
    CHECK_NEAR(plan.objectiveCu, 75, 1e-6);
    // One more kWh of H2 at the end of day 0 is 0.5 kWh of electricity bought less at 1.0.
    CHECK_NEAR(plan.waterValuePerKwh[0], 0.5, 1e-6);
}

void testSellsWhenStoringDoesNotPay() {
    const auto plan = planning::solveSeasonalPlan(twoDays(0.3));
    CHECK_NEAR(plan.electrolyzerKwh[0], 0, 1e-6);
    CHECK_NEAR(plan.objectiveCu, 100 - 30, 1e-6);
    CHECK_NEAR(plan.waterValuePerKwh[0], 0.5, 1e-6);   // H2 already in the tank is still worth it
    CHECK_NEAR(plan.terminalValueAt(plan.startUtc + 10 * 86400), plan.waterValuePerKwh.back(), 0);
}

void testYearFromTheSimulator() {
    simulation::FleetOptions options;
    options.alveoles = 400;
    options.ruches = 4;
    options.start = "2026-01-01T00:00:00Z";
    const auto fleet = simulation::generateFleet(options);
    const auto start = simulation::parseIsoUtc(options.start);
    const auto inputs = planning::seasonalInputs(fleet, start, 365);
    CHECK(inputs.surplusKwh.size() == 365);
    double winterSurplus = 0, summerSurplus = 0, winterDeficit = 0, summerDeficit = 0;
    for (int d = 0; d < 31; ++d) {
        winterSurplus += inputs.surplusKwh[d];
        winterDeficit += inputs.deficitKwh[d];
        summerSurplus += inputs.surplusKwh[d + 181];
        summerDeficit += inputs.deficitKwh[d + 181];
    }
    CHECK(summerSurplus > 3 * winterSurplus);
    CHECK(winterDeficit > summerDeficit);
    const auto plan = planning::solveSeasonalPlan(inputs);
    CHECK(plan.levelKwh.size() == 366);
    CHECK(plan.levelKwh.back() >= plan.levelKwh.front() - 1e-6);
    // The tank fills before winter (autumn is the last chance) and is drawn down by its end.
    double autumnPeak = 0;
    for (int d = 240; d <= 330; ++d)
        autumnPeak = std::max(autumnPeak, plan.levelKwh[d]);
    CHECK(autumnPeak > 0.5 * inputs.store.tankKwh);
    CHECK(plan.levelKwh[60] < 0.25 * inputs.store.tankKwh);
    // H2 is worth more in the tank in winter (the winter tariff) than in summer.
    CHECK(plan.waterValuePerKwh[10] > plan.waterValuePerKwh[180]);
    // Never worth more than the dearest electricity it can replace.
    const double dearest = *std::max_element(inputs.importPrice.begin(), inputs.importPrice.end());
    for (double v : plan.waterValuePerKwh)
        CHECK(v >= 0 && v <= dearest * inputs.store.etaFuelCell + 1e-9);
    // No SeasonStore, no seasonal plan.
    auto bare = fleet;
    for (auto& ruche : bare.topology.ruches)
        ruche.seasonStore.reset();
    bool thrown = false;
    try {
        planning::seasonalInputs(bare, start, 10);
    } catch (const std::invalid_argument&) {
        thrown = true;
    }
    CHECK(thrown);
}

}  // namespace

int main() {
    testStoresWhenItPays();
    testSellsWhenStoringDoesNotPay();
    testYearFromTheSimulator();
    return testResult("tst_seasonalplan");
}
