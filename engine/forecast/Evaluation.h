#pragma once
// Scores of a forecaster on held-out history: MAE of the model's median, of seasonal naive
// and of persistence on the same (origin, step) pairs, pinball loss, and the share of actual
// values inside the 10-90 % band (counted where it can be wrong: daytime for PV/irradiance).

#include <array>
#include <string>
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

// A whole fleet: simulates trainWeeks + testWeeks of history from fleet.start, trains every
// ruche on the first trainWeeks (seeded with fleet.seed) and scores the test weeks, summed
// over the ruches. Used by the season sweep (bench/forecast, tests) and forecast-eval.
struct FleetEvaluation {
    ForecastScores total;
    std::vector<ForecastScores> perRuche;
    std::vector<std::string> rucheIds;
    double maxTrainSeconds = 0;
};
FleetEvaluation evaluateFleet(const simulation::FleetOptions& fleet, int trainWeeks, int testWeeks,
                              int originStride = 4);

// Four seasons for sweeps: the first held-out (scored) day of each, in UTC. A forecast run
// starts its history trainWeeks before it; an anomaly run starts its learning week before it.
struct SeasonStart {
    const char* name;
    const char* scoredFromUtc;
};
inline constexpr SeasonStart kSeasons[4] = {{"winter", "2026-01-12T00:00:00Z"},
                                            {"spring", "2026-04-13T00:00:00Z"},
                                            {"summer", "2026-08-02T00:00:00Z"},
                                            {"autumn", "2026-10-19T00:00:00Z"}};
// ISO UTC text of scoredFromUtc moved back by `weeks` weeks.
std::string weeksBefore(const char* scoredFromUtc, int weeks);

}  // namespace swarmergy::forecast
