#include "engine/forecast/Baselines.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "engine/forecast/Features.h"

namespace swarmergy::forecast {

int seasonalLagSteps(Target target) { return target == Target::Load ? kWeekSteps : 96; }

namespace {
void checkOrigin(const RucheHistory& h, int origin, int lag)
{
    if (origin < lag || origin > h.steps())
        throw std::invalid_argument("baseline forecast for ruche " + h.rucheId + " at step " + std::to_string(origin) +
                                    ": needs " + std::to_string(lag) + " steps of history, has " +
                                    std::to_string(std::min(origin, h.steps())));
}

double quantileOf(std::vector<double> v, double level)
{
    if (v.empty()) return 0;
    const std::size_t i = std::min(v.size() - 1, std::size_t(level * double(v.size())));
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(i), v.end());
    return v[i];
}
}  // namespace

std::vector<double> seasonalNaive(Target target, const RucheHistory& history, int origin)
{
    const int lag = seasonalLagSteps(target);
    checkOrigin(history, origin, lag);
    const auto& y = measured(target, history);
    std::vector<double> out(kHorizonSteps);
    // For PV, the lag (96) is shorter than the horizon's end: a step beyond the origin repeats
    // the value of yesterday's matching step, which is before the origin as long as k < 96.
    for (int k = 0; k < kHorizonSteps; ++k) out[k] = y[origin + k - lag];
    return out;
}

std::vector<double> persistence(Target target, const RucheHistory& history, int origin)
{
    checkOrigin(history, origin, 1);
    return std::vector<double>(kHorizonSteps, measured(target, history)[origin - 1]);
}

QuantileSeries seasonalNaiveWithBand(Target target, const RucheHistory& history, int origin)
{
    const int lag = seasonalLagSteps(target);
    QuantileSeries q;
    q.p50 = seasonalNaive(target, history, origin);
    const auto& y = measured(target, history);
    const auto* clear = clearSky(target, history);
    std::vector<double> residuals;
    for (int s = std::max(lag, origin - kWeekSteps); s < origin; ++s)
        if (!clear || (*clear)[s] > 0) residuals.push_back(y[s] - y[s - lag]);
    const double low = quantileOf(residuals, 0.1), high = quantileOf(residuals, 0.9);
    q.p10.resize(kHorizonSteps);
    q.p90.resize(kHorizonSteps);
    for (int k = 0; k < kHorizonSteps; ++k) {
        q.p10[k] = q.p50[k] + low;
        q.p90[k] = q.p50[k] + high;
        if (clear) {
            const double c = (*clear)[origin + k];
            for (double* v : {&q.p10[k], &q.p50[k], &q.p90[k]}) *v = c > 0 ? std::clamp(*v, 0.0, c) : 0.0;
        } else {
            q.p10[k] = std::max(0.0, q.p10[k]);
        }
    }
    return q;
}

}  // namespace swarmergy::forecast
