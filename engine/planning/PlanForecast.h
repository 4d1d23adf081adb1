#pragma once
// SwarmBrain's learned forecasts as the rolling plan reads them (issue 7): per ruche, the load's
// median and 90 % quantile and the PV's 10 % quantile and median, kW at ruche level, one value
// per step from originUtc. Plain data with no dependency, so the app's learning service can
// build it without pulling in the planner, and the planner can use it without libtorch.
//
// In the plan (RollingPlanner.h, PlannerOptions::forecasts): each ruche's per-alvéole load and
// PV are scaled so their sums follow the p50 (each household keeps its share at every step),
// in place of the simulator's noisy forecast; and the stores keep a reserve against the
// forecast's shortfall risk (shortfallReserveKwh below). A ruche (or a target) without a usable
// forecast keeps the noisy forecast.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace swarmergy::planning {

struct RucheForecast {
    std::string rucheId;
    std::int64_t originUtc = 0;   // start of the first value's step (UTC seconds)
    int stepMinutes = 15;
    // Load: empty = no learned load forecast for this ruche (the plan keeps the noisy one).
    std::vector<double> loadP50Kw, loadP90Kw;
    // PV available: empty = no learned PV forecast for this ruche.
    std::vector<double> pvP10Kw, pvP50Kw;
    bool hasLoad() const { return !loadP50Kw.empty(); }
    bool hasPv() const { return !pvP50Kw.empty(); }
};

using RucheForecasts = std::vector<RucheForecast>;
using RucheForecastsPtr = std::shared_ptr<const RucheForecasts>;

enum class ForecastPart { Load, Pv };

// Why one part of a forecast cannot serve a plan of `steps` steps of `stepMinutes` from
// startUtc, or "" when it can: the step length differs, it starts after the plan or off the
// step grid, it is too short, its median and quantile differ in length, or a value is NaN,
// infinite or negative (the message names the ruche, the series and the step).
std::string forecastProblem(const RucheForecast& forecast, ForecastPart part, std::int64_t startUtc, int steps,
                            int stepMinutes);

// Index of the plan's first step in the forecast's series (startUtc - originUtc in steps);
// only meaningful when forecastProblem() is empty.
int forecastOffset(const RucheForecast& forecast, std::int64_t startUtc);

// Energy the ruche's stores should hold at each of `steps` plan steps against the forecast's
// shortfall risk: reserveKwh(t) = Σ_{k=t}^{t+windowSteps-1} band(k) · Δ, where
// band(k) = sqrt(max(0, loadP90 - loadP50)² + max(0, pvP50 - pvP10)²) is the 90 % shortfall of
// load minus PV below its median when the load and PV errors are independent and Gaussian
// (the 90 % deviation of a sum of independent normals is the root of the summed squares; the
// errors of one forecast persist over an hour, so the hour's deviations add up). A missing
// part contributes no band. The forecast must be usable (forecastProblem() empty for each
// part present); parts beyond the forecast's end count as zero.
std::vector<double> shortfallReserveKwh(const RucheForecast& forecast, std::int64_t startUtc, int steps,
                                        int windowSteps);

}  // namespace swarmergy::planning
