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
model::Scenario buildPlanScenario(const simulation::Fleet& fleet, const PlanInputs& inputs,
                                  const PlannerOptions& options);

struct PlanOutcome {
    std::shared_ptr<simulation::StoreSetpoints> setpoints;
    std::shared_ptr<model::PlanSnapshot> snapshot;   // planned series, worth, recommendations
    optimization::DispatchResult dispatch;           // schedule and local prices
    model::Scenario scenario;
};

// Forecasts, solves and turns the schedule into setpoints and a plan snapshot. Thread-safe
// for distinct inputs; never throws for a valid fleet (the dispatch is never infeasible).
PlanOutcome makePlan(const simulation::Fleet& fleet, const PlanInputs& inputs, const PlannerOptions& options);

// Store setpoints of a schedule, step by step: > 0 charge / electrolyser, < 0 discharge / fuel cell.
std::shared_ptr<simulation::StoreSetpoints> setpointsOf(const model::Schedule& schedule, std::int64_t firstStep,
                                                        int alveoles);

}  // namespace swarmergy::planning
