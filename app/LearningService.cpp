#include "app/LearningService.h"

#include <utility>

#include <QDir>
#include <QMetaObject>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
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

// The last `days` days of a history (measured and sky arrays alike), for training.
forecast::RucheHistory lastDays(const forecast::RucheHistory& h, int days) {
    const int stepsPerDay = 24 * 60 / h.stepMinutes;
    const int from = days > 0 ? std::max(0, h.steps() - days * stepsPerDay) : 0;
    if (from == 0)
        return h;
    forecast::RucheHistory out = h;
    out.startUtc = h.stepStartUtc(from);
    for (auto* v : {&out.loadKw, &out.pvKw, &out.ghiWm2, &out.clearSkyPvKw, &out.clearSkyGhiWm2, &out.ambientC})
        v->erase(v->begin(), v->begin() + from);
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
    std::lock_guard lock(dataMutex_);
    fleet_ = fleet;
    log_ = std::move(log);
    histories_ = std::move(histories);
}

void LearningService::setHistory(std::vector<forecast::RucheHistory> histories) {
    std::lock_guard lock(dataMutex_);
    histories_ = std::move(histories);
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
            appendSteps(log_, chunk, from);
            trimFront(log_, options_.meterWindowDays * 96);
        }
        endUtc = log_.stepStartUtc(log_.steps);
    }
    advanceTo(endUtc);
}

void LearningService::appendSimulatorStep(std::int64_t stepStartUtc,
                                          const std::vector<simulation::AlveoleStep>& alveoles) {
    anomaly::MeterLog chunk;
    {
        std::lock_guard lock(dataMutex_);
        chunk.alveoles = log_.alveoles;
        chunk.rucheIds = log_.rucheIds;
        chunk.stepMinutes = log_.stepMinutes;
        chunk.utcOffsetMinutes = log_.utcOffsetMinutes;
    }
    if (alveoles.size() != chunk.alveoles.size())
        throw std::invalid_argument("LearningService::appendSimulatorStep: " + std::to_string(alveoles.size()) +
                                    " alvéoles, the fleet has " + std::to_string(chunk.alveoles.size()));
    chunk.startUtc = stepStartUtc;
    chunk.steps = 1;
    // The same reading of a simulator step as anomaly::recordFleet.
    for (const auto& a : alveoles) {
        chunk.loadKw.push_back(a.loadKw - a.shedKw);
        chunk.pvKw.push_back(a.pvAvailableKw);
        chunk.pvUsedKw.push_back(a.pvUsedKw);
        chunk.chargeKw.push_back(a.chargeKw);
        chunk.dischargeKw.push_back(a.dischargeKw);
        chunk.socKwh.push_back(a.socKwh);
        chunk.netKw.push_back(a.netKw);
        chunk.reported.push_back(1);
    }
    appendMeterSteps(chunk);
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
                fleet_ = fleet;
                histories_ = std::move(histories);
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
    if (nowUtc > nowUtc_)
        nowUtc_ = nowUtc;
    {
        std::lock_guard lock(alarmMutex_);
        alarms_->advanceTo(nowUtc_);   // shelves expire with simulated time
    }
    if (nowUtc_ - lastAnomalyPassUtc_ >= std::int64_t(options_.anomalyPeriodMinutes) * 60) {
        lastAnomalyPassUtc_ = nowUtc_;
        runAnomalyPass();
    }
    if (!options_.nightlyRetrain)
        return;
    int offsetMinutes = 60;
    {
        std::lock_guard lock(dataMutex_);
        if (histories_.empty())
            return;
        offsetMinutes = histories_.front().utcOffsetMinutes;
    }
    const std::int64_t local = nowUtc_ + std::int64_t(offsetMinutes) * 60;
    const std::int64_t localDay = local / kDaySeconds;
    const int localHour = int((local % kDaySeconds) / 3600);
    if (localDay != lastTrainLocalDay_ && localHour >= options_.nightlyRetrainLocalHour && !training_) {
        lastTrainLocalDay_ = localDay;
        trainNow();
    }
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
    std::lock_guard lock(dataMutex_);
    std::vector<forecast::RucheHistory> out = histories_;
    for (std::size_t r = 0; r < out.size(); ++r) {
        auto& h = out[r];
        const int steps = h.steps();
        if (fleet_ && int(h.clearSkyPvKw.size()) != steps + forecast::kHorizonSteps)
            forecast::fillSky(*fleet_, int(r), h.startUtc, steps + forecast::kHorizonSteps, h);
        // The simulator's meters have no pyranometer: irradiance from the PV's clear-sky index,
        // as engine/forecast/TelemetryHistory does.
        for (int s = int(h.ghiWm2.size()); s < steps; ++s) {
            const double clearPv = h.clearSkyPvKw.size() > std::size_t(s) ? h.clearSkyPvKw[std::size_t(s)] : 0;
            const double index = clearPv > 0.01 ? std::clamp(h.pvKw[std::size_t(s)] / clearPv, 0.0, 1.2) : 0.0;
            h.ghiWm2.push_back(h.clearSkyGhiWm2.size() > std::size_t(s) ? index * h.clearSkyGhiWm2[std::size_t(s)] : 0);
        }
    }
    return out;
}

void LearningService::trainNow() {
    if (training_.exchange(true))
        return;
    cancelRequested_ = false;
    Q_EMIT trainingStarted();
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
        std::vector<forecast::RucheForecaster> trained;
        {
            std::lock_guard lock(modelMutex_);
            for (const auto& h : histories) {
                auto it = std::find_if(forecasters_.begin(), forecasters_.end(),
                                       [&](const auto& f) { return f.rucheId() == h.rucheId; });
                trained.push_back(it != forecasters_.end() ? it->cloneAs(h.rucheId) : forecast::RucheForecaster(h.rucheId));
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
            completed = trained[r].train(window, window.steps(), fo) && !cancelRequested_;
        }
        if (completed) {
            if (!options_.dataDirectory.isEmpty())
                for (const auto& f : trained)
                    f.save(modelDirectory().toStdString());
            std::lock_guard lock(modelMutex_);
            forecasters_ = std::move(trained);
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
    {
        std::lock_guard lock(modelMutex_);
        forecasters_.clear();
        for (const auto& h : histories) {
            forecast::RucheForecaster f(h.rucheId);
            if (!options_.dataDirectory.isEmpty())
                for (auto& w : f.load(modelDirectory().toStdString()))
                    warnings.push_back(h.rucheId + ": " + w);
            forecasters_.push_back(std::move(f));
        }
        loadWarnings_ = warnings;
    }
    rebuildForecastSnapshot(warnings.empty() ? tr("Models loaded.") : tr("Some models unusable: baseline in use."));
    return warnings;
}

// Forecast from half a day ago (so the view compares with what was measured since) and from
// the latest step (for the plan). Runs on whichever thread asks; emits in the GUI thread.
void LearningService::rebuildForecastSnapshot(const QString& message) {
    const auto histories = completedHistories();
    auto snapshot = std::make_shared<ForecastSnapshot>();
    std::vector<forecast::RucheForecast> plan;
    {
        std::lock_guard lock(modelMutex_);
        snapshot->warnings = loadWarnings_;
        lastTraining_.message = message.toStdString();
        lastTraining_.modelVersion = 0;
        double maeLoad = 0, maePv = 0;
        int counted = 0;
        for (const auto& h : histories) {
            auto it = std::find_if(forecasters_.begin(), forecasters_.end(),
                                   [&](const auto& f) { return f.rucheId() == h.rucheId; });
            const forecast::RucheForecaster fallback(h.rucheId);
            const forecast::RucheForecaster& f = it != forecasters_.end() ? *it : fallback;
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
                lastTraining_.modelVersion = std::max(lastTraining_.modelVersion, m.modelVersion);
                lastTraining_.trainedUntilUtc = m.trainedUntilUtc;
                maeLoad += m.validationMaeModel;
                maePv += f.metrics(forecast::Target::Pv).validationMaeModel;
                ++counted;
            }
        }
        if (counted) {
            lastTraining_.validationMaeLoadKw = maeLoad / counted;
            lastTraining_.validationMaePvKw = maePv / counted;
        }
        snapshot->training = lastTraining_;
        snapshot->training.running = false;
        snapshot->training.progress = 1;
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
        const auto events = anomaly::detectConditions(log, options_.detectors);
        std::lock_guard lock(alarmMutex_);
        // Detectors are causal: events before what the last pass saw were applied then.
        for (const auto& e : events) {
            const std::int64_t t = log.stepStartUtc(e.step);
            if (t < detectedUntilUtc_)
                continue;
            const anomaly::AlarmCondition condition = anomaly::conditionFor(log, e);
            if (e.active)
                alarms_->raise(condition, t);
            else
                alarms_->clear(condition.type, condition.subject, t);
        }
        detectedUntilUtc_ = log.stepStartUtc(log.steps);
    }
    publishAlarms();
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
                                          a.lastChangeUtc, a.shelvedUntilUtc, a.acknowledgedBy});
        const auto events = journal_->events(0);
        const std::size_t keep = std::min<std::size_t>(events.size(), 300);
        for (std::size_t i = 0; i < keep; ++i) {
            const auto& e = events[events.size() - 1 - i];   // newest first
            snapshot->journal.push_back({e.timeUtc, e.alarmId, e.event, e.operatorName, e.subject});
        }
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
