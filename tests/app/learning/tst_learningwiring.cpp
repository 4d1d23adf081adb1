// The live learning as the console wires it: the simulation runs on its own thread and talks to
// the service only through LiveLearning (start, feed every step, forecasts for each plan) while
// the GUI thread runs the event loop; the plan gets learned forecasts once the warm-up's models
// exist and the nightly retrain happens with the steps fed from that thread. makeLiveLearning
// and addLiveLearningTabs give the service and its two tabs.
#include "app/LearningService.h"
#include "app/LearningWiring.h"

#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <thread>

using namespace swarmergy;

class TestLearningWiring : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void simulationThreadFeedsAndPlansThroughTheInterface() {
        simulation::FleetOptions fleetOptions;
        fleetOptions.alveoles = 20;
        fleetOptions.ruches = 2;
        fleetOptions.seed = 4;
        fleetOptions.withLines = false;
        fleetOptions.start = "2026-06-20T23:00:00Z";
        const simulation::Fleet fleet = simulation::generateFleet(fleetOptions);

        QTemporaryDir dir;
        app::LearningOptions options;
        options.dataDirectory = dir.path();
        options.network.epochs = 2;
        options.network.hiddenUnits = 8;
        options.originStride = 24;
        options.nightlyRetrainLocalHour = 0;
        app::LearningService service(options);
        QSignalSpy finished(&service, &app::LearningService::trainingFinished);
        QSignalSpy failed(&service, &app::LearningService::failed);
        app::LiveLearning* learning = &service;

        // The simulation thread: start, then two simulated days, asking for forecasts before
        // every plan as SimulationWorker::startPlan does.
        std::atomic<int> plansWithForecasts{0}, plansWithout{0};
        std::atomic<bool> done{false};
        std::thread simulation([&] {
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(50);
            simulation::Simulator sim(fleet);
            learning->startLive(sim.fleet(), sim.timeUtc(), 10);
            for (int s = 0; s < 2 * 96; ++s) {
                sim.step();
                learning->feedSimulatorStep(sim);
                const auto forecasts = learning->forecastsFor(sim.timeUtc(), 96);
                if (forecasts && forecasts->size() == 2 && forecasts->front().originUtc == sim.timeUtc() &&
                    forecasts->front().loadP50Kw.size() == 96)
                    ++plansWithForecasts;
                else
                    ++plansWithout;
                // Wait for the warm-up's models, and for the first night's retrain before the
                // second night, so that each midnight finds no training running (the real
                // worker never waits: a night passing during a training retrains after it).
                while (((s == 10 && service.modelVersion() < 1) || (s == 150 && service.modelVersion() < 2)) &&
                       std::chrono::steady_clock::now() < deadline)
                    std::this_thread::yield();
            }
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done.load(), 60000);
        simulation.join();
        QVERIFY(plansWithout <= 11);   // every plan after the warm-up's training had them
        QCOMPARE(plansWithForecasts + plansWithout, 2 * 96);
        // The warm-up training, then one retrain per simulated midnight (two), each a new version.
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 60000);
        for (const auto& args : finished)
            QVERIFY2(args.at(0).toBool(), qPrintable(args.at(1).toString()));
        QTRY_COMPARE(service.modelVersion(), 3);
        QCOMPARE(failed.count(), 0);
    }

    void wiringGivesTheServiceAndItsTabs() {
        QTemporaryDir dir;
        const auto learning = app::makeLiveLearning(dir.path());
        QVERIFY(learning);
        QVERIFY(dynamic_cast<app::LearningService*>(learning.get()));
        QTabWidget tabs;
        const auto added = app::addLiveLearningTabs(&tabs, learning.get());
        QCOMPARE(tabs.count(), 2);
        QVERIFY(added.forecast && added.alarms);
        QCOMPARE(app::addLiveLearningTabs(&tabs, nullptr).forecast, nullptr);
        QString shown;
        app::onLearningFailure(learning.get(), &tabs, [&](const QString& message) { shown = message; });
        simulation::FleetOptions other;
        other.alveoles = 10;
        other.ruches = 1;
        simulation::Simulator sim(simulation::generateFleet(other));
        sim.step();
        learning->feedSimulatorStep(sim);   // no startLive: refused, and said
        QTRY_VERIFY(!shown.isEmpty());
        QVERIFY(!learning->forecastsFor(sim.timeUtc(), 96));
    }
};

QTEST_MAIN(TestLearningWiring)
#include "tst_learningwiring.moc"
