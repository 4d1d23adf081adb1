#pragma once
// Scores of a forecaster on held-out history: MAE of the model's median, of seasonal naive
// and of persistence on the same (origin, step) pairs, pinball loss, and the share of actual
// values inside the 10-90 % band (counted where it can be wrong: daytime for PV/irradiance).

#include <array>
#include <vector>

#include "engine/forecast/ForecastTypes.h"
#include "engine/forecast/RucheForecaster.h"

namespace swarmergy::forecast {

struct ForecastScore {
    Target target = Target::Load;
    double absErrorModel = 0, absErrorSeasonalNaive = 0, absErrorPersistence = 0, pinball = 0;
    long points = 0;
    long bandPoints = 0, insideBand = 0;
    bool anyBaselineFallback = false;

    double maeModel() const { return points ? absErrorModel / points : 0; }
    double maeSeasonalNaive() const { return points ? absErrorSeasonalNaive / points : 0; }
    double maePersistence() const { return points ? absErrorPersistence / points : 0; }
    double meanPinball() const { return points ? pinball / points : 0; }
    double coverage() const { return bandPoints ? double(insideBand) / bandPoints : 0; }
    // 1 - model MAE / seasonal-naive MAE: > 0 when the model beats the baseline.
    double skill() const { return absErrorSeasonalNaive > 0 ? 1 - absErrorModel / absErrorSeasonalNaive : 0; }
    void add(const ForecastScore& other);
};

using ForecastScores = std::array<ForecastScore, kTargetCount>;

// Forecasts from origins firstOrigin, firstOrigin + stride, ... with every step before endStep.
ForecastScores evaluate(const RucheForecaster& forecaster, const RucheHistory& history, int firstOrigin,
                        int endStep, int originStride);

}  // namespace swarmergy::forecast
