#include "engine/planning/PlanForecast.h"

#include <algorithm>
#include <cmath>

namespace swarmergy::planning {

namespace {

std::string seriesProblem(const RucheForecast& f, const char* name, const std::vector<double>& values, int from,
                          int steps) {
    for (int t = from; t < from + steps; ++t) {
        const double v = values[std::size_t(t)];
        const char* what = std::isnan(v) ? "NaN" : !std::isfinite(v) ? "infinite" : v < 0 ? "negative" : nullptr;
        if (what)
            return "ruche " + f.rucheId + ": " + name + " at forecast step " + std::to_string(t) + " is " + what +
                   " (" + std::to_string(v) + ")";
    }
    return {};
}

}  // namespace

int forecastOffset(const RucheForecast& forecast, std::int64_t startUtc) {
    const std::int64_t stepSeconds = std::int64_t(std::max(1, forecast.stepMinutes)) * 60;
    return int((startUtc - forecast.originUtc) / stepSeconds);
}

std::string forecastProblem(const RucheForecast& f, ForecastPart part, std::int64_t startUtc, int steps,
                            int stepMinutes) {
    const bool load = part == ForecastPart::Load;
    const char* median = load ? "load p50" : "pv p50";
    const char* quantile = load ? "load p90" : "pv p10";
    const auto& p50 = load ? f.loadP50Kw : f.pvP50Kw;
    const auto& band = load ? f.loadP90Kw : f.pvP10Kw;
    const std::string who = "ruche " + f.rucheId + ": ";
    if (p50.empty())
        return who + "no " + median + " series";
    if (f.stepMinutes != stepMinutes)
        return who + "forecast steps of " + std::to_string(f.stepMinutes) + " min, the plan's of " +
               std::to_string(stepMinutes) + " min";
    const std::int64_t stepSeconds = std::int64_t(stepMinutes) * 60;
    if (f.originUtc > startUtc || (startUtc - f.originUtc) % stepSeconds != 0)
        return who + "forecast starts at " + std::to_string(f.originUtc) + ", not on or before the plan's start " +
               std::to_string(startUtc) + " on its step grid";
    if (p50.size() != band.size())
        return who + std::string(median) + " has " + std::to_string(p50.size()) + " values, " + quantile + " " +
               std::to_string(band.size());
    const int offset = forecastOffset(f, startUtc);
    if (std::int64_t(offset) + steps > std::int64_t(p50.size()))
        return who + std::string(median) + " has " + std::to_string(p50.size()) + " values from its origin, the plan needs " +
               std::to_string(offset + steps);
    if (auto problem = seriesProblem(f, median, p50, offset, steps); !problem.empty())
        return problem;
    return seriesProblem(f, quantile, band, offset, steps);
}

std::vector<double> shortfallReserveKwh(const RucheForecast& f, std::int64_t startUtc, int steps, int windowSteps) {
    const int offset = std::max(0, forecastOffset(f, startUtc));
    const double stepHours = f.stepMinutes / 60.0;
    auto bandAt = [&](int t) {
        const std::size_t k = std::size_t(offset + t);
        double loadBand = 0, pvBand = 0;
        if (k < f.loadP50Kw.size() && k < f.loadP90Kw.size())
            loadBand = std::max(0.0, f.loadP90Kw[k] - f.loadP50Kw[k]);
        if (k < f.pvP50Kw.size() && k < f.pvP10Kw.size())
            pvBand = std::max(0.0, f.pvP50Kw[k] - f.pvP10Kw[k]);
        return std::hypot(loadBand, pvBand);
    };
    std::vector<double> band(std::size_t(std::max(0, steps)));
    for (int t = 0; t < steps; ++t)
        band[std::size_t(t)] = bandAt(t) * stepHours;
    // The window reaches past the plan's last step into the forecast's tail when it has one.
    std::vector<double> reserve(band.size(), 0.0);
    for (int t = 0; t < steps; ++t)
        for (int k = t; k < t + std::max(1, windowSteps); ++k)
            reserve[std::size_t(t)] += k < steps ? band[std::size_t(k)] : bandAt(k) * stepHours;
    return reserve;
}

}  // namespace swarmergy::planning
