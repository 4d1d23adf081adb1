#pragma once
// Runs the essaim simulation and writes telemetry on its own thread (the GUI thread only
// paints). Publishes immutable snapshots through a queued signal at most every
// publishIntervalMs (10 Hz by default), whatever the simulation speed.

#include "engine/model/Market.h"
#include "engine/model/Plan.h"
#include "engine/model/Snapshot.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include "engine/telemetry/TelemetryStore.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>

class QTimer;
template <typename T> class QFutureWatcher;

namespace swarmergy::simulation { class Simulator; }
namespace swarmergy::planning { struct PlanOutcome; struct SeasonalPlan; }

namespace swarmergy::app {

class LedgerFeeder;
class LiveLearning;
class MarketRecorder;

struct DemoOptions {
    int alveoles = 400;
    int ruches = 4;
    std::uint64_t seed = 1;
    // Local midnight (CET, the fleet's fixed offset), so a 24 h run covers one whole local day.
    QString start = QStringLiteral("2026-06-20T23:00:00Z");
    QString telemetryPath;   // empty: no telemetry written
    int publishIntervalMs = 100;
    // Telemetry retention, applied once per simulated day: raw 15-minute rows, then hourly
    // roll-ups; daily roll-ups are kept for ever.
    int keepRawDays = 35;
    int keepHourlyDays = 400;
    // SwarmBrain's rolling plan: re-plan every planEverySteps steps and at once on events.
    bool planning = true;
    int planEverySteps = 1;
    double forecastNoise = 0.10;
    // Bounded runs (runStepsThenPause) wait for each due plan before stepping on, so their
    // outcome does not depend on how fast the machine solves; interactive speeds never wait.
    bool lockstepBoundedRuns = true;
    // SwarmBrain's learning, fed every step; its forecasts replace the noisy ones in the plan.
    // Must outlive the worker. Null: the noisy forecast.
    LiveLearning* learning = nullptr;
};

class SimulationWorker : public QObject {
    Q_OBJECT
public:
    explicit SimulationWorker(DemoOptions options, QObject* parent = nullptr);
    ~SimulationWorker() override;
    // Where each settled interval goes on the ledger; set before initialise(), must outlive
    // the worker. Without one the market is settled and shown but not recorded.
    void setLedgerFeeder(LedgerFeeder* feeder) { ledgerFeeder_ = feeder; }

public Q_SLOTS:
    void initialise();                       // builds the fleet and opens the store, on the worker thread
    void setSpeed(swarmergy::model::SimSpeed speed);
    void stepOnce();
    void setGridConnected(bool connected);
    void runStepsThenPause(int steps);       // as fast as possible, then pause and report
    void shutdown();

Q_SIGNALS:
    void ready(int alveoles, int ruches);
    void snapshotReady(swarmergy::model::EssaimSnapshotPtr snapshot);
    void planReady(swarmergy::model::PlanSnapshotPtr plan);
    void marketReady(swarmergy::model::MarketSnapshotPtr market);
    void stepsDone(qint64 stepIndex);        // after runStepsThenPause
    void failed(QString message);

private:
    void advance();
    void writeTelemetry();
    void publish(bool force);
    void reschedule();
    void catchUpWithStore();
    void planIfDue();
    void makeSeasonalPlan();
    void startPlan(model::PlanTrigger trigger);
    void adoptPlan();
    void recordActuals();
    void publishPlan(bool force);
    void settleMarket();
    void publishMarket(bool force);

    DemoOptions options_;
    std::unique_ptr<simulation::Simulator> simulator_;
    std::unique_ptr<telemetry::TelemetryStore> store_;
    QTimer* timer_ = nullptr;
    QElapsedTimer sincePublish_;
    model::SimSpeed speed_ = model::SimSpeed::Paused;
    std::vector<telemetry::Reading> readings_;
    QFutureWatcher<std::shared_ptr<planning::PlanOutcome>>* planWatcher_ = nullptr;
    std::shared_ptr<model::PlanSnapshot> plan_;   // the plan followed, with actuals appended
    // What each ruche did in the recent steps (one entry per step, newest last), so a plan
    // adopted a few steps after it started still compares from its first step.
    struct RucheActual { double importKw, exportKw, hiveSocKwh, h2LevelKwh; };
    std::deque<std::pair<std::int64_t, std::vector<RucheActual>>> recent_;
    std::shared_ptr<const planning::SeasonalPlan> seasonal_;
    std::vector<double> seasonActualLevelKwh_;   // one value per simulated day
    std::int64_t planFirstStep_ = 0;
    std::int64_t nextPlanStep_ = 0;
    std::optional<model::PlanTrigger> pendingTrigger_;
    QElapsedTimer sincePlanPublish_;
    int stepsToRun_ = 0;
    bool waitingForPlan_ = false;
    bool telemetryFailed_ = false;
    std::unique_ptr<MarketRecorder> market_;
    LedgerFeeder* ledgerFeeder_ = nullptr;
    QElapsedTimer sinceMarketPublish_;
};

}  // namespace swarmergy::app
