#pragma once
// Rolling-horizon planning (ARCHITECTURE.md "Threads and data flow"): every 15 simulated
// minutes, and at once on events, SwarmBrain takes the essaim's present state, forecasts the
// next 96 steps, solves the dispatch LP and hands the simulator store setpoints to follow.
// Between plans the simulator's local rules keep every asset safe, so a late plan is never
// unsafe. Capturing the state is cheap and happens on the simulation thread; forecasting and
// solving happen on a planner thread from that immutable capture.

#include "engine/model/Plan.h"
#include "engine/model/Scenario.h"
#include "engine/optimization/Dispatch.h"
#include "engine/planning/PlanForecast.h"
#include "engine/planning/SeasonalPlan.h"
#include "engine/simulation/Simulator.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace swarmergy::planning {

struct PlannerOptions {
    int horizonSteps = 96;
    // Relative noise of the simulator's forecast of load and PV (until learned forecasts
    // replace it): its standard deviation grows from 30 % of this at the first step to all of
    // it at the horizon, one draw per ruche and step (a shared sky, a shared weather error).
    double forecastNoise = 0.10;
    std::uint64_t seed = 1;
    optimization::DispatchOptions dispatch;
    std::size_t maxRecommendations = 50;
    // The SeasonStore's seasonal plan: its water value at the end of the horizon becomes the
    // day plan's terminal value of hydrogen. Without it the fleet's fixed value is used.
    std::shared_ptr<const SeasonalPlan> seasonal;
    // SwarmBrain's learned forecasts (PlanForecast.h), when there are any. For each ruche and
    // part (load, PV) with a usable forecast, the homes' series are scaled so the ruche's sum
    // is the forecast's p50 (each home keeps its share at each step) in place of the noisy
    // forecast; a ruche or part without one, or with a refused one (NaN, too short, off the
    // step grid: see PlanOutcome::forecastUse), keeps the noisy forecast.
    RucheForecastsPtr forecasts;
    // Reserve against the learned forecast's shortfall risk (shortfallReserveKwh): summed over
    // reserveWindowSteps (the next hour). soc_min is one number per store in the scenario
    // format, so a plan keeps the largest need over its first reserveLookaheadSteps (4 h: the
    // plan is remade every step, so its later hours are never followed). The reserve is kept
    // above each store's own soc_min (its cell-protecting floor): the HiveStore holds it up to
    // its soc_max, the MicroStores the rest in proportion to their room. A store
    // never gets a soc_min above its present charge (the scenario would be invalid and the
    // plan could not start): one below its reserve is not discharged further until it
    // recovers. Islanded, the reserve is released by default: it was kept for that moment.
    int reserveWindowSteps = 4;
    int reserveLookaheadSteps = 16;
    bool reserveWhenIslanded = false;
};

// How a plan used the learned forecast of one ruche.
struct ForecastUse {
    std::string rucheId;
    bool learnedLoad = false;        // false: the noisy forecast
    bool learnedPv = false;
    double reserveKwh = 0;           // what the forecast's band asks the stores to keep
    double reserveHeldKwh = 0;       // what the plan's soc_min raised (capped by charge and capacity)
    std::vector<std::string> warnings;   // refused forecasts, with the reason
};

// The essaim's state at the start of a plan: what the plan must start from.
struct PlanInputs {
    std::int64_t firstStep = 0;   // simulator step index of the plan's first step
    std::int64_t startUtc = 0;
    bool islanded = false;
    model::PlanTrigger trigger = model::PlanTrigger::Periodic;
    std::vector<double> microSocKwh;   // per alvéole
    std::vector<double> hiveSocKwh;    // per ruche
    std::vector<double> h2LevelKwh;    // per ruche
};

// Reads the simulator's state after its last step (call on the simulation thread).
PlanInputs captureInputs(const simulation::Simulator& simulator, model::PlanTrigger trigger);

// The dispatch scenario of a plan: the fleet's assets with the present state of charge as
// soc0 (clamped into each window), the forecast load and PV, the grid tariff, islanding.
// `forecastUse` (optional) receives one entry per ruche of the scenario, plus warnings about
// forecasts naming no ruche of the fleet (in an entry with that ruche id).
model::Scenario buildPlanScenario(const simulation::Fleet& fleet, const PlanInputs& inputs,
                                  const PlannerOptions& options, std::vector<ForecastUse>* forecastUse = nullptr);

struct PlanOutcome {
    std::shared_ptr<simulation::StoreSetpoints> setpoints;
    std::shared_ptr<model::PlanSnapshot> snapshot;   // planned series, worth, recommendations
    optimization::DispatchResult dispatch;           // schedule and local prices
    model::Scenario scenario;
    std::vector<ForecastUse> forecastUse;            // empty without PlannerOptions::forecasts
};

// Forecasts, solves and turns the schedule into setpoints and a plan snapshot. Thread-safe
// for distinct inputs; never throws for a valid fleet (the dispatch is never infeasible).
PlanOutcome makePlan(const simulation::Fleet& fleet, const PlanInputs& inputs, const PlannerOptions& options);

// Store setpoints of a schedule, step by step: > 0 charge / electrolyser, < 0 discharge / fuel cell.
std::shared_ptr<simulation::StoreSetpoints> setpointsOf(const model::Schedule& schedule, std::int64_t firstStep,
                                                        int alveoles);

}  // namespace swarmergy::planning
