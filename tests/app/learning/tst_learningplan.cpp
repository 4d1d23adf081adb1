// The learning service in the live simulation (issue 7): every simulated step fed becomes
// ruche history in bounded windows; forecastsFor() is null until models exist, then gives each
// ruche's learned load and PV for the plan with the right shape (the same values as a forecast
// from the whole history, and the plan takes them); when simulated midnight passes the models
// are retrained on the worker with the new day and a new model version is saved.
#include "app/LearningService.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "engine/forecast/ModelFile.h"
#include "engine/planning/RollingPlanner.h"

#include <cmath>

using namespace swarmergy;

namespace {

constexpr std::int64_t kDay = 86'400;

simulation::FleetOptions tinyFleet() {
    simulation::FleetOptions o;
    o.alveoles = 20;
    o.ruches = 2;
    o.seed = 3;
    o.withLines = false;
    o.start = "2026-06-20T23:00:00Z";   // local midnight (CET)
    return o;
}

app::LearningOptions tinyBudget(const QString& dir) {
    app::LearningOptions o;
    o.dataDirectory = dir;
    o.network.epochs = 2;
    o.network.hiddenUnits = 8;
    o.originStride = 24;
    o.nightlyRetrainLocalHour = 0;   // retrain as soon as the simulated local day changes
    return o;
}

double servedLoadKw(const simulation::Simulator& sim, int ruche) {
    double sumKw = 0;
    const auto& site = sim.fleet().sites.at(std::size_t(ruche));
    for (int a = site.firstAlveole; a < site.firstAlveole + site.alveoleCount; ++a)
        sumKw += sim.alveoles()[std::size_t(a)].loadKw - sim.alveoles()[std::size_t(a)].shedKw;
    return sumKw;
}

}  // namespace

class TestLearningPlan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fedStepsBecomeHistoryInBoundedWindows() {
        const simulation::Fleet fleet = simulation::generateFleet(tinyFleet());
        simulation::Simulator sim(fleet);
        auto options = tinyBudget(QString());
        options.nightlyRetrain = false;
        options.historyWindowDays = 1;
        options.meterWindowDays = 1;
        app::LearningService service(options);
        QSignalSpy failed(&service, &app::LearningService::failed);
        QSignalSpy live(&service, &app::LearningService::liveReady);
        service.startLive(fleet, sim.timeUtc(), 0);
        for (int s = 0; s < 3 * 96 + 7; ++s) {
            sim.step();
            service.feedSimulatorStep(sim);
            if (s == 5) {   // the last step is history at once, summed per ruche as the hubs report it
                QCOMPARE(service.historySteps(), 6);
                QCOMPARE(service.history(1).loadKw.back(), servedLoadKw(sim, 1));
                QCOMPARE(service.history(0).pvKw.size(), std::size_t(6));
            }
        }
        service.feedSimulatorStep(sim);   // the same step again: skipped
        QVERIFY(live.wait(10000));
        // Windows of one day, trimmed a day at a time: between one and two days held.
        QVERIFY2(service.historySteps() >= 96 && service.historySteps() <= 2 * 96,
                 qPrintable(QString::number(service.historySteps())));
        QVERIFY(service.meterSteps() >= 96 && service.meterSteps() <= 2 * 96);
        const auto h = service.history(0);
        QCOMPARE(h.loadKw.back(), servedLoadKw(sim, 0));
        QCOMPARE(h.stepStartUtc(h.steps()), sim.timeUtc());   // ends with the last step fed
        QCOMPARE(service.nowUtc(), sim.timeUtc());
        QCOMPARE(failed.count(), 0);

        // A simulator of another fleet does not fit: one failed(), then the feed stays stopped.
        auto other = tinyFleet();
        other.alveoles = 10;
        simulation::Simulator wrong(simulation::generateFleet(other));
        wrong.step();
        service.feedSimulatorStep(wrong);
        service.feedSimulatorStep(wrong);
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("alvéoles")));
        sim.step();
        const int before = service.historySteps();
        service.feedSimulatorStep(sim);
        QCOMPARE(service.historySteps(), before);
    }

    void forecastsAreNullWithoutModels() {
        const simulation::Fleet fleet = simulation::generateFleet(tinyFleet());
        simulation::Simulator sim(fleet);
        app::LearningService service(tinyBudget(QString()));
        QSignalSpy finished(&service, &app::LearningService::trainingFinished);
        service.startLive(fleet, sim.timeUtc(), 0);   // no history: the training it starts fails
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(!service.forecastsFor(sim.timeUtc(), 96));
        QCOMPARE(service.modelVersion(), 0);
    }

    void forecastsForThePlanThenANightlyRetrain() {
        QTemporaryDir dir;
        const simulation::Fleet fleet = simulation::generateFleet(tinyFleet());
        simulation::Simulator sim(fleet);
        const std::int64_t start = sim.timeUtc();
        app::LearningService service(tinyBudget(dir.path()));
        QSignalSpy live(&service, &app::LearningService::liveReady);
        QSignalSpy started(&service, &app::LearningService::trainingStarted);
        QSignalSpy finished(&service, &app::LearningService::trainingFinished);
        service.startLive(fleet, start, 10);   // ten simulated days before the first live step
        QVERIFY(live.wait(30000));
        QCOMPARE(live.at(0).at(0).toInt(), 10 * 96);
        // No saved model in a new directory: the warm-up trains at once.
        QVERIFY(finished.count() == 1 || finished.wait(60000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(service.modelVersion(), 1);

        const auto forecasts = service.forecastsFor(start, 96);
        QVERIFY(forecasts);
        QCOMPARE(int(forecasts->size()), 2);
        const auto whole = service.planForecasts();   // from the whole history, at the same origin
        for (std::size_t r = 0; r < 2; ++r) {
            const auto& f = (*forecasts)[r];
            QCOMPARE(f.rucheId, fleet.topology.ruches[r].id);
            QCOMPARE(f.originUtc, start);
            QCOMPARE(f.stepMinutes, 15);
            for (const auto* series : {&f.loadP50Kw, &f.loadP90Kw, &f.pvP10Kw, &f.pvP50Kw})
                QCOMPARE(int(series->size()), 96);
            for (int t = 0; t < 96; ++t) {
                QVERIFY(std::isfinite(f.loadP50Kw[t]) && f.loadP50Kw[t] <= f.loadP90Kw[t]);
                QVERIFY(f.pvP10Kw[t] <= f.pvP50Kw[t]);
                QCOMPARE(f.loadP50Kw[t], whole.at(r).load.values.p50[t]);
                QCOMPARE(f.pvP10Kw[t], whole.at(r).pv.values.p10[t]);
            }
            QVERIFY(QFile::exists(QString::fromStdString(forecast::RucheForecaster::modelPath(
                service.modelDirectory().toStdString(), f.rucheId, forecast::Target::Load))));
        }
        QCOMPARE(service.forecastsFor(start, 96), forecasts);   // cached for this origin
        QCOMPARE(int(service.forecastsFor(start, 48)->front().loadP50Kw.size()), 48);
        QVERIFY(!service.forecastsFor(start + 900, 96));       // the history does not reach it yet

        // The plan takes them in place of the noisy forecast, for every ruche.
        sim.step();
        service.feedSimulatorStep(sim);
        planning::PlannerOptions plannerOptions;
        plannerOptions.forecasts = service.forecastsFor(sim.timeUtc(), 96);
        QVERIFY(plannerOptions.forecasts);
        std::vector<planning::ForecastUse> use;
        const auto inputs = planning::captureInputs(sim, model::PlanTrigger::Periodic);
        const auto scenario = planning::buildPlanScenario(fleet, inputs, plannerOptions, &use);
        QCOMPARE(int(use.size()), 2);
        for (std::size_t r = 0; r < 2; ++r) {
            QVERIFY(use[r].learnedLoad && use[r].learnedPv);
            double sumKw = 0;
            for (const auto& a : scenario.ruches[r].alveoles)
                sumKw += a.loadKw[10];
            QVERIFY(std::fabs(sumKw - (*plannerOptions.forecasts)[r].loadP50Kw[10]) < 1e-9);
        }

        // A simulated day later: the retrain starts as midnight passes, not before.
        QCOMPARE(started.count(), 1);
        while (sim.timeUtc() < start + kDay) {
            QCOMPARE(started.count(), 1);
            sim.step();
            service.feedSimulatorStep(sim);
        }
        QCOMPARE(started.count(), 2);
        QVERIFY(service.isTraining() || finished.count() == 2);
        QVERIFY(finished.count() == 2 || finished.wait(60000));
        QVERIFY2(finished.at(1).at(0).toBool(), qPrintable(finished.at(1).at(1).toString()));
        QTRY_COMPARE(service.modelVersion(), 2);
        // Trained on the new day too, and saved with its version and metrics.
        QCOMPARE(service.forecastSnapshot()->training.trainedUntilUtc, start + kDay);
        const auto saved = forecast::readModelFile(forecast::RucheForecaster::modelPath(
            service.modelDirectory().toStdString(), fleet.topology.ruches[0].id, forecast::Target::Load));
        QCOMPARE(saved.metrics.modelVersion, 2);
        QCOMPARE(saved.metrics.trainedUntilUtc, start + kDay);
        // The new models answer; the forecasts handed out before stay as they were.
        const auto fresh = service.forecastsFor(start + kDay, 96);
        QVERIFY(fresh && fresh != forecasts);
        QCOMPARE(fresh->front().originUtc, start + kDay);
        QCOMPARE(forecasts->front().originUtc, start);
        QCOMPARE(int(forecasts->front().loadP50Kw.size()), 96);
    }
};

QTEST_MAIN(TestLearningPlan)
#include "tst_learningplan.moc"
