#include "engine/simulation/HouseholdModel.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "engine/simulation/Calendar.h"
#include "engine/simulation/H0Profile.h"
#include "engine/simulation/Random.h"

namespace swarmergy::simulation {
namespace {

// Stream tags so that every random decision draws from its own counter space.
enum Stream : std::uint64_t {
    kLoadNoise = 1, kPvNoise, kHeatPumpDuty, kLunch, kDinner, kWash, kEv, kCloudStart, kCloudStep,
};

struct RegimeParams {
    double meanIndex;
    double noise;      // +/- amplitude of the step-to-step flicker within the regime
    double stay;       // probability to keep the regime for one more step
};
// Clear-sky index levels after typical values for central Europe (clear ~0.95, broken cloud
// ~0.7, overcast ~0.35, dark ~0.15); persistence gives regimes lasting hours.
constexpr RegimeParams kRegimes[4] = {
    {0.95, 0.03, 0.97}, {0.70, 0.18, 0.93}, {0.38, 0.08, 0.96}, {0.17, 0.05, 0.95},
};

// Probability of each regime at local midnight, by H0 season (winter, summer, transition).
constexpr double kStartRegime[3][4] = {
    {0.15, 0.25, 0.40, 0.20}, {0.45, 0.30, 0.20, 0.05}, {0.30, 0.30, 0.30, 0.10},
};

constexpr double kSpikeProbability = 0.02;   // kettle, oven, hair dryer in a step
constexpr double kSpikeKw = 1.5;

// Cooking and washing are part of what H0 describes, so their expected yearly energy is taken
// out of the smooth base: annualKwh stays the household's total without heat pump and EV.
// Expectations follow the draws in scheduleHousehold (durations rounded down to quarters).
constexpr double kCookMeanKw = 1.5;
constexpr double kLunchProbability = (5 * 0.4 + 2 * 0.85) / 7;
constexpr double kCookHoursPerDay = kLunchProbability * 0.75 + 0.9 * 0.75;
constexpr double kWashMeanKw = 1.2;
constexpr double kWashProbability = (5 * 0.35 + 2 * 0.5) / 7;
constexpr double kWashHoursPerDay = kWashProbability * 2.0;

double baseShare(const HouseholdProfile& h) {
    const double applianceKwh = 365.0 * ((h.cooking ? kCookMeanKw * kCookHoursPerDay : 0.0) +
                                         (h.washing ? kWashMeanKw * kWashHoursPerDay : 0.0));
    return std::max(0.4, 1.0 - applianceKwh / h.annualKwh);
}

bool within(int minute, std::int32_t start, std::int32_t end) {
    return minute >= start && minute < end;
}

std::int32_t roundToQuarter(double minutes) {
    return static_cast<std::int32_t>(std::floor(minutes / 15.0)) * 15;
}

}  // namespace

HouseholdModel::HouseholdModel(const Fleet& fleet)
    : seed_(fleet.options.seed),
      stepMinutes_(fleet.options.stepMinutes),
      utcOffsetMinutes_(fleet.options.utcOffsetMinutes),
      sites_(fleet.sites),
      skies_(fleet.sites.size()),
      clouds_(fleet.sites.size()) {
    const std::size_t n = fleet.households.size();
    auto sized = [n](auto& v) { v.assign(n, {}); };
    for (auto* v : {&annualKwh_, &criticalShare_, &deferrableShare_, &pvPeakKw_,
                    &performanceRatio_, &normalEast_, &normalNorth_, &normalUp_, &skyView_,
                    &groundView_, &heatPumpKw_, &evKw_, &cookKw_, &washKw_}) {
        sized(*v);
    }
    for (auto* v : {&lunchStart_, &lunchEnd_, &dinnerStart_, &dinnerEnd_, &washStart_, &washEnd_,
                    &evStart_, &evEnd_, &evCarryEnd_}) {
        sized(*v);
    }
    sized(key_);
    sized(cooking_);
    sized(washing_);
    for (std::size_t i = 0; i < n; ++i) {
        const HouseholdProfile& h = fleet.households[i];
        key_[i] = hashKey(seed_, 0x486f757365ULL, i);
        annualKwh_[i] = h.annualKwh * baseShare(h);
        criticalShare_[i] = h.criticalShare;
        deferrableShare_[i] = h.deferrableShare;
        pvPeakKw_[i] = h.pvPeakKw;
        performanceRatio_[i] = h.performanceRatio;
        const PanelGeometry panel = panelGeometry(h.tiltDeg, h.azimuthDeg);
        normalEast_[i] = panel.normalEast;
        normalNorth_[i] = panel.normalNorth;
        normalUp_[i] = panel.normalUp;
        skyView_[i] = panel.skyViewFactor;
        groundView_[i] = panel.groundViewFactor;
        heatPumpKw_[i] = h.heatPump ? h.heatPumpKw : 0.0;
        evKw_[i] = h.electricVehicle ? h.evChargeKw : 0.0;
        cooking_[i] = h.cooking;
        washing_[i] = h.washing;
    }
}

void HouseholdModel::scheduleHousehold(std::size_t i, std::int64_t day) {
    const std::uint64_t key = key_[i];
    const auto u = [key, day](Stream stream, std::uint64_t k) {
        return uniform(key, static_cast<std::uint64_t>(day) * 16 + stream, k);
    };
    const H0DayType dayType = h0DayTypeOf(civilFromDays(day));
    const bool weekend = dayType != H0DayType::Workday;

    lunchStart_[i] = lunchEnd_[i] = dinnerStart_[i] = dinnerEnd_[i] = 0;
    if (cooking_[i]) {
        cookKw_[i] = kCookMeanKw * (0.67 + 0.66 * u(kLunch, 3));
        if (u(kLunch, 0) < (weekend ? 0.85 : 0.4)) {   // kLunchProbability
            lunchStart_[i] = roundToQuarter(690 + 90 * u(kLunch, 1));
            lunchEnd_[i] = lunchStart_[i] + roundToQuarter(30 + 45 * u(kLunch, 2));   // 30..60 min
        }
        if (u(kDinner, 0) < 0.9) {
            dinnerStart_[i] = roundToQuarter(1080 + 120 * u(kDinner, 1));
            dinnerEnd_[i] = dinnerStart_[i] + roundToQuarter(30 + 45 * u(kDinner, 2));
        }
    }
    washStart_[i] = washEnd_[i] = 0;
    if (washing_[i] && u(kWash, 0) < (weekend ? 0.5 : 0.35)) {
        washStart_[i] = roundToQuarter(480 + 780 * u(kWash, 1));
        washEnd_[i] = washStart_[i] + roundToQuarter(90 + 75 * u(kWash, 2));   // 90..150 min
        washKw_[i] = kWashMeanKw * (0.67 + 0.66 * u(kWash, 3));
    }
    // An EV plugs in on arrival and charges its session energy; sessions can run past midnight,
    // so yesterday's session is evaluated too and its overflow kept as a carry window.
    evStart_[i] = evEnd_[i] = evCarryEnd_[i] = 0;
    if (evKw_[i] > 0) {
        const auto session = [&](std::int64_t d, std::int32_t& start, std::int32_t& end) {
            const auto v = [key, d](std::uint64_t k) {
                return uniform(key, static_cast<std::uint64_t>(d) * 16 + kEv, k);
            };
            start = end = 0;
            if (v(0) >= 0.55) return;
            const double energyKwh = 4 + 14 * v(2);
            start = roundToQuarter(1020 + 180 * v(1));
            end = start + 15 * static_cast<std::int32_t>(std::ceil(energyKwh / evKw_[i] * 4));
        };
        std::int32_t prevStart = 0, prevEnd = 0;
        session(day - 1, prevStart, prevEnd);
        evCarryEnd_[i] = std::max(0, prevEnd - 1440);
        session(day, evStart_[i], evEnd_[i]);
    }
}

void HouseholdModel::updateDaySchedules(std::int64_t day) {
    if (day == scheduledDay_) return;
    for (std::size_t i = 0; i < key_.size(); ++i) scheduleHousehold(i, day);
    scheduledDay_ = day;
}

void HouseholdModel::advanceClouds(int ruche, std::int64_t day, std::int64_t stepOfDay,
                                   std::int64_t absoluteStep) {
    CloudState& c = clouds_[ruche];
    const std::uint64_t key = hashKey(seed_, 0x436c6f7564ULL, static_cast<std::uint64_t>(ruche));
    const auto transition = [&](std::int64_t absStep) {
        const std::uint64_t bits = hashKey(key, kCloudStep, static_cast<std::uint64_t>(absStep));
        const int r = static_cast<int>(c.regime);
        if (unitFromBits(bits) >= kRegimes[r].stay) {
            const bool up = (bits & 1) != 0;
            c.regime = static_cast<CloudRegime>(std::clamp(r + (up ? 1 : -1), 0, 3));
        }
    };
    if (c.day != day || c.stepOfDay > stepOfDay) {
        // Restart at local midnight with a seasonal draw, then replay today's transitions.
        const int season = static_cast<int>(h0SeasonOf(civilFromDays(day)));
        double u = uniform(key, kCloudStart, static_cast<std::uint64_t>(day));
        int r = 0;
        while (r < 3 && u >= kStartRegime[season][r]) u -= kStartRegime[season][r++];
        c.regime = static_cast<CloudRegime>(r);
        c.day = day;
        c.stepOfDay = 0;
    }
    const std::int64_t midnightStep = absoluteStep - stepOfDay;
    while (c.stepOfDay < stepOfDay) transition(midnightStep + ++c.stepOfDay);
    const RegimeParams& p = kRegimes[static_cast<int>(c.regime)];
    const double flicker = 2 * uniform(key, kCloudStep + 100, static_cast<std::uint64_t>(absoluteStep)) - 1;
    c.index = std::clamp(p.meanIndex + p.noise * flicker, 0.1, 1.0);
}

void HouseholdModel::compute(std::int64_t stepStartUtc, const HouseholdInputs& out) {
    const std::size_t n = key_.size();
    if (out.loadKw.size() != n || out.criticalKw.size() != n || out.deferrableKw.size() != n ||
        out.pvKw.size() != n) {
        throw std::invalid_argument("HouseholdModel::compute: output spans must have " +
                                    std::to_string(n) + " elements");
    }
    const std::int64_t stepSeconds = stepMinutes_ * 60LL;
    const std::int64_t localSeconds = stepStartUtc + utcOffsetMinutes_ * 60LL;
    const std::int64_t day = floorDiv(localSeconds, 86400);
    const int minuteOfDay = static_cast<int>((localSeconds - day * 86400) / 60);
    const std::int64_t absStep = floorDiv(stepStartUtc, stepSeconds);
    const std::int64_t stepOfDay = (localSeconds - day * 86400) / stepSeconds;
    updateDaySchedules(day);

    // H0 in W per 1,000 kWh/yr -> kW per kWh/yr of the household: x 1e-3 (per kWh) x 1e-3 (kW).
    const double baseKwPerAnnualKwh = h0DynamicWatts(civilFromDays(day), minuteOfDay / 15) * 1e-6;
    for (int r = 0; r < static_cast<int>(sites_.size()); ++r) {
        advanceClouds(r, day, stepOfDay, absStep);
        // Sun at the middle of the step: the step's average is closer to it than to its start.
        skies_[r] = skyState(stepStartUtc + stepSeconds / 2, sites_[r].latitudeDeg,
                             sites_[r].longitudeDeg, clouds_[r].index);
        computeRuche(r, baseKwPerAnnualKwh, minuteOfDay, absStep, out);
    }
}

void HouseholdModel::computeRuche(int r, double baseKwPerAnnualKwh, int minute,
                                  std::int64_t absStep, const HouseholdInputs& out) const {
    const SkyState& sky = skies_[r];
    const bool sunUp = sky.ghi > 0;
    // Heat pumps run a share of the time that grows as it gets colder (none above 15 C).
    const double heatDuty = std::clamp((15.0 - sky.ambientC) / 20.0, 0.0, 1.0);
    const auto step = static_cast<std::uint64_t>(absStep);
    const std::size_t begin = static_cast<std::size_t>(sites_[r].firstAlveole);
    const std::size_t end = begin + static_cast<std::size_t>(sites_[r].alveoleCount);
    for (std::size_t i = begin; i < end; ++i) {
        const std::uint64_t bits = hashKey(key_[i], kLoadNoise, step);
        // Mean-preserving noise on the smooth profile (0.6..1.4) and a rare short spike.
        const double base = annualKwh_[i] * baseKwPerAnnualKwh * (0.6 + 0.8 * unitFromBits(bits));
        const double spike = (bits & 0xFFFFF) < kSpikeProbability * 0x100000 ? kSpikeKw : 0.0;
        const double cook = (within(minute, lunchStart_[i], lunchEnd_[i]) ||
                             within(minute, dinnerStart_[i], dinnerEnd_[i])) ? cookKw_[i] : 0.0;
        const double wash = within(minute, washStart_[i], washEnd_[i]) ? washKw_[i] : 0.0;
        const double ev = (within(minute, evStart_[i], evEnd_[i]) || minute < evCarryEnd_[i])
                              ? evKw_[i] : 0.0;
        double heat = 0;
        if (heatPumpKw_[i] > 0 && heatDuty > 0 &&
            uniform(key_[i], kHeatPumpDuty, step) < heatDuty) {
            heat = heatPumpKw_[i];
        }
        out.loadKw[i] = base + spike + cook + wash + ev + heat;
        out.criticalKw[i] = base * criticalShare_[i];
        out.deferrableKw[i] = base * deferrableShare_[i] + wash + ev;

        double pv = 0;
        if (sunUp && pvPeakKw_[i] > 0) {
            const double cosIncidence = normalEast_[i] * sky.sun.east +
                                        normalNorth_[i] * sky.sun.north + normalUp_[i] * sky.sun.up;
            const double beam = cosIncidence > 0 ? sky.dni * cosIncidence : 0.0;
            const double poa = beam + sky.dhi * skyView_[i] + sky.ghi * groundView_[i];
            // Small per-home noise on the shared sky (+/- 4 %): local shading, soiling, haze.
            const double noise = 1.0 + 0.08 * (uniform(key_[i], kPvNoise, step) - 0.5);
            pv = pvAcPowerKw(pvPeakKw_[i], poa * noise, performanceRatio_[i], sky.ambientC);
        }
        out.pvKw[i] = pv;
    }
}

}  // namespace swarmergy::simulation
