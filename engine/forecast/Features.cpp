#include "engine/forecast/Features.h"

#include "engine/forecast/Baselines.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

namespace swarmergy::forecast {

namespace {

constexpr double kTwoPi = 2 * std::numbers::pi;
constexpr int kLoadFeatures = 17;
constexpr int kSkyFeatures = 9;

double meanOf(const std::vector<double>& v, int from, int to)   // [from, to)
{
    double s = 0;
    for (int i = from; i < to; ++i) s += v[i];
    return to > from ? s / (to - from) : 0.0;
}

struct Calendar {
    float todSin, todCos, doySin, doyCos;
    int dayType;
    std::int64_t localDay;
};

Calendar calendarOf(const RucheHistory& h, int step)
{
    const LocalCalendar c = localCalendar(h.stepStartUtc(step), h.utcOffsetMinutes);
    const double tod = kTwoPi * (c.quarterOfDay + 0.5) / 96.0;
    const double doy = kTwoPi * (c.dayOfYear - 0.5) / 365.25;
    return {float(std::sin(tod)), float(std::cos(tod)), float(std::sin(doy)), float(std::cos(doy)), c.dayType,
            c.localDay};
}

void loadRows(const RucheHistory& h, int origin, double scale, float* out, float* multipliers)
{
    const auto& y = h.loadKw;
    const double inv = 1.0 / scale;
    const double level = meanOf(y, origin - 96, origin) * inv;
    const double levelLastWeek = meanOf(y, origin - 96 - kWeekSteps, origin - kWeekSteps) * inv;
    const double last = y[origin - 1] * inv;
    for (int k = 0; k < kHorizonSteps; ++k) {
        const int t = origin + k;
        const Calendar c = calendarOf(h, t);
        const Calendar yesterday = calendarOf(h, t - 96);
        double profile = 0;
        for (int d = 1; d <= 7; ++d) profile += y[t - 96 * d];
        float* f = out + std::size_t(k) * kLoadFeatures;
        const float row[kLoadFeatures] = {
            c.todSin, c.todCos,
            float(c.dayType == 0), float(c.dayType == 1), float(c.dayType == 2),
            float(k) / kHorizonSteps,
            float(y[t - 96] * inv),
            float(meanOf(y, t - 98, std::min(t - 93, origin)) * inv),
            float(y[t - kWeekSteps] * inv),
            float(meanOf(y, t - kWeekSteps - 2, t - kWeekSteps + 3) * inv),
            float(profile / 7 * inv),
            float(level), float(levelLastWeek), float(last),
            float(h.ambientC[t] / 10.0),
            float(yesterday.dayType == c.dayType),
            float(calendarOf(h, t - kWeekSteps).dayType == c.dayType),
        };
        std::copy(row, row + kLoadFeatures, f);
        multipliers[k] = 1.0f;
    }
}

// Ratio of measured to clear-sky energy over [from, to), or fallback when the sky was dark.
double skyIndex(const std::vector<double>& y, const std::vector<double>& clear, int from, int to, double minClear,
                double fallback)
{
    double measuredSum = 0, clearSum = 0;
    for (int i = from; i < to; ++i) {
        measuredSum += y[i];
        clearSum += clear[i];
    }
    return clearSum > minClear ? std::clamp(measuredSum / clearSum, 0.0, 1.5) : fallback;
}

void skyRows(Target target, const RucheHistory& h, int origin, double scale, float* out, float* multipliers)
{
    const auto& y = measured(target, h);
    const auto& clear = *clearSky(target, h);
    const double inv = 1.0 / scale;
    const double index24 = skyIndex(y, clear, origin - 96, origin, 1e-9, 0.5);
    const double indexNow = skyIndex(y, clear, origin - 4, origin, 0.04 * scale, index24);
    const std::int64_t originDay = calendarOf(h, origin - 1).localDay;
    for (int k = 0; k < kHorizonSteps; ++k) {
        const int t = origin + k;
        const Calendar c = calendarOf(h, t);
        float* f = out + std::size_t(k) * kSkyFeatures;
        const float row[kSkyFeatures] = {
            c.todSin, c.todCos,
            float(k) / kHorizonSteps,
            float(clear[t] * inv),
            float(clear[t - 96] * inv),
            float(y[t - 96] * inv),
            float(index24), float(indexNow),
            float(c.localDay == originDay),
        };
        std::copy(row, row + kSkyFeatures, f);
        multipliers[k] = float(clear[t] * inv);
    }
}

}  // namespace

int featureCount(Target target) { return target == Target::Load ? kLoadFeatures : kSkyFeatures; }

const std::vector<double>& measured(Target target, const RucheHistory& history)
{
    switch (target) {
    case Target::Load: return history.loadKw;
    case Target::Pv: return history.pvKw;
    case Target::Irradiance: return history.ghiWm2;
    }
    throw std::invalid_argument("unknown forecast target");
}

const std::vector<double>* clearSky(Target target, const RucheHistory& history)
{
    switch (target) {
    case Target::Load: return nullptr;
    case Target::Pv: return &history.clearSkyPvKw;
    case Target::Irradiance: return &history.clearSkyGhiWm2;
    }
    throw std::invalid_argument("unknown forecast target");
}

double defaultScale(Target target, const RucheHistory& history, int endStep)
{
    switch (target) {
    case Target::Load: return std::max(1e-3, meanOf(history.loadKw, 0, std::min(endStep, history.steps())));
    case Target::Pv: {
        const auto& c = history.clearSkyPvKw;
        return std::max(1e-3, *std::max_element(c.begin(), c.begin() + std::min<std::size_t>(c.size(), endStep + kHorizonSteps)));
    }
    case Target::Irradiance: return 1000.0;
    }
    throw std::invalid_argument("unknown forecast target");
}

void buildFeatures(Target target, const RucheHistory& history, int origin, double scale, float* features,
                   float* multipliers)
{
    if (origin < kMinHistorySteps || origin > history.steps())
        throw std::invalid_argument("forecast origin step " + std::to_string(origin) + " of ruche " +
                                    history.rucheId + ": needs " + std::to_string(kMinHistorySteps) +
                                    " steps of history before it and at most " + std::to_string(history.steps()));
    if (history.clearSkyPvKw.size() < std::size_t(origin + kHorizonSteps) ||
        history.ambientC.size() < std::size_t(origin + kHorizonSteps))
        throw std::invalid_argument("ruche " + history.rucheId + ": sky arrays shorter than origin + horizon");
    if (target == Target::Load) loadRows(history, origin, scale, features, multipliers);
    else skyRows(target, history, origin, scale, features, multipliers);
}

TrainingSet buildTrainingSet(Target target, const RucheHistory& history, double scale, int firstOrigin,
                             int endStep, int originStride)
{
    const int f = featureCount(target);
    TrainingSet set;
    set.featureCount = f;
    const auto& y = measured(target, history);
    std::vector<float> features(std::size_t(kHorizonSteps) * f), multipliers(kHorizonSteps);
    for (int origin = std::max(firstOrigin, kMinHistorySteps); origin + kHorizonSteps <= endStep; origin += originStride) {
        buildFeatures(target, history, origin, scale, features.data(), multipliers.data());
        for (int k = 0; k < kHorizonSteps; ++k) {
            if (multipliers[k] <= 1e-4f) continue;
            set.features.insert(set.features.end(), features.begin() + std::size_t(k) * f,
                                features.begin() + std::size_t(k + 1) * f);
            set.multipliers.push_back(multipliers[k]);
            set.targets.push_back(float(y[origin + k] / scale));
            set.references.push_back(float(y[origin + k - seasonalLagSteps(target)] / scale));
        }
    }
    return set;
}

}  // namespace swarmergy::forecast
