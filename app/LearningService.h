#pragma once
// SwarmBrain in the console: the learning and the anomaly pipeline, off the GUI thread.
//
// Forecasts: per-ruche history (load, PV, irradiance) built from the meter steps the simulator
// hands over, or a demo history of a year generated in seconds; training of every ruche's
// models on a worker thread with progress and cancel; models saved under
// <dataDirectory>/models/<ruche>/<target>.model with their version and training metrics (see
// engine/forecast/ModelFile.h); a retrain each simulated night; forecasts for the plan and a
// ForecastSnapshot for the forecast view (a missing or damaged model gives the baseline with a
// warning, never a crash).
//
// Live (issue 7): startLive() takes the simulated fleet, seeds a warm-up history simulated up to
// the first live step (so models exist at once: loaded from disk, else trained), then the
// simulation worker hands over each step with feedSimulatorStep() (cheap, bounded windows);
// forecastsFor() gives the rolling plan the learned forecasts (planning::RucheForecast), and
// every simulated night the models are retrained on the worker with the new data and replace
// the old ones atomically.
//
// Anomalies: the recent meter log (a rolling window), the detectors run over it once per
// simulated hour on a second worker thread; conditions raise and clear ISA-18.2 alarms in an
// AlarmManager journalled to <dataDirectory>/alarms.sqlite; an AlarmSnapshot for the alarm
// console; operator actions through AlarmControl.
//
// Threading: the object lives in the GUI thread and emits every signal there; the workers
// touch shared data under mutexes and hand results back with queued calls.

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <QObject>
#include <QString>
#include <QThreadPool>

#include "app/services/AlarmSnapshot.h"
#include "app/LearningWiring.h"
#include "app/services/ForecastSnapshot.h"
#include "engine/anomaly/AlarmJournal.h"
#include "engine/anomaly/AlarmModel.h"
#include "engine/anomaly/Detectors.h"
#include "engine/anomaly/Faults.h"
#include "engine/anomaly/MeterLog.h"
#include "engine/forecast/ForecastTypes.h"
#include "engine/forecast/QuantileMlp.h"
#include "engine/forecast/RucheForecaster.h"
#include "engine/forecast/RucheHistory.h"
#include "engine/planning/PlanForecast.h"
#include "engine/simulation/FleetGenerator.h"
#include "engine/simulation/Simulator.h"

Q_DECLARE_METATYPE(swarmergy::app::ForecastSnapshotPtr)
Q_DECLARE_METATYPE(swarmergy::app::AlarmSnapshotPtr)

namespace swarmergy::app {

// Live demo: faults planted in what the detectors read, so the alarm console has work while the
// simulated meters are healthy. Every `spacingHours` a fault of the next type in turn starts on
// one alvéole (stuck meter, inverter trip, hub silent, spikes, ruche outage, drift, PV soiling,
// habit change, battery fade), planned and injected by engine/anomaly's planFaults and
// injectFaults, one ruche outage per round to show suppression. Only the copy of the meter log
// a detector pass reads is changed: never the simulator, the telemetry store or the forecast
// history. The ground truth and the detection figures are in the AlarmSnapshot.
struct LiveFaultOptions {
    bool enabled = false;          // makeLiveLearning turns it on
    int spacingHours = 24;         // a new fault every simulated day
    std::uint64_t seed = 1;
};

struct LearningOptions {
    QString dataDirectory;                 // empty: models stay in memory, journal ":memory:"
    forecast::TrainOptions network;        // per target (epochs, hidden units, seed)
    int originStride = 6;                  // one training origin every 90 minutes
    // Train on the most recent days only: 8 weeks let the load habit settle (engine/forecast
    // README: 6 weeks or more) and keep a nightly retrain near a minute per ruche, where a
    // year takes ~75 s per ruche on the 2-core machine. 0 = all the history.
    int trainingWindowDays = 56;
    int operators = 1;                     // for the alarm rate per operator per day
    std::string operatorName = "operator";
    int meterWindowDays = 10;              // rolling window of the meter log the detectors see
                                           // (trimmed a day at a time: holds up to one day more)
    // Rolling window of the forecast history fed from the simulation (trimmed a day at a
    // time). 0: the training window (8 weeks if that is 0) plus a week, at least 5 weeks
    // (the forecast's features look four weeks back).
    int historyWindowDays = 0;
    int anomalyPeriodMinutes = 60;         // detectors run once per simulated hour
    bool nightlyRetrain = true;            // retrain once per simulated local day, after 02:00
    int nightlyRetrainLocalHour = 2;
    int coverageDays = 2;                  // recent days over which the band coverage is counted
    anomaly::DetectorOptions detectors;
    LiveFaultOptions liveFaults;
};

class LearningService : public QObject, public AlarmControl, public ForecastControl, public LiveLearning {
    Q_OBJECT
public:
    explicit LearningService(LearningOptions options, QObject* parent = nullptr);
    ~LearningService() override;   // cancels training and waits for the workers

    // --- Inputs --------------------------------------------------------------------------
    // The fleet being simulated (assets, panels, ruche sites). Resets the histories and the
    // meter log to empty ones starting at firstStepUtc.
    void setFleet(const simulation::Fleet& fleet, std::int64_t firstStepUtc);
    // A recorded history per ruche (replaces the current one).
    void setHistory(std::vector<forecast::RucheHistory> histories);
    // Meter steps from the simulator (same alvéoles as the fleet, contiguous in time): appended
    // to the meter log window and, summed per ruche, to the forecast history; then advanceTo().
    // Throws std::invalid_argument if the chunk does not fit (other alvéoles, gap in time).
    void appendMeterSteps(const anomaly::MeterLog& chunk);
    // One simulator step (Simulator::lastStepStartUtc(), Simulator::alveoles()), read as the
    // hubs report it (served load = load - shed, PV available), appended straight to the meter
    // log and the histories, then advanceTo(). Thread-safe and cheap (under 1 ms for 400 homes,
    // a day trimmed at a time off the bounded windows); a step already recorded is skipped;
    // throws std::invalid_argument for another fleet or a gap in time.
    void appendSimulatorStep(std::int64_t stepStartUtc, std::span<const simulation::AlveoleStep> alveoles);

    // --- Live simulation (issue 7) ---------------------------------------------------------
    // Call once from any thread before the first step is fed: sets the fleet (histories and
    // meter log start empty at firstStepUtc, so feeding may begin at once), then, on the
    // worker, simulates `warmupDays` of history ending at firstStepUtc (0: none, the models
    // wait for ~9 simulated days and the first night) and puts it before what was fed
    // meanwhile (and the detectors' learning week of meter readings, at most warmupDays, so they
    // judge the live steps from the first day), loads the saved models and trains if some are
    // missing. Emits liveReady()
    // (or failed()); the training that may follow reports as trainNow() does.
    void startLive(const simulation::Fleet& fleet, std::int64_t firstStepUtc, int warmupDays) override;
    // The simulator's last step (call on the simulation thread right after Simulator::step()):
    // appendSimulatorStep without exceptions. Runs the hourly anomaly pass and the nightly
    // retrain on the workers when due, never blocks on them. A step that does not fit (other
    // fleet, gap in time) stops the feed with one failed() until the next startLive/setFleet.
    void feedSimulatorStep(const simulation::Simulator& simulator) override;
    // Demo: generates the fleet, `historyDays` of ruche history ending where a meter log of
    // `meterDays` ends (the faults are injected into that log, steps relative to it), on the
    // worker. Emits demoReady() or failed().
    void generateDemo(const simulation::FleetOptions& fleet, int historyDays, int meterDays,
                      std::vector<anomaly::Fault> faults = {});
    // The same, with faultsPerType faults of every type planned on the demo's meters after the
    // detectors' learning week (engine/anomaly's planFaults), so the alarm console has work.
    void generateDemoWithFaults(const simulation::FleetOptions& fleet, int historyDays, int meterDays,
                                int faultsPerType);
    // Simulated time moved on: expires shelves, runs the detectors each period, retrains each
    // night.
    void advanceTo(std::int64_t nowUtc);

    // --- Forecasts ------------------------------------------------------------------------
    void trainNow() override;          // no effect while training or without history
    void cancelTraining() override;
    bool isTraining() const { return training_.load(); }
    // Loads the saved models of every ruche of the history; returns the warnings (missing or
    // damaged files: those targets answer with the baseline). Rebuilds the forecast snapshot.
    std::vector<std::string> loadModels();
    ForecastSnapshotPtr forecastSnapshot() const;
    // 96 steps from the latest measured step, one per ruche: what the rolling plan should use
    // in place of the simulator's noisy forecast (p90 sets the reserve).
    std::vector<forecast::RucheForecast> planForecasts() const;
    // The learned forecasts for a plan whose first step starts at firstStepUtc (the simulator's
    // timeUtc() after the step just fed), min(steps, 96) values per ruche. A ruche or target
    // without a trained model (or with a damaged file) is left out, so the plan keeps the noisy
    // forecast there; null when no model is trained at all or the history does not reach
    // firstStepUtc with enough steps before it. Thread-safe, never throws; cached per origin
    // and model set, so asking again for the same step is free.
    planning::RucheForecastsPtr forecastsFor(std::int64_t firstStepUtc, int steps) const override;
    int modelVersion() const;   // of the models in use, 0 = none
    QString modelDirectory() const;

    // --- Alarms ---------------------------------------------------------------------------
    // Runs the detectors over the meter log now (on the worker); alarmSnapshotChanged follows.
    void runAnomalyPass();
    AlarmSnapshotPtr alarmSnapshot() const;
    std::string acknowledge(int alarmId) override;
    std::string shelve(int alarmId, std::int64_t untilUtc) override;
    std::string unshelve(int alarmId) override;

    std::int64_t nowUtc() const { return nowUtc_.load(); }
    int historySteps() const;
    forecast::RucheHistory history(int ruche) const;   // measured part; throws std::out_of_range
    int meterSteps() const;

Q_SIGNALS:
    void demoReady(int historySteps, int meterSteps);
    void liveReady(int historySteps);
    void trainingStarted();
    void trainingProgress(double share);                 // 0..1 over every ruche and target
    void trainingFinished(bool completed, QString message);
    void forecastSnapshotChanged(swarmergy::app::ForecastSnapshotPtr snapshot);
    void planForecastsChanged();
    void alarmSnapshotChanged(swarmergy::app::AlarmSnapshotPtr snapshot);
    void failed(QString message);

private:
    void trainJob();
    void anomalyJob();
    void rebuildForecastSnapshot(const QString& message);
    void publishAlarms();
    std::vector<forecast::RucheHistory> completedHistories() const;   // sky and irradiance filled
    void appendStepLocked(std::int64_t stepStartUtc, std::span<const simulation::AlveoleStep> alveoles);
    void trimWindowsLocked();
    int historyWindowSteps() const;
    void warmUp(std::int64_t firstStepUtc, int warmupDays, int generation);
    // Live planted faults (under alarmMutex_).
    void planLiveFaultsLocked(const anomaly::MeterLog& log, std::int64_t untilUtc);
    std::vector<anomaly::Fault> windowFaultsLocked(const anomaly::MeterLog& log) const;
    bool explainedLocked(const anomaly::AlarmCondition& condition, std::int64_t timeUtc, bool markDetected);
    void reconcileLocked(const anomaly::MeterLog& log, const std::vector<anomaly::ConditionEvent>& events);
    LiveDetection liveDetectionLocked(std::int64_t nowUtc) const;
    std::string operatorAction(int alarmId, const std::function<void(anomaly::AlarmManager&)>& action);
    void post(std::function<void()> inGuiThread);

    LearningOptions options_;
    QThreadPool trainPool_;      // one thread: training and demo generation
    QThreadPool anomalyPool_;    // one thread: detector passes

    mutable std::mutex dataMutex_;            // fleet_, histories_, log_
    std::shared_ptr<const simulation::Fleet> fleet_;
    std::vector<forecast::RucheHistory> histories_;
    anomaly::MeterLog log_;
    std::uint64_t historyVersion_ = 0;        // bumped at every change of histories_

    // The models in use, replaced as a whole (a retrain, a load): a reader keeps the set it took.
    using Models = std::vector<forecast::RucheForecaster>;
    mutable std::mutex modelMutex_;           // models_, snapshot, plan, warnings
    std::shared_ptr<const Models> models_ = std::make_shared<const Models>();
    std::shared_ptr<const Models> currentModels() const;
    std::vector<std::string> loadWarnings_;
    ForecastSnapshotPtr forecastSnapshot_;
    std::vector<forecast::RucheForecast> planForecasts_;
    TrainingStatus lastTraining_;

    mutable std::mutex alarmMutex_;           // journal_, alarms_, alarm snapshot
    std::unique_ptr<anomaly::AlarmJournal> journal_;
    std::unique_ptr<anomaly::AlarmManager> alarms_;
    AlarmSnapshotPtr alarmSnapshot_;
    std::int64_t detectedUntilUtc_ = 0;       // events before this instant were already applied
    struct LiveFault {
        anomaly::Fault fault;                 // type, alvéole, ruche, magnitude (steps: see times)
        std::int64_t startUtc = 0, endUtc = 0;
        std::string type, subject;            // as the alarm it should raise
        std::int64_t detectedUtc = 0;
    };
    std::vector<LiveFault> liveFaults_;
    bool plantingLive_ = false;
    std::string plantingNote_;
    std::int64_t nextFaultRoundUtc_ = 0;
    int faultRound_ = 0;
    int unexplainedAlarms_ = 0;

    std::atomic<bool> training_{false};
    std::atomic<bool> cancelRequested_{false};
    std::atomic<bool> anomalyRunning_{false};
    std::atomic<std::int64_t> nowUtc_{0};
    std::mutex clockMutex_;                   // advanceTo's bookkeeping (any thread may call it)
    std::int64_t lastAnomalyPassUtc_ = 0;
    std::int64_t lastTrainLocalDay_ = -1;     // -1: set by the first advanceTo, no retrain then
    std::atomic<bool> feedStopped_{false};
    std::atomic<bool> shuttingDown_{false};
    std::atomic<int> liveGeneration_{0};

    // forecastsFor's last answer.
    mutable std::mutex cacheMutex_;
    mutable planning::RucheForecastsPtr cachedForecasts_;
    mutable std::shared_ptr<const Models> cachedModels_;
    mutable std::int64_t cachedOriginUtc_ = 0;
    mutable int cachedSteps_ = 0;
    mutable std::uint64_t cachedHistoryVersion_ = 0;
    int demoFaultsPerType_ = 0;
};

}  // namespace swarmergy::app
