#include "app/LearningService.h"

#include <utility>

#include <QDir>
#include <QMetaObject>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <set>
#include <stdexcept>

#include "engine/anomaly/DetectionScore.h"
#include "engine/forecast/Evaluation.h"
#include "engine/forecast/Features.h"

namespace swarmergy::app {

namespace {

constexpr std::int64_t kDaySeconds = 86'400;

// Appends steps [from, chunk.steps) of one structure-of-arrays log to another.
void appendSteps(anomaly::MeterLog& log, const anomaly::MeterLog& chunk, int from) {
    const std::size_t begin = chunk.at(from, 0), end = chunk.at(chunk.steps, 0);
    auto add = [&](auto& to, const auto& source) { to.insert(to.end(), source.begin() + begin, source.begin() + end); };
    add(log.loadKw, chunk.loadKw);
    add(log.pvKw, chunk.pvKw);
    add(log.pvUsedKw, chunk.pvUsedKw);
    add(log.chargeKw, chunk.chargeKw);
    add(log.dischargeKw, chunk.dischargeKw);
    add(log.socKwh, chunk.socKwh);
    add(log.netKw, chunk.netKw);
    add(log.reported, chunk.reported);
    log.steps += chunk.steps - from;
}

// Drops the oldest steps so that at most keepSteps remain (the detectors' rolling window).
void trimFront(anomaly::MeterLog& log, int keepSteps) {
    const int drop = log.steps - keepSteps;
    if (drop <= 0)
        return;
    const std::size_t n = log.at(drop, 0);
    auto cut = [n](auto& v) { v.erase(v.begin(), v.begin() + std::ptrdiff_t(n)); };
    cut(log.loadKw);
    cut(log.pvKw);
    cut(log.pvUsedKw);
    cut(log.chargeKw);
    cut(log.dischargeKw);
    cut(log.socKwh);
    cut(log.netKw);
    cut(log.reported);
    log.startUtc = log.stepStartUtc(drop);
    log.steps -= drop;
}

// "YYYY-MM-DDTHH:MM:SSZ" for the fleet generator's start option.
std::string isoUtc(std::int64_t utc) {
    const std::time_t t = static_cast<std::time_t>(utc);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec);
    return text;
}

// Drops the first `from` steps of a history (measured and sky arrays alike; an array shorter
// than that, such as irradiance not yet estimated, is emptied).
void dropFront(forecast::RucheHistory& h, int from) {
    if (from <= 0)
        return;
    h.startUtc = h.stepStartUtc(from);
    for (auto* v : {&h.loadKw, &h.pvKw, &h.ghiWm2, &h.clearSkyPvKw, &h.clearSkyGhiWm2, &h.ambientC})
        v->erase(v->begin(), v->begin() + std::min<std::ptrdiff_t>(from, std::ptrdiff_t(v->size())));
}

// The last `days` days of a history (measured and sky arrays alike), for training.
forecast::RucheHistory lastDays(const forecast::RucheHistory& h, int days) {
    const int stepsPerDay = 24 * 60 / h.stepMinutes;
    const int from = days > 0 ? std::max(0, h.steps() - days * stepsPerDay) : 0;
    forecast::RucheHistory out = h;
    dropFront(out, from);
    return out;
}

// The forecast's features look at most four weeks (and a few steps) before a step of the
// horizon (engine/forecast/Features.cpp, longDayTypeProfile), so 29 days before the origin
// give the same forecast as the whole history.
constexpr int kForecastLookbackSteps = 29 * 96;

// Sky arrays to steps() + horizon from the fleet when they do not fit, and the irradiance the
// simulator's meters lack from the PV's clear-sky index, as engine/forecast/TelemetryHistory.
void completeHistory(const simulation::Fleet* fleet, int ruche, forecast::RucheHistory& h) {
    const int steps = h.steps();
    if (fleet && int(h.clearSkyPvKw.size()) != steps + forecast::kHorizonSteps)
        forecast::fillSky(*fleet, ruche, h.startUtc, steps + forecast::kHorizonSteps, h);
    for (int s = int(h.ghiWm2.size()); s < steps; ++s) {
        const double clearPv = h.clearSkyPvKw.size() > std::size_t(s) ? h.clearSkyPvKw[std::size_t(s)] : 0;
        const double index = clearPv > 0.01 ? std::clamp(h.pvKw[std::size_t(s)] / clearPv, 0.0, 1.2) : 0.0;
        h.ghiWm2.push_back(h.clearSkyGhiWm2.size() > std::size_t(s) ? index * h.clearSkyGhiWm2[std::size_t(s)] : 0);
    }
}

// Steps [from, to) of a history, the sky arrays to `to` + horizon when the source has them.
forecast::RucheHistory slice(const forecast::RucheHistory& h, int from, int to) {
    forecast::RucheHistory out;
    out.rucheId = h.rucheId;
    out.startUtc = h.stepStartUtc(from);
    out.stepMinutes = h.stepMinutes;
    out.utcOffsetMinutes = h.utcOffsetMinutes;
    auto copy = [from](const std::vector<double>& v, int end) {
        end = std::min(end, int(v.size()));
        return end > from ? std::vector<double>(v.begin() + from, v.begin() + end) : std::vector<double>{};
    };
    out.loadKw = copy(h.loadKw, to);
    out.pvKw = copy(h.pvKw, to);
    out.ghiWm2 = copy(h.ghiWm2, to);
    if (int(h.clearSkyPvKw.size()) == h.steps() + forecast::kHorizonSteps) {
        out.clearSkyPvKw = copy(h.clearSkyPvKw, to + forecast::kHorizonSteps);
        out.clearSkyGhiWm2 = copy(h.clearSkyGhiWm2, to + forecast::kHorizonSteps);
        out.ambientC = copy(h.ambientC, to + forecast::kHorizonSteps);
    }
    return out;
}

// The plan's view of a learned forecast: only the targets a trained model answered.
planning::RucheForecast planForecastOf(const forecast::RucheForecast& f, int steps) {
    planning::RucheForecast out;
    out.rucheId = f.rucheId;
    out.originUtc = f.originUtc;
    out.stepMinutes = f.stepMinutes;
    auto head = [steps](const std::vector<double>& v) {
        return std::vector<double>(v.begin(), v.begin() + std::min<std::ptrdiff_t>(steps, std::ptrdiff_t(v.size())));
    };
    if (!f.load.fromBaseline) {
        out.loadP50Kw = head(f.load.values.p50);
        out.loadP90Kw = head(f.load.values.p90);
    }
    if (!f.pv.fromBaseline) {
        out.pvP10Kw = head(f.pv.values.p10);
        out.pvP50Kw = head(f.pv.values.p50);
    }
    return out;
}

AlarmPriority toView(anomaly::AlarmPriority p) { return AlarmPriority(int(p)); }
AlarmState toView(anomaly::AlarmState s) { return AlarmState(int(s)); }

ForecastSeriesData seriesFor(const forecast::TargetForecast& f, const std::vector<double>& measured, int origin,
                             const forecast::TrainingMetrics& metrics, double coverage) {
    ForecastSeriesData s;
    s.p10Kw = f.values.p10;
    s.p50Kw = f.values.p50;
    s.p90Kw = f.values.p90;
    for (int i = origin; i < int(measured.size()) && i < origin + int(f.values.size()); ++i)
        s.actualKw.push_back(measured[std::size_t(i)]);
    s.fromBaseline = f.fromBaseline;
    s.warning = f.warning;
    // Held-out figures from the training itself (the last rows in time were not trained on).
    if (!f.fromBaseline && metrics.validationMaeBaseline > 0) {
        s.maeModelKw = metrics.validationMaeModel;
        s.maeSeasonalNaiveKw = metrics.validationMaeBaseline;
        s.skill = 1 - metrics.validationMaeModel / metrics.validationMaeBaseline;
    }
    s.coverage = coverage;
    return s;
}

}  // namespace

LearningService::LearningService(LearningOptions options, QObject* parent)
    : QObject(parent), options_(std::move(options)) {
    qRegisterMetaType<ForecastSnapshotPtr>();
    qRegisterMetaType<AlarmSnapshotPtr>();
    trainPool_.setMaxThreadCount(1);
    anomalyPool_.setMaxThreadCount(1);
    std::string journalPath = ":memory:";
    if (!options_.dataDirectory.isEmpty()) {
        QDir().mkpath(options_.dataDirectory);
        journalPath = QDir(options_.dataDirectory).filePath(QStringLiteral("alarms.sqlite")).toStdString();
    }
    journal_ = std::make_unique<anomaly::AlarmJournal>(journalPath);
    alarms_ = std::make_unique<anomaly::AlarmManager>(journal_.get());
    anomaly::installDefaultSuppression(*alarms_);
    alarmSnapshot_ = std::make_shared<AlarmSnapshot>();
    forecastSnapshot_ = std::make_shared<ForecastSnapshot>();
}

LearningService::~LearningService() {
    shuttingDown_ = true;
    cancelRequested_ = true;
    trainPool_.waitForDone();
    anomalyPool_.waitForDone();
}

void LearningService::post(std::function<void()> inGuiThread) {
    QMetaObject::invokeMethod(this, std::move(inGuiThread), Qt::QueuedConnection);
}

// --- Inputs ------------------------------------------------------------------------------

void LearningService::setFleet(const simulation::Fleet& fleet, std::int64_t firstStepUtc) {
    // One recorded step gives the log its alvéoles and assets; the readings are dropped.
    anomaly::MeterLog log = anomaly::recordFleet(fleet, 1);
    trimFront(log, 0);
    log.startUtc = firstStepUtc;
    std::vector<forecast::RucheHistory> histories(log.rucheIds.size());
    for (std::size_t r = 0; r < histories.size(); ++r) {
        histories[r].rucheId = log.rucheIds[r];
        histories[r].startUtc = firstStepUtc;
        histories[r].stepMinutes = log.stepMinutes;
        histories[r].utcOffsetMinutes = log.utcOffsetMinutes;
    }
    auto shared = std::make_shared<const simulation::Fleet>(fleet);
    {
        std::lock_guard lock(dataMutex_);
        fleet_ = std::move(shared);
        log_ = std::move(log);
        histories_ = std::move(histories);
        ++historyVersion_;
    }
    {
        std::lock_guard lock(alarmMutex_);   // planted faults belong to the fleet they were planned on
        liveFaults_.clear();
        plantingLive_ = false;
        plantingNote_.clear();
        faultRound_ = 0;
        unexplainedAlarms_ = 0;
    }
    feedStopped_ = false;
}

void LearningService::setHistory(std::vector<forecast::RucheHistory> histories) {
    std::lock_guard lock(dataMutex_);
    histories_ = std::move(histories);
    ++historyVersion_;
}

void LearningService::appendMeterSteps(const anomaly::MeterLog& chunk) {
    std::int64_t endUtc = 0;
    {
        std::lock_guard lock(dataMutex_);
        if (!fleet_)
            throw std::invalid_argument("LearningService::appendMeterSteps: no fleet set (call setFleet first)");
        if (chunk.alveoleCount() != log_.alveoleCount() || chunk.stepMinutes != log_.stepMinutes)
            throw std::invalid_argument("LearningService::appendMeterSteps: the chunk has " +
                                        std::to_string(chunk.alveoleCount()) + " alvéoles of " +
                                        std::to_string(chunk.stepMinutes) + " min, the fleet " +
                                        std::to_string(log_.alveoleCount()) + " of " +
                                        std::to_string(log_.stepMinutes));
        // The first chunk sets the start; later ones must follow without a gap (an overlap
        // is skipped: the same steps handed twice).
        const std::int64_t expected = log_.stepStartUtc(log_.steps);
        const std::int64_t stepSeconds = std::int64_t(chunk.stepMinutes) * 60;
        const std::int64_t offset = expected - chunk.startUtc;
        if (offset < 0 || offset % stepSeconds != 0)
            throw std::invalid_argument("LearningService::appendMeterSteps: chunk starts at " +
                                        std::to_string(chunk.startUtc) + ", expected " + std::to_string(expected));
        const int from = int(offset / stepSeconds);
        if (from < chunk.steps) {
            for (int s = from; s < chunk.steps; ++s)
                for (std::size_t r = 0; r < histories_.size(); ++r) {
                    double loadKw = 0, pvKw = 0;
                    for (int a = 0; a < chunk.alveoleCount(); ++a)
                        if (chunk.alveoles[std::size_t(a)].ruche == int(r)) {
                            loadKw += chunk.loadKw[chunk.at(s, a)];
                            pvKw += chunk.pvKw[chunk.at(s, a)];
                        }
                    histories_[r].loadKw.push_back(loadKw);
                    histories_[r].pvKw.push_back(pvKw);
                }
            ++historyVersion_;
            appendSteps(log_, chunk, from);
            trimWindowsLocked();
        }
        endUtc = log_.stepStartUtc(log_.steps);
    }
    advanceTo(endUtc);
}

void LearningService::appendSimulatorStep(std::int64_t stepStartUtc,
                                          std::span<const simulation::AlveoleStep> alveoles) {
    std::int64_t endUtc = 0;
    {
        std::lock_guard lock(dataMutex_);
        appendStepLocked(stepStartUtc, alveoles);
        endUtc = log_.stepStartUtc(log_.steps);
    }
    advanceTo(endUtc);
}

// One step straight into the meter log and the ruche histories, with no intermediate chunk
// (this runs on the simulation thread at every step).
void LearningService::appendStepLocked(std::int64_t stepStartUtc, std::span<const simulation::AlveoleStep> alveoles) {
    if (!fleet_)
        throw std::invalid_argument("LearningService::appendSimulatorStep: no fleet set (call setFleet or startLive first)");
    if (int(alveoles.size()) != log_.alveoleCount())
        throw std::invalid_argument("LearningService::appendSimulatorStep: " + std::to_string(alveoles.size()) +
                                    " alvéoles, the fleet has " + std::to_string(log_.alveoleCount()));
    const std::int64_t expected = log_.stepStartUtc(log_.steps);
    const std::int64_t stepSeconds = std::int64_t(log_.stepMinutes) * 60;
    if (stepStartUtc < expected && (expected - stepStartUtc) % stepSeconds == 0)
        return;   // already recorded (the same step handed twice)
    if (stepStartUtc != expected)
        throw std::invalid_argument("LearningService::appendSimulatorStep: step starts at " +
                                    std::to_string(stepStartUtc) + ", expected " + std::to_string(expected));
    std::vector<double> loadKw(histories_.size(), 0.0), pvKw(histories_.size(), 0.0);
    // The same reading of a simulator step as anomaly::recordFleet: what the hub reports.
    for (std::size_t a = 0; a < alveoles.size(); ++a) {
        const auto& s = alveoles[a];
        const double servedKw = s.loadKw - s.shedKw;
        log_.loadKw.push_back(servedKw);
        log_.pvKw.push_back(s.pvAvailableKw);
        log_.pvUsedKw.push_back(s.pvUsedKw);
        log_.chargeKw.push_back(s.chargeKw);
        log_.dischargeKw.push_back(s.dischargeKw);
        log_.socKwh.push_back(s.socKwh);
        log_.netKw.push_back(s.netKw);
        log_.reported.push_back(1);
        const auto r = std::size_t(log_.alveoles[a].ruche);
        if (r < loadKw.size()) {
            loadKw[r] += servedKw;
            pvKw[r] += s.pvAvailableKw;
        }
    }
    ++log_.steps;
    for (std::size_t r = 0; r < histories_.size(); ++r) {
        histories_[r].loadKw.push_back(loadKw[r]);
        histories_[r].pvKw.push_back(pvKw[r]);
    }
    ++historyVersion_;
    trimWindowsLocked();
}

int LearningService::historyWindowSteps() const {
    if (options_.historyWindowDays > 0)
        return options_.historyWindowDays * 96;
    const int trainingDays = options_.trainingWindowDays > 0 ? options_.trainingWindowDays : 56;
    return std::max(35, trainingDays + 7) * 96;
}

// Bounded windows, trimmed a day at a time so that a step costs no more than an append.
void LearningService::trimWindowsLocked() {
    const int meterKeep = std::max(1, options_.meterWindowDays) * 96;
    if (log_.steps > meterKeep + 96)
        trimFront(log_, meterKeep);
    const int historyKeep = historyWindowSteps();
    for (auto& h : histories_)
        if (h.steps() > historyKeep + 96)
            dropFront(h, h.steps() - historyKeep);
}

void LearningService::feedSimulatorStep(const simulation::Simulator& simulator) {
    if (feedStopped_)
        return;
    try {
        appendSimulatorStep(simulator.lastStepStartUtc(), simulator.alveoles());
    } catch (const std::exception& e) {
        feedStopped_ = true;
        const QString message = tr("SwarmBrain stopped learning from the simulation: %1").arg(QString::fromUtf8(e.what()));
        post([this, message] { Q_EMIT failed(message); });
    }
}

void LearningService::startLive(const simulation::Fleet& fleet, std::int64_t firstStepUtc, int warmupDays) {
    setFleet(fleet, firstStepUtc);
    nowUtc_ = firstStepUtc;
    {
        // Faults start once the detectors have learnt their week on the live meters.
        const std::int64_t stepSeconds = std::int64_t(fleet.options.stepMinutes) * 60;
        std::lock_guard lock(alarmMutex_);
        plantingLive_ = options_.liveFaults.enabled;
        nextFaultRoundUtc_ = firstStepUtc + std::int64_t(options_.detectors.learnSteps) * stepSeconds;
    }
    {
        std::lock_guard lock(clockMutex_);
        lastTrainLocalDay_ = -1;
        lastAnomalyPassUtc_ = firstStepUtc;
    }
    const int generation = ++liveGeneration_;
    trainPool_.start([this, firstStepUtc, warmupDays, generation] {
        try {
            warmUp(firstStepUtc, warmupDays, generation);
        } catch (const std::exception& e) {
            const QString message = tr("SwarmBrain warm-up failed: %1").arg(QString::fromUtf8(e.what()));
            post([this, message] { Q_EMIT failed(message); });
        }
    });
}

// On the worker: the warm-up history before what was fed meanwhile, then the models.
void LearningService::warmUp(std::int64_t firstStepUtc, int warmupDays, int generation) {
    std::shared_ptr<const simulation::Fleet> fleet;
    {
        std::lock_guard lock(dataMutex_);
        fleet = fleet_;
    }
    std::vector<forecast::RucheHistory> warm;
    if (warmupDays > 0) {
        simulation::FleetOptions options = fleet->options;
        options.start = isoUtc(firstStepUtc - std::int64_t(warmupDays) * kDaySeconds);
        warm = forecast::simulateHistory(simulation::generateFleet(options), warmupDays * 96);
    }
    // The meters too: the detectors' learning week (or what the warm-up has of it) before the
    // first live step, so that they judge the live steps from the start instead of a week later.
    const std::int64_t stepSeconds = std::int64_t(fleet->options.stepMinutes) * 60;
    const int warmMeterSteps = std::min(warmupDays * 24 * 60 / fleet->options.stepMinutes, options_.detectors.learnSteps);
    anomaly::MeterLog warmLog;
    if (warmMeterSteps > 0) {
        simulation::FleetOptions options = fleet->options;
        options.start = isoUtc(firstStepUtc - warmMeterSteps * stepSeconds);
        warmLog = anomaly::recordFleet(simulation::generateFleet(options), warmMeterSteps);
        // The warm-up's stores do not end where the live ones start: no hub reports the step
        // before the junction, so that Coulomb counting does not bridge it (a false fade).
        for (int a = 0; a < warmLog.alveoleCount(); ++a)
            warmLog.reported[warmLog.at(warmLog.steps - 1, a)] = 0;
    }
    int historySteps = 0;
    bool meterWarmed = false;
    {
        std::lock_guard lock(dataMutex_);
        if (generation != liveGeneration_)
            return;   // a newer startLive replaced this fleet
        const bool sameMeters = warmLog.alveoleCount() == log_.alveoleCount() &&
                                std::equal(warmLog.alveoles.begin(), warmLog.alveoles.end(), log_.alveoles.begin(),
                                           [](const auto& a, const auto& b) { return a.id == b.id; });
        if (warmLog.steps > 0 && sameMeters && warmLog.stepStartUtc(warmLog.steps) == log_.startUtc) {
            appendSteps(warmLog, log_, 0);
            log_ = std::move(warmLog);
            meterWarmed = true;
        }
        for (std::size_t r = 0; r < warm.size() && r < histories_.size(); ++r) {
            auto& live = histories_[r];
            auto& h = warm[r];
            if (h.rucheId != live.rucheId || h.stepStartUtc(h.steps()) != live.startUtc)
                throw std::logic_error("warm-up history of " + h.rucheId + " does not end where " + live.rucheId +
                                       " starts");
            h.loadKw.insert(h.loadKw.end(), live.loadKw.begin(), live.loadKw.end());
            h.pvKw.insert(h.pvKw.end(), live.pvKw.begin(), live.pvKw.end());
            h.clearSkyPvKw.clear();   // refilled to the new length when used
            h.clearSkyGhiWm2.clear();
            h.ambientC.clear();
            live = std::move(h);
        }
        ++historyVersion_;
        trimWindowsLocked();
        historySteps = histories_.empty() ? 0 : histories_.front().steps();
    }
    if (meterWarmed) {
        // Planted faults may start with the live steps: the learning week is behind them.
        std::lock_guard lock(alarmMutex_);
        if (faultRound_ == 0)
            nextFaultRoundUtc_ = firstStepUtc + std::int64_t(options_.detectors.learnSteps - warmMeterSteps) * stepSeconds;
    }
    loadModels();
    bool missing = false;
    for (const auto& f : *currentModels())
        for (auto target : {forecast::Target::Load, forecast::Target::Pv, forecast::Target::Irradiance})
            missing = missing || !f.hasModel(target);
    if (missing || currentModels()->empty())
        trainNow();
    post([this, historySteps] { Q_EMIT liveReady(historySteps); });
}

void LearningService::generateDemoWithFaults(const simulation::FleetOptions& fleet, int historyDays, int meterDays,
                                             int faultsPerType) {
    demoFaultsPerType_ = faultsPerType;
    generateDemo(fleet, historyDays, meterDays, {});
}

void LearningService::generateDemo(const simulation::FleetOptions& fleetOptions, int historyDays, int meterDays,
                                   std::vector<anomaly::Fault> faults) {
    const int faultsPerType = std::exchange(demoFaultsPerType_, 0);
    trainPool_.start([this, fleetOptions, historyDays, meterDays, faultsPerType, faults = std::move(faults)]() mutable {
        try {
            if (historyDays < 1 || meterDays < 1 || meterDays > historyDays)
                throw std::invalid_argument("demo: need 1 <= meter days <= history days, got " +
                                            std::to_string(meterDays) + " and " + std::to_string(historyDays));
            const simulation::Fleet fleet = simulation::generateFleet(fleetOptions);
            auto histories = forecast::simulateHistory(fleet, historyDays * 96);
            // The meter log is the last meterDays of the same period (the detectors need only a
            // window; a year of every alvéole's meters would not fit in memory).
            simulation::FleetOptions meterOptions = fleetOptions;
            const std::int64_t meterStartUtc = histories.at(0).startUtc + std::int64_t(historyDays - meterDays) * kDaySeconds;
            meterOptions.start = isoUtc(meterStartUtc);
            anomaly::MeterLog log = anomaly::recordFleet(simulation::generateFleet(meterOptions), meterDays * 96);
            if (faultsPerType > 0) {
                anomaly::FaultPlanOptions plan;
                plan.seed = fleetOptions.seed;
                plan.faultsPerType = faultsPerType;
                faults = anomaly::planFaults(log, plan);
            }
            anomaly::injectFaults(log, faults);
            const int historySteps = histories.at(0).steps();
            const int logSteps = log.steps;
            const std::int64_t endUtc = log.stepStartUtc(log.steps);
            {
                std::lock_guard lock(dataMutex_);
                fleet_ = std::make_shared<const simulation::Fleet>(fleet);
                histories_ = std::move(histories);
                ++historyVersion_;
                log_ = std::move(log);
            }
            nowUtc_ = endUtc;
            post([this, historySteps, logSteps] { Q_EMIT demoReady(historySteps, logSteps); });
        } catch (const std::exception& e) {
            const QString message = tr("Demo history failed: %1").arg(QString::fromUtf8(e.what()));
            post([this, message] { Q_EMIT failed(message); });
        }
    });
}

void LearningService::advanceTo(std::int64_t nowUtc) {
    std::int64_t now = nowUtc_.load();
    while (nowUtc > now && !nowUtc_.compare_exchange_weak(now, nowUtc)) {
    }
    now = nowUtc_.load();
    {
        std::lock_guard lock(alarmMutex_);
        alarms_->advanceTo(now);   // shelves expire with simulated time
    }
    int offsetMinutes = 60;
    {
        std::lock_guard lock(dataMutex_);
        if (!histories_.empty())
            offsetMinutes = histories_.front().utcOffsetMinutes;
    }
    bool anomalyDue = false, retrainDue = false;
    {
        std::lock_guard lock(clockMutex_);
        if (now - lastAnomalyPassUtc_ >= std::int64_t(options_.anomalyPeriodMinutes) * 60) {
            lastAnomalyPassUtc_ = now;
            anomalyDue = true;
        }
        const std::int64_t local = now + std::int64_t(offsetMinutes) * 60;
        const std::int64_t localDay = local / kDaySeconds;
        const bool pastHour = int((local % kDaySeconds) / 3600) >= options_.nightlyRetrainLocalHour;
        if (lastTrainLocalDay_ < 0) {
            // The first time seen: the models in hand are today's; the next night retrains.
            lastTrainLocalDay_ = pastHour ? localDay : localDay - 1;
        } else if (options_.nightlyRetrain && localDay != lastTrainLocalDay_ && pastHour && !training_) {
            lastTrainLocalDay_ = localDay;
            retrainDue = true;
        }
    }
    if (anomalyDue)
        runAnomalyPass();
    if (retrainDue)
        trainNow();
}

int LearningService::historySteps() const {
    std::lock_guard lock(dataMutex_);
    return histories_.empty() ? 0 : histories_.front().steps();
}

forecast::RucheHistory LearningService::history(int ruche) const {
    std::lock_guard lock(dataMutex_);
    return histories_.at(std::size_t(ruche));
}

int LearningService::meterSteps() const {
    std::lock_guard lock(dataMutex_);
    return log_.steps;
}

// --- Forecasts ---------------------------------------------------------------------------

QString LearningService::modelDirectory() const {
    return options_.dataDirectory.isEmpty() ? QString()
                                            : QDir(options_.dataDirectory).filePath(QStringLiteral("models"));
}

std::vector<forecast::RucheHistory> LearningService::completedHistories() const {
    std::vector<forecast::RucheHistory> out;
    std::shared_ptr<const simulation::Fleet> fleet;
    {
        std::lock_guard lock(dataMutex_);   // copy only: the feed must not wait for the sky
        out = histories_;
        fleet = fleet_;
    }
    for (std::size_t r = 0; r < out.size(); ++r)
        completeHistory(fleet.get(), int(r), out[r]);
    return out;
}

std::shared_ptr<const LearningService::Models> LearningService::currentModels() const {
    std::lock_guard lock(modelMutex_);
    return models_;
}

int LearningService::modelVersion() const {
    std::lock_guard lock(modelMutex_);
    return lastTraining_.modelVersion;
}

planning::RucheForecastsPtr LearningService::forecastsFor(std::int64_t firstStepUtc, int steps) const {
    const auto models = currentModels();
    bool anyModel = false;
    for (const auto& f : *models)
        anyModel = anyModel || f.hasModel(forecast::Target::Load) || f.hasModel(forecast::Target::Pv);
    if (!anyModel || steps < 1)
        return nullptr;
    std::uint64_t historyVersion = 0;
    {
        std::lock_guard lock(dataMutex_);
        historyVersion = historyVersion_;
    }
    {
        std::lock_guard lock(cacheMutex_);
        if (cachedModels_ == models && cachedOriginUtc_ == firstStepUtc && cachedSteps_ == steps &&
            cachedHistoryVersion_ == historyVersion)
            return cachedForecasts_;
    }
    // The last four weeks before the origin, copied under the lock; the sky and the networks
    // run outside it so the feed never waits for them.
    std::vector<std::pair<int, forecast::RucheHistory>> recent;
    std::shared_ptr<const simulation::Fleet> fleet;
    {
        std::lock_guard lock(dataMutex_);
        fleet = fleet_;
        historyVersion = historyVersion_;
        for (std::size_t r = 0; r < histories_.size(); ++r) {
            const auto& h = histories_[r];
            const std::int64_t stepSeconds = std::int64_t(h.stepMinutes) * 60;
            const std::int64_t since = firstStepUtc - h.startUtc;
            if (since < 0 || since % stepSeconds != 0 || since / stepSeconds > h.steps())
                continue;   // the history does not reach the origin on its grid
            const int origin = int(since / stepSeconds);
            if (origin < forecast::kMinHistorySteps)
                continue;
            recent.emplace_back(int(r), slice(h, std::max(0, origin - kForecastLookbackSteps), origin));
        }
    }
    auto forecasts = std::make_shared<planning::RucheForecasts>();
    for (auto& [r, h] : recent) {
        try {
            completeHistory(fleet.get(), r, h);
            if (int(h.clearSkyPvKw.size()) < h.steps() + forecast::kHorizonSteps)
                continue;   // no sky to forecast with (a recorded history without its fleet)
            const auto it = std::find_if(models->begin(), models->end(),
                                         [&](const auto& f) { return f.rucheId() == h.rucheId; });
            if (it == models->end())
                continue;
            auto f = planForecastOf(it->forecast(h, h.steps()), steps);
            if (f.hasLoad() || f.hasPv())
                forecasts->push_back(std::move(f));
        } catch (const std::exception&) {
            continue;   // that ruche keeps the noisy forecast; the forecast view shows why
        }
    }
    planning::RucheForecastsPtr result = forecasts->empty() ? nullptr : planning::RucheForecastsPtr(forecasts);
    std::lock_guard lock(cacheMutex_);
    cachedModels_ = models;
    cachedOriginUtc_ = firstStepUtc;
    cachedSteps_ = steps;
    cachedHistoryVersion_ = historyVersion;
    cachedForecasts_ = result;
    return result;
}

void LearningService::trainNow() {
    if (shuttingDown_ || training_.exchange(true))
        return;
    cancelRequested_ = false;
    if (QThread::currentThread() == thread())
        Q_EMIT trainingStarted();
    else
        post([this] { Q_EMIT trainingStarted(); });   // from the simulation thread or a worker
    trainPool_.start([this] { trainJob(); });
}

void LearningService::cancelTraining() { cancelRequested_ = true; }

void LearningService::trainJob() {
    const auto started = std::chrono::steady_clock::now();
    bool completed = false;
    QString message;
    try {
        const auto histories = completedHistories();
        if (histories.empty() || histories.front().steps() < forecast::kMinHistorySteps + forecast::kHorizonSteps)
            throw std::invalid_argument("not enough history to train (" +
                                        std::to_string(histories.empty() ? 0 : histories.front().steps()) +
                                        " steps, need " +
                                        std::to_string(forecast::kMinHistorySteps + forecast::kHorizonSteps) + ")");
        // Train copies: a cancelled or failed training leaves the models in use untouched.
        auto trained = std::make_shared<Models>();
        {
            const auto current = currentModels();
            for (const auto& h : histories) {
                auto it = std::find_if(current->begin(), current->end(),
                                       [&](const auto& f) { return f.rucheId() == h.rucheId; });
                trained->push_back(it != current->end() ? it->cloneAs(h.rucheId) : forecast::RucheForecaster(h.rucheId));
            }
        }
        const double units = double(histories.size()) * forecast::kTargetCount;
        int lastPercent = -1;
        completed = true;
        for (std::size_t r = 0; r < histories.size() && completed; ++r) {
            forecast::ForecasterOptions fo;
            fo.network = options_.network;
            fo.originStride = options_.originStride;
            fo.progress = [&, r](forecast::Target target, double share) {
                const double overall = (double(r) * forecast::kTargetCount + int(target) + share) / units;
                const int percent = int(overall * 100);
                if (percent != lastPercent) {   // one signal per percent, not per batch
                    lastPercent = percent;
                    post([this, overall] { Q_EMIT trainingProgress(overall); });
                }
                return !cancelRequested_.load();
            };
            const auto window = lastDays(histories[r], options_.trainingWindowDays);
            completed = (*trained)[r].train(window, window.steps(), fo) && !cancelRequested_;
        }
        if (completed) {
            if (!options_.dataDirectory.isEmpty())
                for (const auto& f : *trained)
                    f.save(modelDirectory().toStdString());
            std::lock_guard lock(modelMutex_);
            models_ = std::move(trained);   // readers keep the set they took
            loadWarnings_.clear();
            lastTraining_.trainSeconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        }
        message = !completed                         ? tr("Training cancelled: previous models kept.")
                  : options_.dataDirectory.isEmpty() ? tr("Models trained.")
                                                     : tr("Models trained and saved.");
    } catch (const std::exception& e) {
        completed = false;
        message = tr("Training failed: %1").arg(QString::fromUtf8(e.what()));
    }
    try {
        rebuildForecastSnapshot(message);
    } catch (const std::exception& e) {
        message += QLatin1Char(' ') + tr("Forecast failed: %1").arg(QString::fromUtf8(e.what()));
    }
    training_ = false;
    post([this, completed, message] { Q_EMIT trainingFinished(completed, message); });
}

std::vector<std::string> LearningService::loadModels() {
    std::vector<std::string> warnings;
    const auto histories = completedHistories();
    auto loaded = std::make_shared<Models>();
    for (const auto& h : histories) {
        forecast::RucheForecaster f(h.rucheId);
        if (!options_.dataDirectory.isEmpty())
            for (auto& w : f.load(modelDirectory().toStdString()))
                warnings.push_back(h.rucheId + ": " + w);
        loaded->push_back(std::move(f));
    }
    {
        std::lock_guard lock(modelMutex_);
        models_ = std::move(loaded);
        loadWarnings_ = warnings;
    }
    rebuildForecastSnapshot(warnings.empty() ? tr("Models loaded.") : tr("Some models unusable: baseline in use."));
    return warnings;
}

// Forecast from half a day ago (so the view compares with what was measured since) and from
// the latest step (for the plan). Runs on whichever thread asks; emits in the GUI thread.
void LearningService::rebuildForecastSnapshot(const QString& message) {
    const auto histories = completedHistories();
    const auto models = currentModels();
    auto snapshot = std::make_shared<ForecastSnapshot>();
    std::vector<forecast::RucheForecast> plan;
    TrainingStatus status;
    {
        std::lock_guard lock(modelMutex_);
        snapshot->warnings = loadWarnings_;
        status = lastTraining_;
    }
    // Forecasts and scores outside the lock: the plan's forecastsFor() never waits for them.
    status.message = message.toStdString();
    status.modelVersion = 0;
    double maeLoad = 0, maePv = 0;
    int counted = 0;
    for (const auto& h : histories) {
        auto it = std::find_if(models->begin(), models->end(), [&](const auto& f) { return f.rucheId() == h.rucheId; });
        const forecast::RucheForecaster fallback(h.rucheId);
        const forecast::RucheForecaster& f = it != models->end() ? *it : fallback;
        if (h.steps() < forecast::kMinHistorySteps + forecast::kHorizonSteps / 2)
            continue;   // too short to forecast at all
        const int origin = h.steps() - forecast::kHorizonSteps / 2;
        const forecast::RucheForecast view = f.forecast(h, origin);
        // Band coverage over the last days (held out only if they were after training).
        forecast::ForecastScores scores{};
        const int firstOrigin = std::max(forecast::kMinHistorySteps, h.steps() - options_.coverageDays * 96 - 96);
        if (firstOrigin + 96 <= h.steps())
            scores = forecast::evaluate(f, h, firstOrigin, h.steps(), 12);
        RucheForecastData data;
        data.rucheId = h.rucheId;
        data.originUtc = view.originUtc;
        data.stepMinutes = view.stepMinutes;
        data.load = seriesFor(view.load, h.loadKw, origin, f.metrics(forecast::Target::Load),
                              scores[int(forecast::Target::Load)].coverage());
        data.pv = seriesFor(view.pv, h.pvKw, origin, f.metrics(forecast::Target::Pv),
                            scores[int(forecast::Target::Pv)].coverage());
        snapshot->ruches.push_back(std::move(data));
        plan.push_back(f.forecast(h, h.steps()));
        if (f.hasModel(forecast::Target::Load)) {
            const auto& m = f.metrics(forecast::Target::Load);
            status.modelVersion = std::max(status.modelVersion, m.modelVersion);
            status.trainedUntilUtc = m.trainedUntilUtc;
            maeLoad += m.validationMaeModel;
            maePv += f.metrics(forecast::Target::Pv).validationMaeModel;
            ++counted;
        }
    }
    if (counted) {
        status.validationMaeLoadKw = maeLoad / counted;
        status.validationMaePvKw = maePv / counted;
    }
    snapshot->training = status;
    snapshot->training.running = false;
    snapshot->training.progress = 1;
    {
        std::lock_guard lock(modelMutex_);
        status.trainSeconds = lastTraining_.trainSeconds;   // set by a training meanwhile
        snapshot->training.trainSeconds = status.trainSeconds;
        lastTraining_ = status;
        forecastSnapshot_ = snapshot;
        planForecasts_ = std::move(plan);
    }
    ForecastSnapshotPtr published = snapshot;
    post([this, published] {
        Q_EMIT forecastSnapshotChanged(published);
        Q_EMIT planForecastsChanged();
    });
}

ForecastSnapshotPtr LearningService::forecastSnapshot() const {
    std::lock_guard lock(modelMutex_);
    return forecastSnapshot_;
}

std::vector<forecast::RucheForecast> LearningService::planForecasts() const {
    std::lock_guard lock(modelMutex_);
    return planForecasts_;
}

// --- Alarms ------------------------------------------------------------------------------

void LearningService::runAnomalyPass() {
    if (anomalyRunning_.exchange(true))
        return;   // a pass is under way; the next period will see the new steps
    anomalyPool_.start([this] {
        try {
            anomalyJob();
        } catch (const std::exception& e) {
            const QString message = tr("Anomaly detection failed: %1").arg(QString::fromUtf8(e.what()));
            post([this, message] { Q_EMIT failed(message); });
        }
        anomalyRunning_ = false;
    });
}

void LearningService::anomalyJob() {
    anomaly::MeterLog log;
    {
        std::lock_guard lock(dataMutex_);
        log = log_;
    }
    // The detectors learn on the first week of the window and need a day beyond it.
    if (log.steps >= options_.detectors.learnSteps + 96) {
        std::vector<anomaly::Fault> planted;
        {
            std::lock_guard lock(alarmMutex_);
            planLiveFaultsLocked(log, log.stepStartUtc(log.steps) + std::int64_t(options_.liveFaults.spacingHours) * 3600);
            planted = windowFaultsLocked(log);
        }
        // Planted faults change only this copy: each pass sees the same faulty readings for a
        // step, as a real faulty meter would have reported them.
        anomaly::injectFaults(log, planted);
        const auto events = anomaly::detectConditions(log, options_.detectors);
        std::lock_guard lock(alarmMutex_);
        // Detectors are causal: events before what the last pass saw were applied then.
        for (const auto& e : events) {
            const std::int64_t t = log.stepStartUtc(e.step);
            if (t < detectedUntilUtc_)
                continue;
            const anomaly::AlarmCondition condition = anomaly::conditionFor(log, e);
            if (e.active) {
                const auto id = alarms_->idOf(condition.type, condition.subject);
                const bool wasActive = id && alarms_->find(*id)->conditionActive;
                const int raised = alarms_->raise(condition, t);
                const bool explained = explainedLocked(condition, t, true);
                if (!wasActive && !explained && alarms_->find(raised)->state != anomaly::AlarmState::Suppressed)
                    ++unexplainedAlarms_;
            } else {
                alarms_->clear(condition.type, condition.subject, t);
            }
        }
        reconcileLocked(log, events);
        detectedUntilUtc_ = log.stepStartUtc(log.steps);
    }
    publishAlarms();
}

// The detectors see a rolling window: once a condition's evidence has moved into the window's
// learning week, no pass reports it returning to normal. Conditions the detectors no longer
// hold active at the end of the window return to normal there.
void LearningService::reconcileLocked(const anomaly::MeterLog& log, const std::vector<anomaly::ConditionEvent>& events) {
    std::set<std::pair<std::string, std::string>> active;
    for (const auto& e : events) {
        const anomaly::AlarmCondition condition = anomaly::conditionFor(log, e);
        if (e.active)
            active.emplace(condition.type, condition.subject);
        else
            active.erase({condition.type, condition.subject});
    }
    const std::int64_t endUtc = log.stepStartUtc(log.steps);
    for (const auto& a : alarms_->alarms())
        if (a.conditionActive && !active.count({a.condition.type, a.condition.subject}))
            alarms_->clear(a.condition.type, a.condition.subject, std::max(endUtc, a.lastChangeUtc));
}

// Plans rounds of live faults up to untilUtc: per round, engine/anomaly's planFaults (one fault
// of every type, distinct alvéoles, PV faults on PV homes, fade on MicroStores, the outage on a
// ruche whose homes get no other fault) on the alvéoles that have no fault under way; its
// durations and magnitudes are kept, its starts are re-timed one type per spacing.
void LearningService::planLiveFaultsLocked(const anomaly::MeterLog& log, std::int64_t untilUtc) {
    using anomaly::FaultType;
    static constexpr FaultType kRotation[] = {
        FaultType::StuckMeter,  FaultType::InverterTrip, FaultType::HubSilent,   FaultType::Spike,      FaultType::RucheOutage,
        FaultType::DriftingMeter, FaultType::PvSoiling,  FaultType::HabitChange, FaultType::BatteryFade};
    const std::int64_t stepSeconds = std::int64_t(log.stepMinutes) * 60;
    const int spacingSteps = std::max(1, options_.liveFaults.spacingHours * 60 / log.stepMinutes);
    while (plantingLive_ && nextFaultRoundUtc_ <= untilUtc) {
        const std::int64_t roundUtc = nextFaultRoundUtc_;
        auto plan = [&](bool freeOnly, std::vector<int>& index) {
            anomaly::MeterLog stub;   // planFaults reads the alvéoles' assets and the length only
            stub.rucheIds = log.rucheIds;
            stub.stepMinutes = log.stepMinutes;
            stub.steps = 16 * 96;
            index.clear();
            for (int a = 0; a < log.alveoleCount(); ++a) {
                const bool busy = std::any_of(liveFaults_.begin(), liveFaults_.end(), [&](const LiveFault& f) {
                    return f.fault.alveole == a && f.endUtc > roundUtc;
                });
                if (freeOnly && busy)
                    continue;
                stub.alveoles.push_back(log.alveoles[std::size_t(a)]);
                index.push_back(a);
            }
            anomaly::FaultPlanOptions options;
            options.seed = options_.liveFaults.seed + std::uint64_t(faultRound_);
            options.firstStep = 0;
            options.faultsPerType = 1;
            return anomaly::planFaults(stub, options);
        };
        std::vector<int> index;
        std::vector<anomaly::Fault> planned;
        try {
            planned = plan(true, index);
        } catch (const std::invalid_argument&) {
            try {
                planned = plan(false, index);   // a small fleet: a home may have two faults at once
            } catch (const std::invalid_argument& e) {
                plantingLive_ = false;
                plantingNote_ = e.what();
                return;
            }
        }
        for (std::size_t k = 0; k < std::size(kRotation); ++k) {
            const auto it = std::find_if(planned.begin(), planned.end(),
                                         [&](const anomaly::Fault& f) { return f.type == kRotation[k]; });
            if (it == planned.end())
                continue;
            LiveFault live;
            live.fault = *it;
            if (live.fault.alveole >= 0)
                live.fault.alveole = index[std::size_t(live.fault.alveole)];
            live.startUtc = roundUtc + std::int64_t(k * std::size_t(spacingSteps) + std::size_t(it->startStep % spacingSteps)) * stepSeconds;
            live.endUtc = live.startUtc + std::int64_t(it->endStep - it->startStep) * stepSeconds;
            const anomaly::ConditionEvent event{0, live.fault.type, live.fault.alveole, live.fault.ruche, true, {}};
            const anomaly::AlarmCondition condition = anomaly::conditionFor(log, event);
            live.type = condition.type;
            live.subject = condition.subject;
            liveFaults_.push_back(std::move(live));
        }
        std::sort(liveFaults_.begin(), liveFaults_.end(),
                  [](const LiveFault& a, const LiveFault& b) { return a.startUtc < b.startUtc; });
        nextFaultRoundUtc_ = roundUtc + std::int64_t(std::size(kRotation)) * spacingSteps * stepSeconds;
        ++faultRound_;
    }
}

// The planted faults over the log's window, in its steps (a fault cut by the window's start
// lies in the learning week: faults last at most a week).
std::vector<anomaly::Fault> LearningService::windowFaultsLocked(const anomaly::MeterLog& log) const {
    std::vector<anomaly::Fault> out;
    const std::int64_t stepSeconds = std::int64_t(log.stepMinutes) * 60;
    for (const auto& live : liveFaults_) {
        const std::int64_t from = std::max<std::int64_t>(0, (live.startUtc - log.startUtc) / stepSeconds);
        const std::int64_t to = std::min<std::int64_t>(log.steps, (live.endUtc - log.startUtc) / stepSeconds);
        if (to <= from)
            continue;
        anomaly::Fault f = live.fault;
        f.startStep = int(from);
        f.endStep = int(to);
        out.push_back(f);
    }
    return out;
}

// A planted fault of the condition's type on its subject under way at timeUtc (or ended less
// than a day before: engine/anomaly's scoring rule). The first such alarm detects the fault.
bool LearningService::explainedLocked(const anomaly::AlarmCondition& condition, std::int64_t timeUtc,
                                      bool markDetected) {
    bool explained = false;
    for (auto& live : liveFaults_)
        if (live.type == condition.type && live.subject == condition.subject && live.startUtc <= timeUtc &&
            timeUtc < live.endUtc + kDaySeconds) {
            explained = true;
            if (markDetected && live.detectedUtc == 0)
                live.detectedUtc = timeUtc;
        }
    return explained;
}

LiveDetection LearningService::liveDetectionLocked(std::int64_t nowUtc) const {
    LiveDetection out;
    out.planting = plantingLive_;
    out.note = plantingNote_;
    out.unexplainedAlarms = unexplainedAlarms_;
    out.suppressedAlarms = alarms_->suppressedCount();
    out.checkedUntilUtc = detectedUntilUtc_;
    for (const auto& live : liveFaults_) {
        if (live.startUtc > nowUtc)
            continue;
        out.faults.push_back({live.type, live.subject, live.startUtc, live.endUtc, live.detectedUtc});
        auto it = std::find_if(out.perType.begin(), out.perType.end(), [&](const auto& d) { return d.type == live.type; });
        if (it == out.perType.end())
            it = out.perType.insert(out.perType.end(), DetectionFigures{live.type, 0, 0, 0, 0, 0});
        ++it->planted;
        it->ended += live.endUtc <= nowUtc ? 1 : 0;
        if (live.detectedUtc > 0) {
            const double h = double(live.detectedUtc - live.startUtc) / 3600.0;
            it->meanHoursToDetect = (it->meanHoursToDetect * it->detected + h) / (it->detected + 1);
            it->maxHoursToDetect = std::max(it->maxHoursToDetect, h);
            ++it->detected;
        }
    }
    if (out.faults.size() > 100)
        out.faults.erase(out.faults.begin(), out.faults.end() - 100);
    return out;
}

void LearningService::publishAlarms() {
    auto snapshot = std::make_shared<AlarmSnapshot>();
    {
        std::lock_guard lock(alarmMutex_);
        const std::int64_t now = std::max<std::int64_t>(nowUtc_.load(), detectedUntilUtc_);
        alarms_->advanceTo(now);
        snapshot->nowUtc = now;
        snapshot->operators = options_.operators;
        snapshot->suppressedTotal = alarms_->suppressedCount();
        snapshot->alarmsPerOperatorPerDay =
            alarms_->alarmsPerOperatorPerDay(now - kDaySeconds, now, std::max(1, options_.operators));
        for (const auto& a : alarms_->standingAlarms())
            snapshot->standing.push_back({a.id, toView(a.condition.priority), toView(a.state), a.condition.type,
                                          a.condition.subject, a.condition.message, a.firstRaisedUtc,
                                          a.lastChangeUtc, a.shelvedUntilUtc, a.acknowledgedBy,
                                          std::any_of(liveFaults_.begin(), liveFaults_.end(), [&](const LiveFault& f) {
                                              return f.type == a.condition.type && f.subject == a.condition.subject &&
                                                     f.startUtc <= a.lastChangeUtc;
                                          })});
        const auto events = journal_->events(0);
        const std::size_t keep = std::min<std::size_t>(events.size(), 300);
        for (std::size_t i = 0; i < keep; ++i) {
            const auto& e = events[events.size() - 1 - i];   // newest first
            snapshot->journal.push_back({e.timeUtc, e.alarmId, e.event, e.operatorName, e.subject, e.type});
        }
        snapshot->liveDetection = liveDetectionLocked(now);
        alarmSnapshot_ = snapshot;
    }
    AlarmSnapshotPtr published = snapshot;
    post([this, published] { Q_EMIT alarmSnapshotChanged(published); });
}

AlarmSnapshotPtr LearningService::alarmSnapshot() const {
    std::lock_guard lock(alarmMutex_);
    return alarmSnapshot_;
}

std::string LearningService::operatorAction(int alarmId,
                                            const std::function<void(anomaly::AlarmManager&)>& action) {
    try {
        std::lock_guard lock(alarmMutex_);
        if (!alarms_->find(alarmId))
            return tr("No alarm %1.").arg(alarmId).toStdString();
        action(*alarms_);
    } catch (const anomaly::AlarmActionError& e) {
        return e.what();
    } catch (const std::exception& e) {
        return tr("Alarm journal error: %1").arg(QString::fromUtf8(e.what())).toStdString();
    }
    publishAlarms();
    return {};
}

std::string LearningService::acknowledge(int alarmId) {
    return operatorAction(alarmId, [&](anomaly::AlarmManager& m) { m.acknowledge(alarmId, options_.operatorName, nowUtc_); });
}

std::string LearningService::shelve(int alarmId, std::int64_t untilUtc) {
    return operatorAction(alarmId,
                          [&](anomaly::AlarmManager& m) { m.shelve(alarmId, options_.operatorName, untilUtc, nowUtc_); });
}

std::string LearningService::unshelve(int alarmId) {
    return operatorAction(alarmId, [&](anomaly::AlarmManager& m) { m.unshelve(alarmId, options_.operatorName, nowUtc_); });
}

}  // namespace swarmergy::app
