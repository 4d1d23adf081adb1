#pragma once
// Feature rows of the forecast models: one row per (origin, horizon step), built from the
// calendar of the target step, lagged measurements before the origin and the clear-sky curve.
// Observed values are those of steps < origin; the row for horizon h forecasts step origin + h.

#include <vector>

#include "engine/forecast/ForecastTypes.h"
#include "engine/forecast/QuantileMlp.h"
#include "engine/forecast/RucheHistory.h"

namespace swarmergy::forecast {

// Oldest lag: same time one week before the last horizon step, smoothed over +/- 2 steps,
// and the 24 h level of the same window a week back.
inline constexpr int kWeekSteps = 7 * 96;
inline constexpr int kMinHistorySteps = kWeekSteps + 96 + 2;

int featureCount(Target target);
const std::vector<double>& measured(Target target, const RucheHistory& history);
// Clear-sky curve for PV and irradiance; nullptr for load.
const std::vector<double>* clearSky(Target target, const RucheHistory& history);
// Normaliser: mean load over [0, endStep); largest clear-sky PV; 1,000 W/m2 for irradiance.
double defaultScale(Target target, const RucheHistory& history, int endStep);

// Writes kHorizonSteps rows of featureCount(target) values and one multiplier and one offset
// per row (see QuantileMlp.h).
// Throws std::invalid_argument if origin < kMinHistorySteps or origin > steps().
void buildFeatures(Target target, const RucheHistory& history, int origin, double scale,
                   float* features, float* multipliers, float* offsets);

// Training rows for origins firstOrigin, firstOrigin + stride, ... whose targets lie before
// endStep, in time order. Rows with a zero multiplier (PV at night) carry no information
// and are left out.
TrainingSet buildTrainingSet(Target target, const RucheHistory& history, double scale,
                             int firstOrigin, int endStep, int originStride);

}  // namespace swarmergy::forecast
