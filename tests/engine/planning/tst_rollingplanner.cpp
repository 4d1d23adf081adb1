// The rolling planner: the plan starts from the essaim's present state, its scenario is valid
// and deterministic, its schedule passes the independent checker, and the simulator following
// its setpoints reproduces the planned states of charge while conserving energy.
#include "engine/optimization/ScheduleChecker.h"
#include "engine/planning/RollingPlanner.h"
#include "engine/scenario/ScenarioIo.h"
#include "tests/support/Check.h"
#include "tests/engine/simulation/SimulatorChecks.h"

#include <cmath>

using namespace swarmergy;
using namespace swarmergy::simulation;

namespace {

Fleet fleet40() {
    FleetOptions options;
    options.alveoles = 40;
    options.ruches = 2;
    options.seed = 5;
    options.start = "2026-06-20T23:00:00Z";
    return generateFleet(options);
}

planning::PlannerOptions plannerOptions(double noise) {
    planning::PlannerOptions options;
    options.forecastNoise = noise;
    options.dispatch.method = optimization::DispatchMethod::Clp;
    return options;
}

void testInputsAreThePresentState() {
    Simulator sim(fleet40());
    for (int k = 0; k < 30; ++k)
        sim.step();
    const auto inputs = planning::captureInputs(sim, model::PlanTrigger::Periodic);
    CHECK(inputs.firstStep == 30);
    CHECK(inputs.startUtc == sim.timeUtc());
    CHECK(inputs.microSocKwh.size() == sim.alveoles().size());
    CHECK_NEAR(inputs.microSocKwh[7], sim.alveoles()[7].socKwh, 0);
    CHECK_NEAR(inputs.hiveSocKwh[1], sim.ruches()[1].stores.hiveSocKwh, 0);
    CHECK(!inputs.islanded);
    sim.setGridConnected(false);
    CHECK(planning::captureInputs(sim, model::PlanTrigger::GridDisconnected).islanded);
}

void testScenarioIsValidAndDeterministic() {
    const Fleet fleet = fleet40();
    Simulator sim(fleet);
    for (int k = 0; k < 10; ++k)
        sim.step();
    auto inputs = planning::captureInputs(sim, model::PlanTrigger::Periodic);
    const auto scenario = planning::buildPlanScenario(fleet, inputs, plannerOptions(0.1));
    scenario::validateScenario(scenario);   // throws on any broken rule
    CHECK(scenario.steps == 96);
    // soc0 is the present state (within the window), not the fleet's initial one.
    std::size_t i = 0;
    for (const auto& ruche : scenario.ruches)
        for (const auto& a : ruche.alveoles) {
            if (a.battery)
                CHECK_NEAR(a.battery->soc0Kwh, std::clamp(inputs.microSocKwh[i], a.battery->socMinKwh, a.battery->socMaxKwh), 1e-12);
            ++i;
        }
    // The same inputs give the same forecast; no noise gives the simulator's own models.
    const auto again = planning::buildPlanScenario(fleet, inputs, plannerOptions(0.1));
    CHECK(scenario::writeScenario(again) == scenario::writeScenario(scenario));
    const auto exact = planning::buildPlanScenario(fleet, inputs, plannerOptions(0.0));
    const auto truth = makeDispatchScenario(fleet, inputs.startUtc, 96);
    CHECK(exact.ruches[0].alveoles[3].loadKw == truth.ruches[0].alveoles[3].loadKw);
    CHECK(scenario.ruches[0].alveoles[3].loadKw != truth.ruches[0].alveoles[3].loadKw);
    inputs.islanded = true;
    CHECK(!planning::buildPlanScenario(fleet, inputs, plannerOptions(0.1)).grid.connected);

    // The seasonal plan's water value at the horizon's end prices the hydrogen left in the tank.
    auto seasonal = std::make_shared<planning::SeasonalPlan>();
    seasonal->startUtc = inputs.startUtc;
    seasonal->waterValuePerKwh = {0.31, 0.47, 0.52};
    auto options = plannerOptions(0.1);
    options.seasonal = seasonal;
    int stores = 0;
    for (const auto& ruche : planning::buildPlanScenario(fleet, inputs, options).ruches)
        if (ruche.seasonStore) {
            ++stores;
            CHECK_NEAR(ruche.seasonStore->terminalValuePerKwh, 0.47, 0);   // the horizon ends one day later
        }
    CHECK(stores == 1);
}

void testPlanIsValidAndFollowed() {
    const Fleet fleet = fleet40();
    Simulator sim(fleet);
    for (int k = 0; k < 4; ++k)
        sim.step();
    const auto inputs = planning::captureInputs(sim, model::PlanTrigger::Periodic);
    // Exact forecast: the simulator then meets exactly what the plan expected.
    const auto outcome = planning::makePlan(fleet, inputs, plannerOptions(0.0));
    const auto report = optimization::checkSchedule(outcome.scenario, outcome.dispatch.schedule);
    if (!report.ok())
        std::printf("%s\n", report.summary().c_str());
    CHECK(report.ok());
    const auto& plan = *outcome.snapshot;
    CHECK(plan.ruches.size() == 2);
    CHECK(plan.steps == 96 && plan.ruches[0].plannedImportKw.size() == 96);
    CHECK(plan.ruches[0].priceCuPerKwh.size() == 96);
    CHECK(plan.status == "optimal");
    CHECK(std::isfinite(plan.aloneCostCu) && std::isfinite(plan.communityCostCu));
    CHECK(outcome.setpoints->steps == 96 && outcome.setpoints->firstStep == 4);

    sim.followPlan(outcome.setpoints);
    checks::LimitViolations violations;
    int tracked = 0, batteries = 0;
    for (int t = 0; t < 12; ++t) {
        sim.step();
        for (int r = 0; r < 2; ++r)
            CHECK(checks::rucheResidual(sim, r) < 1e-9);
        checks::checkLimits(sim, sim.stepIndex() - 1, violations);
    }
    // After 12 followed steps each MicroStore is where the plan put it.
    std::size_t i = 0;
    for (const auto& ruche : outcome.dispatch.schedule.ruches)
        for (const auto& a : ruche.alveoles) {
            if (a.battery) {
                ++batteries;
                tracked += std::abs(sim.alveoles()[i].socKwh - a.battery->socKwh[12]) < 1e-3 ? 1 : 0;
            }
            ++i;
        }
    CHECK(violations.count == 0);
    CHECK(batteries > 5);
    CHECK(tracked == batteries);
}

}  // namespace

int main() {
    testInputsAreThePresentState();
    testScenarioIsValidAndDeterministic();
    testPlanIsValidAndFollowed();
    return testResult("tst_rollingplanner");
}
