#pragma once
// Recommendations to households from a plan's local prices: when to run what can wait
// (washing, EV charging) and what it saves against the usual time. The saving is the
// appliance's energy times the difference of the mean local price over its run.

#include "engine/model/Plan.h"
#include "engine/simulation/FleetGenerator.h"

#include <vector>

namespace swarmergy::planning {

// A flexible appliance run: energy drawn evenly over `steps` steps, usually started at a
// local hour of the day.
struct FlexibleRun {
    const char* appliance;   // "washing", "ev"
    double energyKwh;
    int steps;
    int usualLocalHour;
};

inline constexpr FlexibleRun kWashingRun{"washing", 2.4, 8, 18};   // 1.2 kW for 2 h (the simulator's wash)
inline constexpr FlexibleRun kEvRun{"ev", 11.0, 8, 19};            // an evening charge

// The cheapest start within the plan for each household's flexible appliances, best savings
// first, at most maxCount, only where the saving is at least minSavingCu.
std::vector<model::Recommendation> recommendShifts(const simulation::Fleet& fleet, const model::PlanSnapshot& plan,
                                                   std::size_t maxCount, double minSavingCu = 0.05);

// Mean price over [start, start + steps) of a price series; +inf when the window leaves it.
double meanPrice(const std::vector<double>& prices, int start, int steps);

}  // namespace swarmergy::planning
