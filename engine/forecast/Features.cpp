#include "engine/forecast/Features.h"

#include "engine/forecast/Baselines.h"
#include "engine/simulation/Calendar.h"
#include "engine/simulation/H0Profile.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

namespace swarmergy::forecast {

namespace {

constexpr double kTwoPi = 2 * std::numbers::pi;
constexpr int kLoadFeatures = 14;
constexpr int kSkyFeatures = 9;
// Sky index shown to the network for steps on a later day than the origin (any constant: the
// same-day flag tells those rows apart).
constexpr double kClimatologyIndex = 0.5;

double meanOf(const std::vector<double>& v, int from, int to)   // [from, to)
{
    double s = 0;
    for (int i = from; i < to; ++i) s += v[i];
    return to > from ? s / (to - from) : 0.0;
}

// Day of year is deliberately not a feature: trained on a few weeks, a network extrapolates
// it wildly on the next weeks. Seasons reach the models through the lags, the clear-sky curve
// and the standard load profile.
struct Calendar {
    float todSin, todCos;
    int dayType;
    std::int64_t localDay;
    double h0Watts;   // BDEW H0 dynamised profile at this step, W per 1,000 kWh/yr
};

// Mean of the H0 profile: 1,000 kWh over 8,760 h.
constexpr double kH0MeanWatts = 1e6 / 8760.0;

// What depends only on the local day, memoised: feature rows look up the same few weeks of
// days thousands of times (sin/cos of the quarter are tabulated for the same reason).
struct DayFacts {
    std::int64_t day = INT64_MIN;
    int dayType = 0;
    simulation::H0Season season = simulation::H0Season::Summer;
    double dynamisation = 1;
};

const DayFacts& dayFacts(std::int64_t localDay)
{
    thread_local DayFacts cache[64];
    DayFacts& slot = cache[static_cast<std::uint64_t>(localDay) % 64];
    if (slot.day != localDay) {
        const simulation::CivilDate date = simulation::civilFromDays(localDay);
        slot = {localDay, int(simulation::h0DayTypeOf(date)), simulation::h0SeasonOf(date),
                simulation::h0DynamisationFactor(simulation::dayOfYear(date))};
    }
    return slot;
}

Calendar calendarOf(const RucheHistory& h, int step)
{
    static const auto quarterTrig = [] {
        std::array<std::array<float, 2>, 96> t{};
        for (int q = 0; q < 96; ++q) t[q] = {float(std::sin(kTwoPi * (q + 0.5) / 96.0)), float(std::cos(kTwoPi * (q + 0.5) / 96.0))};
        return t;
    }();
    const std::int64_t local = h.stepStartUtc(step) + h.utcOffsetMinutes * 60LL;
    const std::int64_t day = simulation::floorDiv(local, 86400);
    const int quarter = int((local - day * 86400) / 900);
    const DayFacts& facts = dayFacts(day);
    const double h0 = simulation::h0TableWatts(facts.season, simulation::H0DayType(facts.dayType), quarter) * facts.dynamisation;
    return {quarterTrig[quarter][0], quarterTrig[quarter][1], facts.dayType, day, h0};
}

// Same time on the days of the last week with the target's day type (Saturday -> last
// Saturday), each smoothed over +/- 2 steps before the origin: a denoised habit.
double sameDayTypeProfile(const RucheHistory& h, int t, int origin, int dayType)
{
    const auto& y = h.loadKw;
    double sum = 0;
    int days = 0;
    for (int d = 1; d <= 7; ++d) {
        const int s = t - 96 * d;
        if (calendarOf(h, s).dayType != dayType) continue;
        sum += meanOf(y, s - 2, std::min(s + 3, origin));
        ++days;
    }
    return days ? sum / days : meanOf(y, t - kWeekSteps - 2, t - kWeekSteps + 3);
}

// The same over up to four weeks of whatever history exists: households' random appliance
// days average out, leaving the habit of that day type and quarter.
double longDayTypeProfile(const RucheHistory& h, int t, int origin, int dayType)
{
    const auto& y = h.loadKw;
    double sum = 0;
    int days = 0;
    for (int d = 1; d <= 28 && t - 96 * d >= 2; ++d) {
        const int s = t - 96 * d;
        if (calendarOf(h, s).dayType != dayType) continue;
        sum += meanOf(y, s - 1, std::min(s + 2, origin));
        ++days;
    }
    if (days) return sum / days;
    // No day of that type yet (the first days of a history): any day at that time, else the
    // last value before t.
    for (int d = 1; d <= 28 && t - 96 * d >= 2; ++d) {
        sum += meanOf(y, t - 96 * d - 1, std::min(t - 96 * d + 2, origin));
        ++days;
    }
    return days ? sum / days : y[std::clamp(std::min(t, origin) - 1, 0, int(y.size()) - 1)];
}

// Load is forecast as a correction to the ruche's habit (the long same-day-type profile):
// the features say where the habit stands (time of day, day type, the standard profile,
// temperature) and how far the ruche is from it lately (last hour, last day, last week's
// same day). Raw lags are left out: a few weeks of training cannot tell their noise from
// signal, and the network then did worse than the habit alone.
void loadRows(const RucheHistory& h, int origin, double scale, float* out, float* multipliers, float* offsets)
{
    const auto& y = h.loadKw;
    const double inv = 1.0 / scale;
    auto habitAt = [&](int s) { return longDayTypeProfile(h, s, s, calendarOf(h, s).dayType) * inv; };
    double lastHour = 0, lastDay = 0;
    for (int s = origin - 4; s < origin; ++s) lastHour += y[s] * inv - habitAt(s);
    for (int s = origin - 96; s < origin; s += 4) lastDay += meanOf(y, s, s + 4) * inv - habitAt(s + 2);
    lastHour /= 4;
    lastDay /= 24;
    // Seasons move the level within the habit's four weeks (heating fading in spring): scale
    // the habit by how the last week compares with what the habit said for it.
    double weekActual = 0, weekHabit = 0;
    for (int s = origin - kWeekSteps; s < origin; s += 4) {
        weekActual += meanOf(y, s, s + 4) * inv;
        weekHabit += habitAt(s + 2);
    }
    const double levelRatio = weekHabit > 0 ? std::clamp(weekActual / weekHabit, 0.5, 2.0) : 1.0;
    for (int k = 0; k < kHorizonSteps; ++k) {
        const int t = origin + k;
        const Calendar c = calendarOf(h, t);
        const double habit = longDayTypeProfile(h, t, origin, c.dayType) * inv * levelRatio;
        float* f = out + std::size_t(k) * kLoadFeatures;
        const float row[kLoadFeatures] = {
            c.todSin, c.todCos,
            float(2 * c.todSin * c.todCos), float(c.todCos * c.todCos - c.todSin * c.todSin),   // 2nd harmonic
            float(c.dayType == 0), float(c.dayType == 1), float(c.dayType == 2),
            float(k) / kHorizonSteps,
            float(habit),
            float(sameDayTypeProfile(h, t, origin, c.dayType) * inv - habit),
            float(lastHour), float(lastDay),
            float(h.ambientC[t] / 10.0),
            float(c.h0Watts / kH0MeanWatts),
        };
        std::copy(row, row + kLoadFeatures, f);
        multipliers[k] = 1.0f;
        offsets[k] = float(habit);
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

void skyRows(Target target, const RucheHistory& h, int origin, double scale, float* out, float* multipliers,
             float* offsets)
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
        const bool sameDay = c.localDay == originDay;
        // Beyond the origin's local day the sky is a new draw, which a few weeks of history
        // cannot link to today's (they hold a few dozen skies; the network memorised them
        // from today's values and narrowed its band: winter coverage fell to ~60 %, and a
        // bright last week pushed the next days' median up). Those rows see only the sun's
        // geometry and a fixed sky index, so the network learns the next day's climatology.
        const double index = sameDay ? index24 : kClimatologyIndex;
        const double lagValue = sameDay ? y[t - 96] : clear[t - 96] * kClimatologyIndex;
        float* f = out + std::size_t(k) * kSkyFeatures;
        const float row[kSkyFeatures] = {
            c.todSin, c.todCos,
            float(k) / kHorizonSteps,
            float(clear[t] * inv),
            float(clear[t - 96] * inv),
            float(lagValue * inv),
            float(index), float(sameDay ? indexNow : kClimatologyIndex),
            float(sameDay),
        };
        std::copy(row, row + kSkyFeatures, f);
        multipliers[k] = float(clear[t] * inv);
        offsets[k] = 0.0f;
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
                   float* multipliers, float* offsets)
{
    if (origin < kMinHistorySteps || origin > history.steps())
        throw std::invalid_argument("forecast origin step " + std::to_string(origin) + " of ruche " +
                                    history.rucheId + ": needs " + std::to_string(kMinHistorySteps) +
                                    " steps of history before it and at most " + std::to_string(history.steps()));
    if (history.clearSkyPvKw.size() < std::size_t(origin + kHorizonSteps) ||
        history.ambientC.size() < std::size_t(origin + kHorizonSteps))
        throw std::invalid_argument("ruche " + history.rucheId + ": sky arrays shorter than origin + horizon");
    if (target == Target::Load) loadRows(history, origin, scale, features, multipliers, offsets);
    else skyRows(target, history, origin, scale, features, multipliers, offsets);
}

TrainingSet buildTrainingSet(Target target, const RucheHistory& history, double scale, int firstOrigin,
                             int endStep, int originStride)
{
    const int f = featureCount(target);
    TrainingSet set;
    set.featureCount = f;
    const auto& y = measured(target, history);
    std::vector<float> features(std::size_t(kHorizonSteps) * f), multipliers(kHorizonSteps), offsets(kHorizonSteps);
    for (int origin = std::max(firstOrigin, kMinHistorySteps); origin + kHorizonSteps <= endStep; origin += originStride) {
        buildFeatures(target, history, origin, scale, features.data(), multipliers.data(), offsets.data());
        for (int k = 0; k < kHorizonSteps; ++k) {
            if (multipliers[k] <= 1e-4f) continue;
            set.features.insert(set.features.end(), features.begin() + std::size_t(k) * f,
                                features.begin() + std::size_t(k + 1) * f);
            set.multipliers.push_back(multipliers[k]);
            set.offsets.push_back(offsets[k]);
            set.targets.push_back(float(y[origin + k] / scale));
            set.references.push_back(float(y[origin + k - seasonalLagSteps(target)] / scale));
            set.days.push_back(calendarOf(history, origin + k).localDay);
        }
    }
    return set;
}

}  // namespace swarmergy::forecast
