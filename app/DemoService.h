#pragma once
// The GUI thread's handle on the running demo: owns the simulation worker thread and
// forwards its snapshots. Views and the main window call these slots; every call is queued
// to the worker, so none of them blocks the GUI thread.

#include "app/SimulationWorker.h"

#include <QObject>
#include <QThread>

namespace swarmergy::app {

class DemoService : public QObject {
    Q_OBJECT
public:
    explicit DemoService(DemoOptions options, QObject* parent = nullptr);
    ~DemoService() override;

    void start();
    model::SimSpeed speed() const { return speed_; }
    model::EssaimSnapshotPtr latest() const { return latest_; }
    model::PlanSnapshotPtr latestPlan() const { return latestPlan_; }
    model::MarketSnapshotPtr latestMarket() const { return latestMarket_; }
    // The ledger the market is recorded on; before start(), must outlive this service.
    void setLedgerFeeder(LedgerFeeder* feeder) { worker_->setLedgerFeeder(feeder); }
    const DemoOptions& options() const { return options_; }

public Q_SLOTS:
    void setSpeed(swarmergy::model::SimSpeed speed);
    void stepOnce();
    void setGridConnected(bool connected);
    void runStepsThenPause(int steps);

Q_SIGNALS:
    void ready(int alveoles, int ruches);
    void snapshotReady(swarmergy::model::EssaimSnapshotPtr snapshot);
    void planReady(swarmergy::model::PlanSnapshotPtr plan);
    void marketReady(swarmergy::model::MarketSnapshotPtr market);
    void speedChanged(swarmergy::model::SimSpeed speed);
    void stepsDone(qint64 stepIndex);
    void failed(QString message);

    // Internal: queued to the worker.
    void requestSpeed(swarmergy::model::SimSpeed speed);
    void requestStep();
    void requestGridConnected(bool connected);
    void requestRunSteps(int steps);

private:
    DemoOptions options_;
    QThread thread_;
    SimulationWorker* worker_ = nullptr;
    model::SimSpeed speed_ = model::SimSpeed::Paused;
    model::EssaimSnapshotPtr latest_;
    model::PlanSnapshotPtr latestPlan_;
    model::MarketSnapshotPtr latestMarket_;
};

}  // namespace swarmergy::app
