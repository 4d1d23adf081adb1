#include "app/DemoService.h"

namespace swarmergy::app {

DemoService::DemoService(DemoOptions options, QObject* parent)
    : QObject(parent), options_(std::move(options)) {
    qRegisterMetaType<model::EssaimSnapshotPtr>("swarmergy::model::EssaimSnapshotPtr");
    qRegisterMetaType<model::SimSpeed>("swarmergy::model::SimSpeed");
    qRegisterMetaType<model::PlanSnapshotPtr>("swarmergy::model::PlanSnapshotPtr");
    qRegisterMetaType<model::MarketSnapshotPtr>("swarmergy::model::MarketSnapshotPtr");
    thread_.setObjectName(QStringLiteral("simulation"));
    worker_ = new SimulationWorker(options_);
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &SimulationWorker::ready, this, &DemoService::ready);
    connect(worker_, &SimulationWorker::failed, this, &DemoService::failed);
    connect(worker_, &SimulationWorker::stepsDone, this, [this](qint64 step) {
        speed_ = model::SimSpeed::Paused;   // the worker pauses after a bounded run
        Q_EMIT speedChanged(speed_);
        Q_EMIT stepsDone(step);
    });
    connect(worker_, &SimulationWorker::snapshotReady, this, [this](model::EssaimSnapshotPtr s) {
        latest_ = s;
        Q_EMIT snapshotReady(std::move(s));
    });
    connect(worker_, &SimulationWorker::planReady, this, [this](model::PlanSnapshotPtr plan) {
        latestPlan_ = plan;
        Q_EMIT planReady(std::move(plan));
    });
    connect(worker_, &SimulationWorker::marketReady, this, [this](model::MarketSnapshotPtr market) {
        latestMarket_ = market;
        Q_EMIT marketReady(std::move(market));
    });
    connect(this, &DemoService::requestSpeed, worker_, &SimulationWorker::setSpeed);
    connect(this, &DemoService::requestStep, worker_, &SimulationWorker::stepOnce);
    connect(this, &DemoService::requestGridConnected, worker_, &SimulationWorker::setGridConnected);
    connect(this, &DemoService::requestRunSteps, worker_, &SimulationWorker::runStepsThenPause);
}

DemoService::~DemoService() {
    if (thread_.isRunning()) {
        QMetaObject::invokeMethod(worker_, &SimulationWorker::shutdown, Qt::BlockingQueuedConnection);
        thread_.quit();
        thread_.wait();
    } else {
        delete worker_;
    }
}

void DemoService::start() {
    thread_.start();
    QMetaObject::invokeMethod(worker_, &SimulationWorker::initialise, Qt::QueuedConnection);
}

void DemoService::setSpeed(model::SimSpeed speed) {
    if (speed == speed_)
        return;
    speed_ = speed;
    Q_EMIT requestSpeed(speed);
    Q_EMIT speedChanged(speed);
}

void DemoService::stepOnce() {
    setSpeed(model::SimSpeed::Paused);
    Q_EMIT requestStep();
}

void DemoService::setGridConnected(bool connected) { Q_EMIT requestGridConnected(connected); }

void DemoService::runStepsThenPause(int steps) {
    speed_ = model::SimSpeed::AsFastAsPossible;
    Q_EMIT speedChanged(speed_);
    Q_EMIT requestRunSteps(steps);
}

}  // namespace swarmergy::app
