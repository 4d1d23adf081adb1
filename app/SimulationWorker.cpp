#include "app/SimulationWorker.h"

#include "app/SimClock.h"
#include "app/TelemetryMapping.h"
#include "engine/simulation/Simulator.h"
#include "engine/telemetry/TelemetryStore.h"

#include <QTimer>

#include <exception>

namespace swarmergy::app {

SimulationWorker::SimulationWorker(DemoOptions options, QObject* parent)
    : QObject(parent), options_(std::move(options)) {}

SimulationWorker::~SimulationWorker() = default;

void SimulationWorker::initialise() {
    try {
        simulation::FleetOptions fleetOptions;
        fleetOptions.alveoles = options_.alveoles;
        fleetOptions.ruches = options_.ruches;
        fleetOptions.seed = options_.seed;
        fleetOptions.start = options_.start.toStdString();
        simulator_ = std::make_unique<simulation::Simulator>(simulation::generateFleet(fleetOptions));
        if (!options_.telemetryPath.isEmpty()) {
            store_ = telemetry::TelemetryStore::open(options_.telemetryPath.toStdString());
            const auto meters = meterInfos(simulator_->fleet());
            store_->registerMeters(meters);
            catchUpWithStore();
        }
    } catch (const std::exception& error) {
        Q_EMIT failed(QString::fromStdString(error.what()));
        return;
    }
    timer_ = new QTimer(this);
    connect(timer_, &QTimer::timeout, this, &SimulationWorker::advance);
    sincePublish_.start();
    Q_EMIT ready(options_.alveoles, options_.ruches);
    publish(true);
}

// A persistent store that already holds steps of this (deterministic) simulation: replay up to
// its last step without writing, so the console resumes where it stopped.
void SimulationWorker::catchUpWithStore() {
    const auto last = store_->lastCommittedStep();
    if (!last)
        return;
    while (simulator_->timeUtc() <= *last)
        simulator_->step();
}

void SimulationWorker::setSpeed(model::SimSpeed speed) {
    speed_ = speed;
    stepsToRun_ = 0;
    reschedule();
    publish(true);
}

void SimulationWorker::reschedule() {
    if (!timer_)
        return;
    const auto interval = stepIntervalMs(speed_, simulator_->stepMinutes());
    if (!interval) {
        timer_->stop();
        return;
    }
    timer_->start(*interval);
}

void SimulationWorker::stepOnce() {
    if (!simulator_)
        return;
    speed_ = model::SimSpeed::Paused;
    reschedule();
    advance();
    publish(true);
}

void SimulationWorker::setGridConnected(bool connected) {
    if (simulator_)
        simulator_->setGridConnected(connected);
}

void SimulationWorker::runStepsThenPause(int steps) {
    if (!simulator_)
        return;
    stepsToRun_ = steps;
    speed_ = model::SimSpeed::AsFastAsPossible;
    reschedule();
}

void SimulationWorker::shutdown() {
    if (timer_)
        timer_->stop();
    store_.reset();   // closes the SQLite connection on the thread that used it
}

void SimulationWorker::advance() {
    simulator_->step();
    writeTelemetry();
    if (stepsToRun_ > 0 && --stepsToRun_ == 0) {
        speed_ = model::SimSpeed::Paused;
        reschedule();
        publish(true);
        Q_EMIT stepsDone(simulator_->stepIndex());
        return;
    }
    publish(false);
}

void SimulationWorker::writeTelemetry() {
    if (!store_ || telemetryFailed_)
        return;
    try {
        fillReadings(*simulator_, readings_);
        store_->appendStep(simulator_->lastStepStartUtc(), simulator_->stepMinutes(), readings_,
                           {simulator_->importPriceNow(), simulator_->exportPriceNow()});
        const std::int64_t stepsPerDay = 24 * 60 / simulator_->stepMinutes();
        if (simulator_->stepIndex() % stepsPerDay == 0)
            store_->applyRetention(options_.keepRawDays, options_.keepHourlyDays);
    } catch (const std::exception& error) {
        // The simulation goes on; history stops here and the operator is told once.
        telemetryFailed_ = true;
        Q_EMIT failed(tr("telemetry is no longer recorded: %1").arg(QString::fromStdString(error.what())));
    }
}

void SimulationWorker::publish(bool force) {
    if (!simulator_)
        return;
    if (!force && sincePublish_.elapsed() < options_.publishIntervalMs)
        return;
    sincePublish_.restart();
    Q_EMIT snapshotReady(simulator_->snapshot(speed_));
}

}  // namespace swarmergy::app
