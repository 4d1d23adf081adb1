// The simulator following a dispatch plan's store setpoints: setpoints are applied within
// every limit, energy is conserved, the plan only applies where it covers the step (a late
// plan falls back to the rules), unforeseen deficits never shed load while the H2 store can
// serve it, and a plan of the wrong size is refused.
#include <memory>
#include <stdexcept>

#include "engine/simulation/Simulator.h"
#include "tests/support/Check.h"
#include "tests/engine/simulation/SimulatorChecks.h"

using namespace swarmergy;
using namespace swarmergy::simulation;
using namespace swarmergy::simulation::checks;

namespace {

Fleet smallFleet() {
    FleetOptions options;
    options.alveoles = 30;
    options.ruches = 2;
    options.seed = 9;
    options.start = "2026-01-14T23:00:00Z";   // winter night: little PV
    return generateFleet(options);
}

std::shared_ptr<StoreSetpoints> uniformPlan(const Simulator& sim, std::int64_t firstStep, int steps,
                                            float microKw, float hiveKw, float seasonKw) {
    auto plan = std::make_shared<StoreSetpoints>();
    plan->firstStep = firstStep;
    plan->steps = steps;
    plan->alveoles = int(sim.alveoles().size());
    plan->ruches = int(sim.ruches().size());
    plan->microKw.assign(std::size_t(steps) * plan->alveoles, microKw);
    plan->hiveKw.assign(std::size_t(steps) * plan->ruches, hiveKw);
    plan->seasonKw.assign(std::size_t(steps) * plan->ruches, seasonKw);
    return plan;
}

void checkStep(const Simulator& sim, LimitViolations& violations) {
    for (int r = 0; r < int(sim.ruches().size()); ++r)
        CHECK(rucheResidual(sim, r) < 1e-9);
    checkLimits(sim, sim.stepIndex() - 1, violations);
}

void testChargingPlanIsFollowedWithinLimits() {
    Simulator sim(smallFleet());
    // Absurd setpoints: charge everything at a megawatt. They must be clipped, not obeyed.
    sim.followPlan(uniformPlan(sim, 0, 8, 1e6f, 1e6f, 1e6f));
    LimitViolations violations;
    const double hiveBefore = sim.snapshot(model::SimSpeed::Paused)->ruches[0].stores.hiveSocKwh;
    double microSocBefore = 0;
    for (const auto& a : sim.alveoles())
        microSocBefore += a.socKwh;
    int charging = 0;
    for (int k = 0; k < 8; ++k) {
        CHECK(sim.followingPlanAt(sim.stepIndex()));
        sim.step();
        checkStep(sim, violations);
        for (const auto& a : sim.alveoles())
            charging += a.chargeKw > 0 ? 1 : 0;
    }
    CHECK(violations.count == 0);
    double microSocAfter = 0;
    for (const auto& a : sim.alveoles())
        microSocAfter += a.socKwh;
    CHECK(microSocAfter > microSocBefore + 1.0);   // the MicroStores were charged at night
    CHECK(charging > 0);
    CHECK(sim.ruches()[0].stores.hiveSocKwh > hiveBefore);
    CHECK(sim.ruches()[0].flows.importKw > 0);     // charging at night means buying
}

void testLatePlanFallsBackToRules() {
    Simulator sim(smallFleet());
    sim.followPlan(uniformPlan(sim, 2, 2, 1e6f, 0, 0));
    for (int k = 0; k < 6; ++k) {
        const bool planned = sim.followingPlanAt(sim.stepIndex());
        CHECK(planned == (k == 2 || k == 3));
        sim.step();
        // Under the rules, a battery never charges from the grid at night (no PV surplus).
        double charge = 0;
        for (const auto& a : sim.alveoles())
            charge += a.chargeKw;
        if (planned)
            CHECK(charge > 0);
        else
            CHECK(charge == 0 || sim.ruches()[0].flows.pvAvailableKw > 0);
    }
    sim.followPlan(nullptr);
    CHECK(!sim.followingPlanAt(sim.stepIndex()));
}

void testIslandedDeficitUsesHydrogenBeforeShedding() {
    Fleet fleet = smallFleet();
    Simulator sim(std::move(fleet));
    sim.setGridConnected(false);
    // The plan foresaw nothing: no store moves. Islanded at night the deficit must come from
    // the fuel cell (ruche 0 holds the SeasonStore) before any load is shed there.
    sim.followPlan(uniformPlan(sim, 0, 4, 0, 0, 0));
    LimitViolations violations;
    for (int k = 0; k < 4; ++k) {
        sim.step();
        checkStep(sim, violations);
        const auto& f = sim.ruches()[0].flows;
        CHECK(f.importKw == 0);
        if (f.shedKw > 1e-9)
            CHECK(f.fuelCellKw > 0);
        CHECK(f.fuelCellKw > 0 || f.linesInKw > 0 || f.hiveDischargeKw > 0);
    }
    CHECK(violations.count == 0);
}

void testWrongSizeIsRefused() {
    Simulator sim(smallFleet());
    auto plan = uniformPlan(sim, 0, 4, 0, 0, 0);
    plan->microKw.pop_back();
    bool thrown = false;
    try {
        sim.followPlan(plan);
    } catch (const std::invalid_argument&) {
        thrown = true;
    }
    CHECK(thrown);
    CHECK(!sim.followingPlanAt(0));
}

}  // namespace

int main() {
    testChargingPlanIsFollowedWithinLimits();
    testLatePlanFallsBackToRules();
    testIslandedDeficitUsesHydrogenBeforeShedding();
    testWrongSizeIsRefused();
    return testResult("tst_followplan");
}
