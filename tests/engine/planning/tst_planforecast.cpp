// Learned forecasts in the rolling plan (issue 7): a ruche's homes follow the forecast's p50 in
// total while keeping their shares, a wider 10-90 % band makes the stores keep a larger
// reserve (never above their present charge, released when islanded), a ruche without a
// forecast keeps the noisy one, and a NaN, a short series or a misaligned origin is refused
// with a reason and falls back.
#include "engine/planning/RollingPlanner.h"
#include "engine/scenario/ScenarioIo.h"
#include "tests/support/Check.h"

#include <cmath>
#include <limits>
#include <string>

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

struct Setup {
    Fleet fleet = fleet40();
    planning::PlanInputs inputs;
    Setup() {
        Simulator sim(fleet);
        for (int k = 0; k < 40; ++k)   // 09:00 local: sun up, stores partly charged
            sim.step();
        inputs = planning::captureInputs(sim, model::PlanTrigger::Periodic);
    }
};

planning::PlannerOptions plannerOptions() {
    planning::PlannerOptions options;
    options.forecastNoise = 0.1;
    options.dispatch.method = optimization::DispatchMethod::Clp;
    return options;
}

// A smooth, distinctive forecast: load and PV unlike the simulator's, with a constant band.
planning::RucheForecast forecastFor(const std::string& rucheId, std::int64_t originUtc, double loadBandKw,
                                    double pvBandKw) {
    planning::RucheForecast f;
    f.rucheId = rucheId;
    f.originUtc = originUtc;
    for (int t = 0; t < 96; ++t) {
        const double load = 20 + 5 * std::sin(t / 10.0);
        const double pv = std::max(0.0, 30 * std::sin((t - 4) * 3.14159 / 48));
        f.loadP50Kw.push_back(load);
        f.loadP90Kw.push_back(load + loadBandKw);
        f.pvP50Kw.push_back(pv);
        f.pvP10Kw.push_back(std::max(0.0, pv - pvBandKw));
    }
    return f;
}

planning::PlannerOptions withForecasts(std::vector<planning::RucheForecast> forecasts) {
    auto options = plannerOptions();
    options.forecasts = std::make_shared<const planning::RucheForecasts>(std::move(forecasts));
    return options;
}

double sumAt(const model::Ruche& ruche, bool load, int t) {
    double sum = 0;
    for (const auto& a : ruche.alveoles)
        sum += (load ? a.loadKw : a.pvKw)[std::size_t(t)];
    return sum;
}

void testRucheTotalsFollowTheP50AndHomesKeepTheirShares() {
    const Setup s;
    const std::string id = s.fleet.topology.ruches.at(0).id;
    const auto forecast = forecastFor(id, s.inputs.startUtc, 2, 3);
    std::vector<planning::ForecastUse> use;
    const auto scenario = planning::buildPlanScenario(s.fleet, s.inputs, withForecasts({forecast}), &use);
    scenario::validateScenario(scenario);
    const auto clean = makeDispatchScenario(s.fleet, s.inputs.startUtc, 96);
    const auto& ruche = scenario.ruches.at(0);
    for (int t = 0; t < 96; ++t) {
        CHECK_NEAR(sumAt(ruche, true, t), forecast.loadP50Kw[std::size_t(t)], 1e-9);
        CHECK_NEAR(sumAt(ruche, false, t), forecast.pvP50Kw[std::size_t(t)], 1e-9);
    }
    // Each home's share of the ruche's load at a step is the simulator's (noise-free) share.
    const int t = 30;
    const double cleanSum = sumAt(clean.ruches.at(0), true, t);
    for (std::size_t i = 0; i < ruche.alveoles.size(); ++i)
        CHECK_NEAR(ruche.alveoles[i].loadKw[t] / forecast.loadP50Kw[t], clean.ruches[0].alveoles[i].loadKw[t] / cleanSum, 1e-12);
    CHECK(use.size() == 2);
    CHECK(use[0].rucheId == id && use[0].learnedLoad && use[0].learnedPv && use[0].warnings.empty());
    CHECK(!use[1].learnedLoad && !use[1].learnedPv);
}

void testRucheWithoutForecastKeepsTheNoisyOne() {
    const Setup s;
    const auto noisy = planning::buildPlanScenario(s.fleet, s.inputs, plannerOptions());
    const auto mixed = planning::buildPlanScenario(
        s.fleet, s.inputs, withForecasts({forecastFor(s.fleet.topology.ruches.at(0).id, s.inputs.startUtc, 2, 3)}));
    const auto clean = makeDispatchScenario(s.fleet, s.inputs.startUtc, 96);
    bool noiseSeen = false;
    for (std::size_t i = 0; i < mixed.ruches[1].alveoles.size(); ++i)
        for (int t = 0; t < 96; ++t) {
            CHECK(mixed.ruches[1].alveoles[i].loadKw[t] == noisy.ruches[1].alveoles[i].loadKw[t]);
            CHECK(mixed.ruches[1].alveoles[i].pvKw[t] == noisy.ruches[1].alveoles[i].pvKw[t]);
            noiseSeen = noiseSeen || mixed.ruches[1].alveoles[i].loadKw[t] != clean.ruches[1].alveoles[i].loadKw[t];
        }
    CHECK(noiseSeen);   // it is the noisy forecast, not the simulator's truth
    // No forecast at all: the plan is exactly today's.
    std::vector<planning::ForecastUse> use;
    const auto none = planning::buildPlanScenario(s.fleet, s.inputs, plannerOptions(), &use);
    CHECK(use.empty());
    CHECK(none.ruches[0].alveoles[3].loadKw == noisy.ruches[0].alveoles[3].loadKw);
    CHECK(none.ruches[0].hiveStore->socMinKwh == noisy.ruches[0].hiveStore->socMinKwh);
}

// One part may be learned while the other falls back (a ruche with only a load model).
void testLoadOnlyForecastKeepsTheNoisyPv() {
    const Setup s;
    auto f = forecastFor(s.fleet.topology.ruches.at(0).id, s.inputs.startUtc, 1, 1);
    f.pvP50Kw.clear();
    f.pvP10Kw.clear();
    std::vector<planning::ForecastUse> use;
    const auto scenario = planning::buildPlanScenario(s.fleet, s.inputs, withForecasts({f}), &use);
    const auto noisy = planning::buildPlanScenario(s.fleet, s.inputs, plannerOptions());
    CHECK(use[0].learnedLoad && !use[0].learnedPv);
    CHECK_NEAR(sumAt(scenario.ruches[0], true, 10), f.loadP50Kw[10], 1e-9);
    CHECK(scenario.ruches[0].alveoles[2].pvKw == noisy.ruches[0].alveoles[2].pvKw);
}

void testWiderBandKeepsALargerReserve() {
    const Setup s;
    const std::string id = s.fleet.topology.ruches.at(0).id;
    const auto noisy = planning::buildPlanScenario(s.fleet, s.inputs, plannerOptions());
    const auto& hive0 = *noisy.ruches[0].hiveStore;
    CHECK(hive0.soc0Kwh > hive0.socMinKwh + 4);   // charge enough for the reserves below
    auto reserveWith = [&](double loadBandKw, double pvBandKw, std::vector<planning::ForecastUse>* use) {
        const auto scenario = planning::buildPlanScenario(
            s.fleet, s.inputs, withForecasts({forecastFor(id, s.inputs.startUtc, loadBandKw, pvBandKw)}), use);
        scenario::validateScenario(scenario);
        return scenario.ruches[0].hiveStore->socMinKwh;
    };
    std::vector<planning::ForecastUse> narrowUse, wideUse;
    const double narrow = reserveWith(1.0, 0.0, &narrowUse);
    const double wide = reserveWith(3.0, 0.0, &wideUse);
    // A constant band b over the next hour: reserve = 4 steps x 0.25 h x b, above the floor.
    CHECK_NEAR(narrow, hive0.socMinKwh + 1.0, 1e-9);
    CHECK_NEAR(wide, hive0.socMinKwh + 3.0, 1e-9);
    CHECK_NEAR(narrowUse[0].reserveHeldKwh, 1.0, 1e-9);
    CHECK(wide > narrow);
    CHECK_NEAR(wideUse[0].reserveKwh, 3.0, 1e-9);
    // Load and PV bands combine as independent errors: sqrt(3^2 + 4^2) = 5 kW.
    std::vector<planning::ForecastUse> both;
    const auto scenario = planning::buildPlanScenario(
        s.fleet, s.inputs, withForecasts({forecastFor(id, s.inputs.startUtc, 3.0, 4.0)}), &both);
    CHECK_NEAR(both[0].reserveKwh, 5.0, 0.05);   // PV's band is clipped at zero around dawn
    // A band beyond the stores: the HiveStore holds at most its present charge, the MicroStores
    // the rest up to their own charge; the scenario stays valid (soc0 within [soc_min, soc_max]).
    std::vector<planning::ForecastUse> hugeUse;
    const auto huge = planning::buildPlanScenario(
        s.fleet, s.inputs, withForecasts({forecastFor(id, s.inputs.startUtc, 1000.0, 0.0)}), &hugeUse);
    scenario::validateScenario(huge);
    CHECK_NEAR(huge.ruches[0].hiveStore->socMinKwh, hive0.soc0Kwh, 1e-9);
    double microHeld = 0;
    for (const auto& a : huge.ruches[0].alveoles)
        if (a.battery) {
            CHECK(a.battery->socMinKwh <= a.battery->soc0Kwh + 1e-12);
            microHeld += a.battery->socMinKwh;
        }
    CHECK(microHeld > 0);
    CHECK(hugeUse[0].reserveHeldKwh < hugeUse[0].reserveKwh);
    // The other ruche has no forecast: no reserve is added there.
    CHECK(huge.ruches[1].hiveStore->socMinKwh == noisy.ruches[1].hiveStore->socMinKwh);
}

void testIslandedReleasesTheReserve() {
    Setup s;
    s.inputs.islanded = true;
    const auto options = withForecasts({forecastFor(s.fleet.topology.ruches.at(0).id, s.inputs.startUtc, 3.0, 0.0)});
    const auto noisy = planning::buildPlanScenario(s.fleet, s.inputs, plannerOptions());
    const auto islanded = planning::buildPlanScenario(s.fleet, s.inputs, options);
    CHECK(islanded.ruches[0].hiveStore->socMinKwh == noisy.ruches[0].hiveStore->socMinKwh);
    auto keep = options;
    keep.reserveWhenIslanded = true;
    CHECK(planning::buildPlanScenario(s.fleet, s.inputs, keep).ruches[0].hiveStore->socMinKwh > noisy.ruches[0].hiveStore->socMinKwh);
}

void testBadForecastIsRefusedWithAReason() {
    const Setup s;
    const std::string id = s.fleet.topology.ruches.at(0).id;
    const auto noisy = planning::buildPlanScenario(s.fleet, s.inputs, plannerOptions());
    auto check = [&](planning::RucheForecast f, const std::string& expectedWords, bool loadRefused, bool pvRefused) {
        std::vector<planning::ForecastUse> use;
        const auto scenario = planning::buildPlanScenario(s.fleet, s.inputs, withForecasts({f}), &use);
        scenario::validateScenario(scenario);
        CHECK(use[0].learnedLoad == !loadRefused);
        CHECK(use[0].learnedPv == !pvRefused);
        CHECK(!use[0].warnings.empty());
        const std::string text = use.at(0).warnings.empty() ? std::string() : use[0].warnings[0];
        if (text.find(expectedWords) == std::string::npos || text.find(id) == std::string::npos)
            std::printf("  warning was: %s (expected '%s')\n", text.c_str(), expectedWords.c_str());
        CHECK(text.find(expectedWords) != std::string::npos);
        CHECK(text.find(id) != std::string::npos);
        if (loadRefused)   // the load falls back to exactly the noisy forecast
            CHECK(scenario.ruches[0].alveoles[5].loadKw == noisy.ruches[0].alveoles[5].loadKw);
        return use[0];
    };
    auto nan = forecastFor(id, s.inputs.startUtc, 1, 1);
    nan.loadP50Kw[17] = std::numeric_limits<double>::quiet_NaN();
    check(nan, "load p50 at forecast step 17 is NaN", true, false);
    auto inf = forecastFor(id, s.inputs.startUtc, 1, 1);
    inf.pvP10Kw[40] = std::numeric_limits<double>::infinity();
    check(inf, "pv p10 at forecast step 40 is infinite", false, true);
    auto negative = forecastFor(id, s.inputs.startUtc, 1, 1);
    negative.loadP90Kw[3] = -1;
    check(negative, "negative", true, false);
    auto shortOne = forecastFor(id, s.inputs.startUtc, 1, 1);
    shortOne.loadP50Kw.resize(50);
    shortOne.loadP90Kw.resize(50);
    check(shortOne, "the plan needs 96", true, false);
    auto mismatched = forecastFor(id, s.inputs.startUtc, 1, 1);
    mismatched.loadP90Kw.pop_back();
    check(mismatched, "load p90 95", true, false);
    auto late = forecastFor(id, s.inputs.startUtc + 900, 1, 1);
    check(late, "not on or before the plan's start", true, true);
    auto coarse = forecastFor(id, s.inputs.startUtc, 1, 1);
    coarse.stepMinutes = 60;
    check(coarse, "60 min", true, true);
    // A refused part keeps no reserve; the NaN one left only the PV band (1 kW: 1 kWh).
    std::vector<planning::ForecastUse> use;
    planning::buildPlanScenario(s.fleet, s.inputs, withForecasts({nan}), &use);
    CHECK(use[0].reserveKwh <= 1.0 + 1e-9);
    // An unknown ruche is reported, not applied.
    planning::buildPlanScenario(s.fleet, s.inputs, withForecasts({forecastFor("nowhere", s.inputs.startUtc, 1, 1)}), &use);
    CHECK(use.size() == 3 && use[2].rucheId == "nowhere" && !use[2].warnings.empty());
}

// An earlier origin on the step grid is used from the plan's step on.
void testEarlierOriginIsShifted() {
    const Setup s;
    const std::string id = s.fleet.topology.ruches.at(0).id;
    auto f = forecastFor(id, s.inputs.startUtc - 2 * 900, 1, 1);
    f.loadP50Kw.push_back(21);
    f.loadP90Kw.push_back(22);
    f.pvP50Kw.push_back(0);
    f.pvP10Kw.push_back(0);
    f.loadP50Kw.push_back(23);
    f.loadP90Kw.push_back(24);
    f.pvP50Kw.push_back(0);
    f.pvP10Kw.push_back(0);
    std::vector<planning::ForecastUse> use;
    const auto scenario = planning::buildPlanScenario(s.fleet, s.inputs, withForecasts({f}), &use);
    CHECK(use[0].learnedLoad);
    CHECK_NEAR(sumAt(scenario.ruches[0], true, 0), f.loadP50Kw[2], 1e-9);
    CHECK_NEAR(sumAt(scenario.ruches[0], true, 95), 23, 1e-9);
}

// The plan solves with the learned forecast and its schedule keeps the HiveStore above the
// reserve at every step.
void testPlanSolvesAndKeepsTheReserve() {
    const Setup s;
    const std::string id = s.fleet.topology.ruches.at(0).id;
    auto options = withForecasts({forecastFor(id, s.inputs.startUtc, 3.0, 2.0)});
    const auto outcome = planning::makePlan(s.fleet, s.inputs, options);
    CHECK(outcome.forecastUse.size() == 2 && outcome.forecastUse[0].learnedLoad);
    const double reserve = outcome.scenario.ruches[0].hiveStore->socMinKwh;
    CHECK(outcome.forecastUse[0].reserveHeldKwh > 3.0);
    const auto& soc = outcome.dispatch.schedule.ruches.at(0).hiveStore->socKwh;
    CHECK(!soc.empty());
    for (double v : soc)
        CHECK(v >= reserve - 1e-6);
}

}  // namespace

int main() {
    try {
        testRucheTotalsFollowTheP50AndHomesKeepTheirShares();
        testRucheWithoutForecastKeepsTheNoisyOne();
        testLoadOnlyForecastKeepsTheNoisyPv();
        testWiderBandKeepsALargerReserve();
        testIslandedReleasesTheReserve();
        testBadForecastIsRefusedWithAReason();
        testEarlierOriginIsShifted();
        testPlanSolvesAndKeepsTheReserve();
    } catch (const std::exception& e) {
        std::printf("FAIL: unexpected exception: %s\n", e.what());
        return 1;
    }
    return testResult("tst_planforecast");
}
