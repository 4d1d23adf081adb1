#pragma once
// Reference forecasts every model must beat, and the fallback when a model is unusable.
// Seasonal naive: the same time last week for load (weekly habits), yesterday for PV and
// irradiance (the sun's daily cycle). Persistence: the last measured value, held.

#include <vector>

#include "engine/forecast/ForecastTypes.h"
#include "engine/forecast/RucheHistory.h"

namespace swarmergy::forecast {

// Lag of the seasonal-naive forecast in steps.
int seasonalLagSteps(Target target);

// kHorizonSteps values for steps origin .. origin + kHorizonSteps - 1 (uses steps < origin).
// Throws std::invalid_argument when origin < seasonalLagSteps or origin > steps().
std::vector<double> seasonalNaive(Target target, const RucheHistory& history, int origin);
std::vector<double> persistence(Target target, const RucheHistory& history, int origin);

// Seasonal naive as p50 with a 10-90 % band from the naive forecast's own errors over the
// last week (additive; PV and irradiance kept within [0, clear sky] and zero at night).
QuantileSeries seasonalNaiveWithBand(Target target, const RucheHistory& history, int origin);

}  // namespace swarmergy::forecast
