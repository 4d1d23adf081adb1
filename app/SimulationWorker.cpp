#include "app/SimulationWorker.h"

#include "app/LearningWiring.h"
#include "app/LedgerFeeder.h"
#include "app/MarketRecorder.h"
#include "app/SimClock.h"
#include "app/TelemetryMapping.h"
#include "engine/planning/RollingPlanner.h"
#include "engine/simulation/Simulator.h"
#include "engine/telemetry/TelemetryStore.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent>

#include <exception>

namespace swarmergy::app {

SimulationWorker::SimulationWorker(DemoOptions options, QObject* parent)
    : QObject(parent), options_(std::move(options)) {}

SimulationWorker::~SimulationWorker() {
    if (planWatcher_)
        planWatcher_->waitForFinished();   // the planner reads the simulator's fleet
}

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
        if (options_.learning)
            options_.learning->startLive(simulator_->fleet(), simulator_->timeUtc(), kLiveWarmupDays);
        market_ = std::make_unique<MarketRecorder>(simulator_->fleet());
        if (ledgerFeeder_)
            ledgerFeeder_->start(market_->book());
    } catch (const std::exception& error) {
        Q_EMIT failed(QString::fromStdString(error.what()));
        return;
    }
    timer_ = new QTimer(this);
    connect(timer_, &QTimer::timeout, this, &SimulationWorker::advance);
    planWatcher_ = new QFutureWatcher<std::shared_ptr<planning::PlanOutcome>>(this);
    connect(planWatcher_, &QFutureWatcherBase::finished, this, &SimulationWorker::adoptPlan);
    sincePublish_.start();
    sincePlanPublish_.start();
    sinceMarketPublish_.start();
    nextPlanStep_ = simulator_->stepIndex();
    makeSeasonalPlan();
    Q_EMIT ready(options_.alveoles, options_.ruches);
    publish(true);
    planIfDue();
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
    publishPlan(true);   // a paused console shows the plan as it stands, not as last throttled
    publishMarket(true);
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
    publishPlan(true);
    publishMarket(true);
}

void SimulationWorker::setGridConnected(bool connected) {
    if (!simulator_)
        return;
    simulator_->setGridConnected(connected);
    // An event re-plans at once: the plan made for a connected essaim is wrong when islanded.
    pendingTrigger_ = connected ? model::PlanTrigger::GridReconnected : model::PlanTrigger::GridDisconnected;
    planIfDue();
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
    if (planWatcher_)
        planWatcher_->waitForFinished();
    store_.reset();   // closes the SQLite connection on the thread that used it
}

void SimulationWorker::advance() {
    if (stepsToRun_ > 0 && options_.lockstepBoundedRuns && planWatcher_ && planWatcher_->isRunning()) {
        waitingForPlan_ = true;   // adoptPlan() resumes
        timer_->stop();
        return;
    }
    simulator_->step();
    if (options_.learning)
        options_.learning->feedSimulatorStep(*simulator_);
    writeTelemetry();
    settleMarket();
    recordActuals();
    planIfDue();
    if (stepsToRun_ > 0 && --stepsToRun_ == 0) {
        speed_ = model::SimSpeed::Paused;
        reschedule();
        publish(true);
        publishPlan(true);
        publishMarket(true);
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

// The SeasonStore's year, planned once at start (a year of daily steps solves in a blink).
void SimulationWorker::makeSeasonalPlan() {
    if (!options_.planning)
        return;
    try {
        const auto& fleet = simulator_->fleet();
        seasonal_ = std::make_shared<planning::SeasonalPlan>(
            planning::solveSeasonalPlan(planning::seasonalInputs(fleet, simulator_->timeUtc(), 365)));
    } catch (const std::invalid_argument&) {
        seasonal_.reset();   // no SeasonStore in this essaim: nothing to plan
    } catch (const std::exception& error) {
        Q_EMIT failed(tr("seasonal plan failed, hydrogen keeps a fixed value: %1").arg(QString::fromStdString(error.what())));
    }
}

// One plan at a time: a new one starts when the last one is adopted, at the period or at
// once for an event; the simulator follows the last adopted plan meanwhile.
void SimulationWorker::planIfDue() {
    if (!options_.planning || !planWatcher_ || planWatcher_->isRunning())
        return;
    if (pendingTrigger_) {
        const auto trigger = *pendingTrigger_;
        pendingTrigger_.reset();
        startPlan(trigger);
    } else if (simulator_->stepIndex() >= nextPlanStep_) {
        startPlan(model::PlanTrigger::Periodic);
    }
}

void SimulationWorker::startPlan(model::PlanTrigger trigger) {
    const auto inputs = planning::captureInputs(*simulator_, trigger);
    planning::PlannerOptions options;
    options.forecastNoise = options_.forecastNoise;
    options.seed = options_.seed;
    options.dispatch.threads = 1;   // the simulation thread and the GUI share the other core
    // The decomposition proves its gap and is fast at every size; CLP's simplex is the
    // reference for tests and small cases, far slower at a few hundred homes.
    options.dispatch.method = optimization::DispatchMethod::Decomposition;
    options.dispatch.maxGap = 0.005;
    options.seasonal = seasonal_;
    if (options_.learning)   // learned forecasts, with a reserve from their 10-90 % band
        options.forecasts = options_.learning->forecastsFor(inputs.startUtc, options.horizonSteps);
    const simulation::Fleet* fleet = &simulator_->fleet();
    nextPlanStep_ = inputs.firstStep + options_.planEverySteps;
    planWatcher_->setFuture(QtConcurrent::run([fleet, inputs, options] {
        return std::make_shared<planning::PlanOutcome>(planning::makePlan(*fleet, inputs, options));
    }));
}

void SimulationWorker::adoptPlan() {
    std::shared_ptr<planning::PlanOutcome> outcome;
    try {
        outcome = planWatcher_->result();
    } catch (const std::exception& error) {
        Q_EMIT failed(tr("planning failed, the local rules keep running: %1").arg(QString::fromStdString(error.what())));
        if (waitingForPlan_) {
            waitingForPlan_ = false;
            reschedule();
        }
        return;
    }
    simulator_->followPlan(outcome->setpoints);
    plan_ = outcome->snapshot;
    plan_->seasonActualLevelKwh = seasonActualLevelKwh_;
    planFirstStep_ = outcome->setpoints->firstStep;
    recordActuals();
    publishPlan(true);
    planIfDue();
    if (waitingForPlan_) {
        waitingForPlan_ = false;
        reschedule();
    }
}

// Keeps what each ruche did in the recent steps and rebuilds the plan's actual series from
// its first step, so the Plan view compares plan and reality step by step.
void SimulationWorker::recordActuals() {
    const auto ruches = simulator_->ruches();
    if (simulator_->stepIndex() > 0 && (recent_.empty() || recent_.back().first != simulator_->stepIndex() - 1)) {
        std::vector<RucheActual> step;
        step.reserve(ruches.size());
        for (const auto& rs : ruches)
            step.push_back({rs.flows.importKw, rs.flows.exportKw, rs.stores.hiveSocKwh, rs.stores.h2LevelKwh});
        const std::int64_t stepsPerDay = 24 * 60 / simulator_->stepMinutes();
        if ((simulator_->stepIndex() - 1) % stepsPerDay == 0) {   // the tank once a day
            double levelKwh = 0;
            for (const auto& rs : ruches)
                levelKwh += rs.stores.h2LevelKwh;
            seasonActualLevelKwh_.push_back(levelKwh);
            if (plan_)
                plan_->seasonActualLevelKwh = seasonActualLevelKwh_;
        }
        recent_.emplace_back(simulator_->stepIndex() - 1, std::move(step));
        while (recent_.size() > 2 * 96)
            recent_.pop_front();
    }
    if (!plan_)
        return;
    for (std::size_t r = 0; r < plan_->ruches.size(); ++r) {
        auto& p = plan_->ruches[r];
        p.actualImportKw.clear();
        p.actualExportKw.clear();
        p.actualHiveSocKwh.assign(p.plannedHiveSocKwh.empty() ? 0 : 1, p.plannedHiveSocKwh.empty() ? 0 : p.plannedHiveSocKwh.front());
        p.actualH2LevelKwh.assign(p.plannedH2LevelKwh.empty() ? 0 : 1, p.plannedH2LevelKwh.empty() ? 0 : p.plannedH2LevelKwh.front());
    }
    for (const auto& [step, values] : recent_) {
        if (step < planFirstStep_ || step >= planFirstStep_ + plan_->steps)
            continue;
        for (std::size_t r = 0; r < plan_->ruches.size() && r < values.size(); ++r) {
            auto& p = plan_->ruches[r];
            p.actualImportKw.push_back(values[r].importKw);
            p.actualExportKw.push_back(values[r].exportKw);
            if (!p.plannedHiveSocKwh.empty())
                p.actualHiveSocKwh.push_back(values[r].hiveSocKwh);
            if (!p.plannedH2LevelKwh.empty())
                p.actualH2LevelKwh.push_back(values[r].h2LevelKwh);
        }
    }
    publishPlan(false);
}

// The step just simulated, settled at the plan's price of each ruche when the plan covers it;
// a completed 15-minute interval goes to the ledger.
void SimulationWorker::settleMarket() {
    if (!market_)
        return;
    const std::int64_t step = simulator_->stepIndex() - 1;
    std::vector<std::optional<double>> planPrice(simulator_->ruches().size());
    if (plan_ && step >= planFirstStep_ && step < planFirstStep_ + plan_->steps) {
        for (std::size_t r = 0; r < planPrice.size() && r < plan_->ruches.size(); ++r) {
            const auto& prices = plan_->ruches[r].priceCuPerKwh;
            if (std::size_t(step - planFirstStep_) < prices.size())
                planPrice[r] = prices[std::size_t(step - planFirstStep_)];
        }
    }
    try {
        auto interval = market_->recordStep(*simulator_, planPrice);
        if (interval && ledgerFeeder_)
            ledgerFeeder_->enqueue(interval->startUtc, std::move(interval->records));
    } catch (const std::exception& error) {
        market_.reset();   // the simulation goes on; the market stops here and says why once
        Q_EMIT failed(tr("the local market is no longer settled: %1").arg(QString::fromStdString(error.what())));
        return;
    }
    publishMarket(false);
}

// The market view refreshes once a second at most: a snapshot walks every alvéole's day.
void SimulationWorker::publishMarket(bool force) {
    if (!market_ || (!force && sinceMarketPublish_.elapsed() < 1000))
        return;
    sinceMarketPublish_.restart();
    Q_EMIT marketReady(market_->snapshot(ledgerFeeder_ ? ledgerFeeder_->status() : model::LedgerFeed{}));
}

// Views get an immutable copy, at most twice a second.
void SimulationWorker::publishPlan(bool force) {
    if (!plan_ || (!force && sincePlanPublish_.elapsed() < 500))
        return;
    sincePlanPublish_.restart();
    Q_EMIT planReady(std::make_shared<const model::PlanSnapshot>(*plan_));
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
