// Recommendations: the cheapest window for a flexible run against its usual hour.
#include "engine/planning/Recommendations.h"
#include "tests/support/Check.h"

#include <cmath>

using namespace swarmergy;

namespace {

model::PlanSnapshot planWithPrices(const simulation::Fleet& fleet, std::vector<double> prices) {
    model::PlanSnapshot plan;
    plan.planStartUtc = 1782000000 - 1782000000 % 86400 - 3600;   // local midnight (UTC+1)
    plan.stepMinutes = 15;
    plan.steps = int(prices.size());
    for (const auto& ruche : fleet.topology.ruches) {
        model::RuchePlan r;
        r.id = ruche.id;
        r.priceCuPerKwh = prices;
        plan.ruches.push_back(r);
    }
    return plan;
}

}  // namespace

int main() {
    CHECK_NEAR(planning::meanPrice({1, 2, 3, 4}, 1, 2), 2.5, 1e-12);
    CHECK(std::isinf(planning::meanPrice({1, 2, 3}, 2, 2)));
    CHECK(std::isinf(planning::meanPrice({1, 2, 3}, -1, 2)));

    simulation::FleetOptions options;
    options.alveoles = 60;
    options.ruches = 1;
    const auto fleet = simulation::generateFleet(options);
    int washers = 0;
    for (const auto& h : fleet.households)
        washers += h.washing ? 1 : 0;
    CHECK(washers > 0);

    // Evening is dear (0.34), midday cheap (0.10): a wash moves from 18:00 to midday.
    std::vector<double> prices(96, 0.26);
    for (int t = 44; t < 60; ++t) prices[t] = 0.10;   // 11:00-15:00 local
    for (int t = 68; t < 84; ++t) prices[t] = 0.34;   // 17:00-21:00 local
    const auto plan = planWithPrices(fleet, prices);
    const auto recs = planning::recommendShifts(fleet, plan, 1000);
    CHECK(!recs.empty());
    bool sawWashing = false;
    for (std::size_t k = 0; k < recs.size(); ++k) {
        if (k > 0)
            CHECK(recs[k - 1].savingCu >= recs[k].savingCu);
        if (recs[k].appliance == std::string("washing")) {
            sawWashing = true;
            // 2.4 kWh from 18:00-20:00 (0.34) to the cheap window (0.10).
            CHECK_NEAR(recs[k].savingCu, 2.4 * (0.34 - 0.10), 1e-9);
            const auto startStep = (recs[k].suggestedStartUtc - plan.planStartUtc) / 900;
            CHECK(startStep >= 44 && startStep + 8 <= 60);
            CHECK((recs[k].usualStartUtc - plan.planStartUtc) / 900 == 72);
        }
    }
    CHECK(sawWashing);
    CHECK(planning::recommendShifts(fleet, plan, 3).size() == 3);
    // A flat price recommends nothing.
    CHECK(planning::recommendShifts(fleet, planWithPrices(fleet, std::vector<double>(96, 0.2)), 1000).empty());
    return testResult("tst_recommendations");
}
