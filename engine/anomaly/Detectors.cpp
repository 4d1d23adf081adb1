#include "engine/anomaly/Detectors.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace swarmergy::anomaly {

namespace {

std::string format(const char* pattern, double a, double b = 0)
{
    char text[160];
    std::snprintf(text, sizeof text, pattern, a, b);
    return text;
}

double median(std::vector<double>& v)
{
    if (v.empty()) return 0;
    const auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

// Mean and standard deviation of a small sample, the deviation floored (few learning days).
struct Spread {
    double mean = 0, sigma = 0;
};
Spread spreadOf(const std::vector<double>& v, double floor)
{
    Spread s;
    if (v.empty()) return {0, floor};
    for (double x : v) s.mean += x;
    s.mean /= double(v.size());
    for (double x : v) s.sigma += (x - s.mean) * (x - s.mean);
    s.sigma = std::max(floor, std::sqrt(s.sigma / double(std::max<std::size_t>(1, v.size() - 1))));
    return s;
}

constexpr int kHabitMeasures = 2;
constexpr double kNotJudged = -1e300;

// One habit measure of one alvéole: learnt levels, their spread (log ratio), recent days.
struct HabitTrack {
    std::vector<double> learnLevels;
    double mean = 0;
    Spread spread;
    double last = 0;      // deviation of the last judged day
    double atAlarm = 0;   // deviation when the alarm rose
    std::vector<double> recent;
};

class DetectorRun {
public:
    DetectorRun(const MeterLog& log, const DetectorOptions& o) : log_(log), o_(o)
    {
        const int n = log.alveoleCount();
        const std::size_t types = std::size_t(n) * kFaultTypeCount;
        active_.assign(types, 0);
        rucheOutage_.assign(log.rucheIds.size(), 0);
        silentRun_.assign(n, 0);
        stuckRun_.assign(n, 0);
        tripRun_.assign(n, 0);
        maxLoadKw_.assign(n, 0);
        dayReported_.assign(n, 0);
        dayPvKwh_.assign(n, 0);
        dayPeerPvKwh_.assign(n, 0);
        dayMissingKwh_.assign(n, 0);
        learnPvDays_.assign(n, {});
        pvExpectedRatio_.assign(n, {0.0, 0.0});
        soilingDays_.assign(n, 0);
        rucheDayYield_.assign(log.rucheIds.size(), 0);
        rucheBestYield_.assign(log.rucheIds.size(), 0);
        tripToday_.assign(n, 0);
        habit_.assign(n, {});
        peerYield_.assign(log.rucheIds.size(), 0);
        dayMeterRatios_.assign(n, {});
        otherMeterFaultToday_.assign(n, 0);
        dayLoads_.assign(n, {});

    }

    std::vector<ConditionEvent> run()
    {
        for (int s = 0; s < log_.steps; ++s) {
            computePeerYield(s);
            stepDetectors(s);
            accumulateDay(s);
            if (s + 1 == log_.steps || log_.localDay(s + 1) != log_.localDay(s)) endOfDay(s);
        }
        return std::move(events_);
    }

private:
    bool learning(int s) const { return s < o_.learnSteps; }
    std::size_t habitGroup(int i) const
    {
        return 2 * std::size_t(log_.alveoles[i].ruche) + (log_.alveoles[i].heatPump ? 1 : 0);
    }
    std::uint8_t& flag(int i, FaultType t) { return active_[std::size_t(i) * kFaultTypeCount + int(t)]; }
    bool meterInAlarm(int i)
    {
        for (FaultType t : {FaultType::StuckMeter, FaultType::DriftingMeter, FaultType::Spike, FaultType::HabitChange})
            if (flag(i, t)) return true;
        return false;
    }

    void emit(int s, FaultType type, int i, bool active, std::string message)
    {
        if (i >= 0) {
            if (flag(i, type) == std::uint8_t(active)) return;
            flag(i, type) = active;
            events_.push_back({s, type, i, log_.alveoles[i].ruche, active, std::move(message)});
        }
    }

    // Median specific yield (kW per kWp) of the ruche's reporting PV homes this step.
    void computePeerYield(int s)
    {
        std::vector<std::vector<double>> yields(log_.rucheIds.size());
        for (int i = 0; i < log_.alveoleCount(); ++i) {
            const AlveoleAssets& a = log_.alveoles[i];
            if (a.pvPeakKw > 0 && log_.reported[log_.at(s, i)]) yields[a.ruche].push_back(log_.pvKw[log_.at(s, i)] / a.pvPeakKw);
        }
        for (std::size_t r = 0; r < yields.size(); ++r) {
            peerYield_[r] = yields[r].size() >= 3 ? median(yields[r]) : 0;
            if (peerYield_[r] > 0.05) rucheDayYield_[r] += peerYield_[r] * log_.stepHours();
        }
    }

    // What the hub's other meters say the load was (energy balance at the connection).
    double impliedLoadKw(std::size_t k) const
    {
        return log_.pvUsedKw[k] + log_.dischargeKw[k] - log_.chargeKw[k] - log_.netKw[k];
    }

    void stepDetectors(int s)
    {
        silence(s);
        if (learning(s)) {
            for (int i = 0; i < log_.alveoleCount(); ++i)
                if (log_.reported[log_.at(s, i)]) maxLoadKw_[i] = std::max(maxLoadKw_[i], log_.loadKw[log_.at(s, i)]);
            return;
        }
        for (int i = 0; i < log_.alveoleCount(); ++i) {
            if (!log_.reported[log_.at(s, i)]) continue;
            stuck(s, i);
            spike(s, i);
            if (flag(i, FaultType::StuckMeter) || flag(i, FaultType::Spike)) otherMeterFaultToday_[i] = 1;
            inverterTrip(s, i);
            if (flag(i, FaultType::InverterTrip)) tripToday_[i] = 1;
        }
    }

    void silence(int s)
    {
        std::vector<int> silent(log_.rucheIds.size(), 0), members(log_.rucheIds.size(), 0);
        for (int i = 0; i < log_.alveoleCount(); ++i) {
            const int r = log_.alveoles[i].ruche;
            ++members[r];
            if (log_.reported[log_.at(s, i)]) {
                silentRun_[i] = 0;
                emit(s, FaultType::HubSilent, i, false, "hub reports again");
                continue;
            }
            ++silent[r];
            if (++silentRun_[i] == o_.silentSteps)
                emit(s, FaultType::HubSilent, i, true, format("no reading for %.0f min", silentRun_[i] * log_.stepMinutes));
        }
        // Children first, then the ruche (the alarm model lifts suppression on the ruche's clear).
        for (std::size_t r = 0; r < members.size(); ++r) {
            const double share = members[r] ? double(silent[r]) / members[r] : 0;
            auto& state = rucheOutage_[r];
            if (share >= o_.outageShare) {
                if (state < 0) state = 0;
                if (++state == 2)
                    events_.push_back({s, FaultType::RucheOutage, -1, int(r), true,
                                       format("%.0f %% of the ruche's hubs silent", 100 * share)});
            } else if (share < 0.5 && state != 0) {
                if (state >= 2) events_.push_back({s, FaultType::RucheOutage, -1, int(r), false, "ruche reports again"});
                state = 0;
            }
        }
    }

    void stuck(int s, int i)
    {
        const bool same = s > 0 && log_.reported[log_.at(s - 1, i)] &&
                          log_.loadKw[log_.at(s, i)] == log_.loadKw[log_.at(s - 1, i)];
        stuckRun_[i] = same ? stuckRun_[i] + 1 : 0;
        if (!same) emit(s, FaultType::StuckMeter, i, false, "load reading moves again");
        else if (stuckRun_[i] + 1 >= o_.stuckSteps && !meterInAlarm(i))
            emit(s, FaultType::StuckMeter, i, true, format("load reading fixed at %.3f kW for %.0f steps",
                                                           log_.loadKw[log_.at(s, i)], stuckRun_[i] + 1));
    }

    // A spike is a reading far above both what the hub's other meters imply and anything
    // learned: a real appliance peak balances, a meter glitch does not.
    void spike(int s, int i)
    {
        const std::size_t k = log_.at(s, i);
        const double kw = log_.loadKw[k];
        const double limit = std::max(maxLoadKw_[i], impliedLoadKw(k) + o_.spikeMarginKw);
        if (kw > limit && !flag(i, FaultType::Spike) && !meterInAlarm(i))
            emit(s, FaultType::Spike, i, true, format("load reading %.1f kW, above the learned maximum %.1f kW", kw, maxLoadKw_[i]));
        else if (kw <= limit)
            emit(s, FaultType::Spike, i, false, "load reading plausible again");
    }

    void inverterTrip(int s, int i)
    {
        const AlveoleAssets& a = log_.alveoles[i];
        if (a.pvPeakKw <= 0) return;
        const double peer = peerYield_[a.ruche];
        // A healthy inverter gives something from diffuse light alone; winter noons under
        // overcast skies yield only 0.05-0.15 kW/kWp, so the floor is low.
        if (peer < o_.tripPeerKwPerKwp) return;   // too little sun to judge
        const double own = log_.pvKw[log_.at(s, i)] / a.pvPeakKw;
        if (own < 0.01 && own < 0.1 * peer) {
            if (++tripRun_[i] == 3)
                emit(s, FaultType::InverterTrip, i, true, format("no PV output while neighbours yield %.2f kW/kWp", peer));
        } else {
            tripRun_[i] = 0;
            if (own > 0.3 * peer) emit(s, FaultType::InverterTrip, i, false, "PV output back");
        }
    }

    void accumulateDay(int s)
    {
        const double dt = log_.stepHours();
        ++stepsToday_;
        for (int i = 0; i < log_.alveoleCount(); ++i) {
            const std::size_t k = log_.at(s, i);
            if (!log_.reported[k]) continue;
            const AlveoleAssets& a = log_.alveoles[i];
            ++dayReported_[i];
            const double impliedKw = impliedLoadKw(k);
            dayLoads_[i].push_back(log_.loadKw[k]);
            if (impliedKw > 0.2) dayMeterRatios_[i].push_back(log_.loadKw[k] / impliedKw);
            if (a.pvPeakKw > 0 && peerYield_[a.ruche] > 0.05) {
                dayPvKwh_[i] += log_.pvKw[k] * dt;
                dayPeerPvKwh_[i] += peerYield_[a.ruche] * a.pvPeakKw * dt;
            }
            if (a.batteryCapacityKwh > 0 && s > 0 && log_.reported[log_.at(s - 1, i)]) {
                // Coulomb counting: what the reported flows should have done to the level. A
                // faded store saturates early (charge lost) and empties early (discharge
                // reported from an empty store).
                const double expected = (log_.chargeKw[k] * a.etaCharge - log_.dischargeKw[k] / a.etaDischarge) * dt;
                dayMissingKwh_[i] += std::fabs(expected - (log_.socKwh[k] - log_.socKwh[log_.at(s - 1, i)]));
            }
        }
    }

    void endOfDay(int s)
    {
        const int fullDay = 1440 / log_.stepMinutes;
        const bool complete = stepsToday_ == fullDay;
        stepsToday_ = 0;
        // How clear today was at each ruche: its peers' yield against the best day seen so
        // far (a clear day of the season). The sky's beam share sets how a home's orientation
        // compares with its peers', so the expected ratio is learnt as a function of it.
        for (std::size_t r = 0; r < rucheDayYield_.size(); ++r) rucheBestYield_[r] = std::max(rucheBestYield_[r], rucheDayYield_[r]);
        if (learning(s)) {
            // Learning days are stored whole and judged once the week is over, so that the
            // spread is measured against the learned means, not against running ones.
            if (complete) learnDay();
            else resetDay();   // a partial first day: nothing learnt from it
            return;
        }
        if (!learned_) finishLearning();
        // Per habit measure, the ruche's factor today: median over its homes of today's level
        // against the learned one (seasons and weekends move every home together). Homes with
        // a heat pump get their own factor: a cold day (or November's first frosts) moves
        // them all together, and far more than the others.
        std::array<std::vector<double>, kHabitMeasures> deviations;
        for (int m = 0; m < kHabitMeasures; ++m) {
            std::vector<std::vector<double>> factors(2 * log_.rucheIds.size());
            std::vector<double> level(log_.alveoleCount(), 0);
            for (int i = 0; i < log_.alveoleCount(); ++i) {
                const HabitTrack& track = habit_[i][m];
                if (!complete || dayReported_[i] != fullDay || track.mean <= 0) continue;
                level[i] = habitLevel(m, dayLoads_[i]);
                factors[habitGroup(i)].push_back(level[i] / track.mean);
            }
            std::vector<double> groupFactor(factors.size(), 1.0);
            for (std::size_t g = 0; g < factors.size(); ++g)
                if (factors[g].size() >= 3) groupFactor[g] = median(factors[g]);
            deviations[m].assign(log_.alveoleCount(), kNotJudged);
            for (int i = 0; i < log_.alveoleCount(); ++i) {
                const double factor = groupFactor[habitGroup(i)];
                const HabitTrack& track = habit_[i][m];
                if (level[i] > 0) deviations[m][i] = std::log(level[i] / (track.mean * factor)) - track.spread.mean;
            }
        }
        for (int i = 0; i < log_.alveoleCount(); ++i) {
            if (deviations[0][i] != kNotJudged) judgeLoadDay(s, i, {deviations[0][i], deviations[1][i]});
            if (log_.alveoles[i].pvPeakKw > 0) judgePvDay(s, i);
            if (log_.alveoles[i].batteryCapacityKwh > 0) judgeBatteryDay(s, i);
        }
        resetDay();
    }

    void resetDay()
    {
        std::fill(rucheDayYield_.begin(), rucheDayYield_.end(), 0.0);
        for (int i = 0; i < log_.alveoleCount(); ++i) {
            dayPvKwh_[i] = dayPeerPvKwh_[i] = dayMissingKwh_[i] = 0;
            tripToday_[i] = 0;
            dayReported_[i] = 0;
            dayMeterRatios_[i].clear();
            otherMeterFaultToday_[i] = 0;
            dayLoads_[i].clear();
        }
    }

    // Two measures of a day's habit, each robust to what fools the other: the median load
    // (EV sessions and appliance bursts of a few hours do not move it, but it jumps when a heat
    // pump's duty crosses one half) and the mean without the highest 15 % of readings (moves
    // smoothly with a heat pump's duty, but a long EV session shifts it). A tamper or a failing
    // appliance running all day moves both.
    static double habitLevel(int measure, std::vector<double>& loads)
    {
        if (measure == 0) return median(loads);
        const std::size_t keep = std::max<std::size_t>(1, loads.size() * 85 / 100);
        std::nth_element(loads.begin(), loads.begin() + std::ptrdiff_t(keep - 1), loads.end());
        double sum = 0;
        for (std::size_t k = 0; k < keep; ++k) sum += loads[k];
        return sum / double(keep);
    }

    void learnDay()
    {
        for (int i = 0; i < log_.alveoleCount(); ++i) {
            if (!dayLoads_[i].empty())
                for (int m = 0; m < kHabitMeasures; ++m) habit_[i][m].learnLevels.push_back(habitLevel(m, dayLoads_[i]));
            const double peakKw = log_.alveoles[i].pvPeakKw;
            if (peakKw > 0 && dayPeerPvKwh_[i] > 0)
                learnPvDays_[i].push_back({clearness(log_.alveoles[i].ruche), dayPvKwh_[i] / dayPeerPvKwh_[i], dayPeerPvKwh_[i] / peakKw});
        }
        resetDay();
    }

    void finishLearning()
    {
        learned_ = true;
        for (int i = 0; i < log_.alveoleCount(); ++i) {
            for (HabitTrack& track : habit_[i]) {
                track.mean = spreadOf(track.learnLevels, 0).mean;
                std::vector<double> z;
                for (double level : track.learnLevels)
                    if (level > 0 && track.mean > 0) z.push_back(std::log(level / track.mean));
                track.spread = spreadOf(z, 0.05);
            }
            for (int sky : {kClearSky, kDullSky}) pvExpectedRatio_[i][sky] = learntPvRatio(learnPvDays_[i], sky);
        }
    }

    // Far from the learned habit, and abruptly so: a tamper or a failing appliance changes the
    // level from one day to the next, while seasons (heat pumps in winter) move it gradually,
    // so the day is also compared with the days judged just before it.
    void judgeLoadDay(int s, int i, std::array<double, kHabitMeasures> deviation)
    {
        judgeMeterBalance(s, i);
        // A frozen register or a spike moved today's level, not the household's habit; the
        // day is left out of the recent days too.
        if (otherMeterFaultToday_[i]) return;
        bool returned = false;
        std::array<bool, kHabitMeasures> jumped{}, confirms{};
        for (int m = 0; m < kHabitMeasures; ++m) {
            HabitTrack& track = habit_[i][m];
            const double sigma = track.spread.sigma, d = deviation[m];
            // Reference: the median of the three days before yesterday (yesterday may be the
            // onset day, already half changed), the learnt habit while there are none.
            std::vector<double> before(track.recent.begin(), track.recent.end() - (track.recent.empty() ? 0 : 1));
            const double reference = before.empty() ? 0.0 : median(before);
            track.recent.push_back(d);
            if (track.recent.size() > 4) track.recent.erase(track.recent.begin());
            const double jumpMin = std::max(4 * sigma, 0.6);
            const bool abrupt = std::fabs(d - reference) > jumpMin;
            const bool far = std::fabs(d) > std::max(o_.habitSigmas * sigma, o_.habitMinLogRatio);
            const bool farAgain = std::fabs(d) > std::max(3 * sigma, 0.5) && std::fabs(track.last) > std::max(3 * sigma, 0.5) &&
                                  (d > 0) == (track.last > 0);
            track.last = d;
            // The median of a heat-pump home jumps for a single cold day when the duty crosses
            // one half: when it leads, it must have been far two days running.
            jumped[m] = abrupt && (m == 0 ? far && farAgain : far || farAgain);
            // Confirming only needs the direction and a clear move: a measure that is noisy for
            // this home (the median of a heat-pump home, the trimmed mean when heating came and
            // went in the learning week) cannot be asked to jump by its own spread.
            confirms[m] = std::fabs(d) > std::max(std::min(2 * sigma, 0.6), 0.5) &&
                          (d > 0) == (deviation[1 - m] > 0);
            returned = returned || std::fabs(d) < 2 * sigma || std::fabs(d - track.atAlarm) > jumpMin;
        }
        // One measure must jump far and abruptly, the other confirm: an EV session moves the
        // trimmed mean but never the median; a heat pump's duty crossing one half moves the
        // median but hardly the trimmed mean.
        const bool changed = (jumped[1] && confirms[0]) || (jumped[0] && confirms[1]);
        if (flag(i, FaultType::HabitChange)) {
            if (returned) emit(s, FaultType::HabitChange, i, false, "consumption back to habit");
            return;
        }
        if (meterInAlarm(i) || !changed) return;
        for (HabitTrack& track : habit_[i]) track.atAlarm = track.last;
        emit(s, FaultType::HabitChange, i, true,
             format("daily consumption %.0f %% of the learned habit (%.1f sigma)", 100 * std::exp(deviation[1]),
                    deviation[1] / habit_[i][1].spread.sigma));
    }

    // The load meter against the hub's other meters: a median ratio away from 1 over a day is
    // a calibration drift (spikes and a stuck register have their own detectors).
    void judgeMeterBalance(int s, int i)
    {
        std::vector<double>& ratios = dayMeterRatios_[i];
        // A day with a stuck register or a spike says nothing about calibration.
        if (ratios.size() < 8 || otherMeterFaultToday_[i]) return;
        const double ratio = median(ratios);
        if (flag(i, FaultType::DriftingMeter)) {
            if (std::fabs(ratio - 1) < 0.03) emit(s, FaultType::DriftingMeter, i, false, "load meter agrees with the hub again");
        } else if (std::fabs(ratio - 1) > 0.08 && !meterInAlarm(i)) {
            emit(s, FaultType::DriftingMeter, i, true,
                 format("load meter reads %.0f %% of what the hub's other meters imply", 100 * ratio));
        }
    }

    struct PvDay {
        double clearness, ratio, peerKwhPerKwp;
    };

    // How clear today was at a ruche: its peers' yield against the best day seen so far.
    double clearness(int ruche) const
    {
        return rucheBestYield_[ruche] > 0 ? rucheDayYield_[ruche] / rucheBestYield_[ruche] : 0;
    }

    // The two kinds of day PV is judged on: clear ones (at least pvMinClearness of the best
    // day seen at the ruche, so the low winter sun still has some) and dull ones (below
    // pvMaxDullness: diffuse light, which every orientation sees alike, so a home's ratio to
    // its peers hardly moves). Days in between (broken clouds: when the sun shone, morning or
    // afternoon, decides how an east or west roof fares) and dark days are not judged.
    static constexpr int kClearSky = 0, kDullSky = 1, kUnjudgedSky = -1;
    int skyOf(double clearnessToday, double peerKwhPerKwp) const
    {
        if (peerKwhPerKwp < o_.pvDayMinKwhPerKwp) return kUnjudgedSky;
        if (clearnessToday >= o_.pvMinClearness) return kClearSky;
        return clearnessToday < o_.pvMaxDullness ? kDullSky : kUnjudgedSky;
    }

    // A home's ratio of yield to its peers' on the learning days of that kind, energy-weighted
    // (0: no such day, that kind is not judged for this home).
    double learntPvRatio(const std::vector<PvDay>& days, int sky) const
    {
        double weighted = 0, weight = 0;
        for (const PvDay& d : days)
            if (skyOf(d.clearness, d.peerKwhPerKwp) == sky) {
                weighted += d.ratio * d.peerKwhPerKwp;
                weight += d.peerKwhPerKwp;
            }
        return weight > 0 ? weighted / weight : 0.0;
    }

    // PV yield against what the ruche's sky allowed this home (its learnt ratio to the peers on
    // that kind of day). Two low judged days raise the alarm. The expected ratio follows normal
    // days slowly: the sun's path moves in spring and autumn, and with it how an east- or
    // west-facing roof compares with its neighbours. Days with an inverter trip are left out
    // (the trip has its own alarm).
    void judgePvDay(int s, int i)
    {
        const AlveoleAssets& a = log_.alveoles[i];
        const int sky = skyOf(clearness(a.ruche), dayPeerPvKwh_[i] / a.pvPeakKw);
        if (sky == kUnjudgedSky || pvExpectedRatio_[i][sky] <= 0 || tripToday_[i] || flag(i, FaultType::InverterTrip))
            return;
        double& expected = pvExpectedRatio_[i][sky];
        const double ratio = dayPvKwh_[i] / dayPeerPvKwh_[i];
        const double relative = ratio / expected;
        if (relative < o_.soilingRatio && relative > 0.05) {
            if (++soilingDays_[i] >= 2)
                emit(s, FaultType::PvSoiling, i, true,
                     format(sky == kClearSky ? "PV yield %.0f %% of what its neighbours' sky allows (clear day)"
                                             : "PV yield %.0f %% of what its neighbours' sky allows (dull day)",
                            100 * relative));
            return;
        }
        soilingDays_[i] = 0;
        expected += o_.pvRatioAdaptation * (ratio - expected);
        if (relative > 0.9) emit(s, FaultType::PvSoiling, i, false, "PV yield back to normal");
    }

    void judgeBatteryDay(int s, int i)
    {
        const double capacity = log_.alveoles[i].batteryCapacityKwh;
        // Latched: capacity does not come back by itself; the operator clears it after service.
        if (dayMissingKwh_[i] > 0.1 * capacity)
            emit(s, FaultType::BatteryFade, i, true,
                 format("the store's level missed %.1f kWh of the reported flows today (%.0f %% of nameplate)",
                        dayMissingKwh_[i], 100 * dayMissingKwh_[i] / capacity));
    }

    const MeterLog& log_;
    DetectorOptions o_;
    std::vector<ConditionEvent> events_;
    std::vector<std::uint8_t> active_;
    std::vector<int> rucheOutage_, silentRun_, stuckRun_, tripRun_, dayReported_;
    std::vector<double> maxLoadKw_, dayPvKwh_, dayPeerPvKwh_, dayMissingKwh_;
    std::vector<std::vector<PvDay>> learnPvDays_;
    std::vector<std::array<double, 2>> pvExpectedRatio_;   // clear, dull days
    std::vector<double> rucheDayYield_, rucheBestYield_;
    std::vector<int> soilingDays_;
    std::vector<std::uint8_t> tripToday_;
    std::vector<double> peerYield_;
    std::vector<std::array<HabitTrack, kHabitMeasures>> habit_;
    std::vector<std::vector<double>> dayMeterRatios_, dayLoads_;
    std::vector<std::uint8_t> otherMeterFaultToday_;

    int stepsToday_ = 0;
    bool learned_ = false;
};

}  // namespace

std::vector<ConditionEvent> detectConditions(const MeterLog& log, const DetectorOptions& options)
{
    if (log.steps < options.learnSteps + 96)
        throw std::invalid_argument("detectConditions: the log has " + std::to_string(log.steps) +
                                    " steps, needs the learning period (" + std::to_string(options.learnSteps) +
                                    ") plus a day");
    return DetectorRun(log, options).run();
}

}  // namespace swarmergy::anomaly
