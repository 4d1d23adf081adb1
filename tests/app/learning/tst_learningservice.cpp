// The learning service trains every ruche's models on a small demo history on its worker,
// reporting progress, honouring cancel and saving the models; a damaged model file gives the
// baseline forecast with a warning; the anomaly pipeline raises an alarm for an injected fault
// and the operator acknowledges and shelves it through AlarmControl.
#include "app/LearningService.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "engine/anomaly/AlarmJournal.h"

using namespace swarmergy;

namespace {

simulation::FleetOptions demoFleet() {
    simulation::FleetOptions o;
    o.alveoles = 20;
    o.ruches = 2;
    o.seed = 3;
    o.withLines = false;
    return o;
}

app::LearningOptions options(const QString& dir, int epochs) {
    app::LearningOptions o;
    o.dataDirectory = dir;
    o.network.epochs = epochs;
    o.network.hiddenUnits = 8;
    o.originStride = 24;
    o.nightlyRetrain = false;
    o.operatorName = "alice";
    return o;
}

constexpr int kHistoryDays = 14;
constexpr int kMeterDays = 9;

bool waitDemo(app::LearningService& service, const std::vector<anomaly::Fault>& faults = {}) {
    QSignalSpy ready(&service, &app::LearningService::demoReady);
    service.generateDemo(demoFleet(), kHistoryDays, kMeterDays, faults);
    return ready.wait(30000);
}

const app::AlarmRow* findRow(const app::AlarmSnapshot& s, int id) {
    for (const auto& row : s.standing)
        if (row.id == id)
            return &row;
    return nullptr;
}

}  // namespace

class TestLearningService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void trainsWithProgressAndSavesModels() {
        QTemporaryDir dir;
        app::LearningService service(options(dir.path(), 3));
        QVERIFY(waitDemo(service));
        QCOMPARE(service.historySteps(), kHistoryDays * 96);
        QCOMPARE(service.meterSteps(), kMeterDays * 96);

        QSignalSpy progress(&service, &app::LearningService::trainingProgress);
        QSignalSpy finished(&service, &app::LearningService::trainingFinished);
        QSignalSpy snapshots(&service, &app::LearningService::forecastSnapshotChanged);
        service.trainNow();
        QVERIFY(service.isTraining());
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QVERIFY(!service.isTraining());
        QVERIFY(progress.count() >= 3);
        double last = -1;
        for (const auto& args : progress) {
            const double share = args.at(0).toDouble();
            QVERIFY(share >= last && share <= 1.0);
            last = share;
        }
        QVERIFY(last > 0.9);

        QTRY_VERIFY(snapshots.count() >= 1);
        const auto snapshot = service.forecastSnapshot();
        QCOMPARE(int(snapshot->ruches.size()), 2);
        QCOMPARE(snapshot->training.modelVersion, 1);
        for (const auto& ruche : snapshot->ruches) {
            QVERIFY(!ruche.load.fromBaseline);
            QCOMPARE(int(ruche.load.p50Kw.size()), 96);
            QCOMPARE(int(ruche.load.actualKw.size()), 48);   // origin half a day before the last step
            for (std::size_t i = 0; i < ruche.load.p50Kw.size(); ++i)
                QVERIFY(ruche.load.p10Kw[i] <= ruche.load.p50Kw[i] && ruche.load.p50Kw[i] <= ruche.load.p90Kw[i]);
            QVERIFY(ruche.load.maeSeasonalNaiveKw > 0);
            const QString loadFile = QString::fromStdString(forecast::RucheForecaster::modelPath(
                service.modelDirectory().toStdString(), ruche.rucheId, forecast::Target::Load));
            QVERIFY2(QFile::exists(loadFile), qPrintable(loadFile));
        }
        const auto plan = service.planForecasts();
        QCOMPARE(int(plan.size()), 2);
        QCOMPARE(int(plan[0].load.values.size()), 96);

        // A retrain into the same directory gets the next model version.
        service.trainNow();
        QVERIFY(finished.wait(60000));
        QCOMPARE(service.forecastSnapshot()->training.modelVersion, 2);
    }

    void cancelKeepsThePreviousModels() {
        QTemporaryDir dir;
        app::LearningService service(options(dir.path(), 400));   // long enough to be cancelled
        QVERIFY(waitDemo(service));
        QSignalSpy progress(&service, &app::LearningService::trainingProgress);
        QSignalSpy finished(&service, &app::LearningService::trainingFinished);
        service.trainNow();
        QVERIFY(progress.wait(30000));
        service.cancelTraining();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(!service.isTraining());
        QVERIFY(progress.last().at(0).toDouble() < 0.5);
        QVERIFY(!QDir(service.modelDirectory()).exists());   // nothing saved
        QCOMPARE(service.forecastSnapshot()->training.modelVersion, 0);
        QVERIFY(service.forecastSnapshot()->ruches.at(0).load.fromBaseline);
    }

    void damagedModelFileGivesTheBaselineWithAWarning() {
        QTemporaryDir dir;
        std::string rucheId;
        {
            app::LearningService service(options(dir.path(), 2));
            QVERIFY(waitDemo(service));
            QSignalSpy finished(&service, &app::LearningService::trainingFinished);
            service.trainNow();
            QVERIFY(finished.wait(60000));
            QVERIFY(finished.at(0).at(0).toBool());
            rucheId = service.forecastSnapshot()->ruches.at(0).rucheId;
            const QString pvFile = QString::fromStdString(forecast::RucheForecaster::modelPath(
                service.modelDirectory().toStdString(), rucheId, forecast::Target::Pv));
            QFile file(pvFile);
            QVERIFY(file.open(QIODevice::ReadWrite));
            const qint64 at = file.size() - 5;   // a byte in the weights
            file.seek(at);
            char byte = 0;
            file.getChar(&byte);
            file.seek(at);
            file.putChar(char(byte ^ 0x5a));
        }
        app::LearningService service(options(dir.path(), 2));
        QVERIFY(waitDemo(service));
        const auto warnings = service.loadModels();
        QCOMPARE(int(warnings.size()), 1);
        QVERIFY(warnings[0].find(rucheId) != std::string::npos);
        const auto snapshot = service.forecastSnapshot();
        QCOMPARE(snapshot->warnings.size(), std::size_t(1));
        const auto& ruche = snapshot->ruches.at(0);
        QVERIFY(ruche.pv.fromBaseline);
        QVERIFY(!ruche.pv.warning.empty());
        QCOMPARE(int(ruche.pv.p50Kw.size()), 96);   // the baseline still forecasts
        QVERIFY(!ruche.load.fromBaseline);
        QVERIFY(!snapshot->ruches.at(1).pv.fromBaseline);
    }

    void injectedFaultRaisesAnAlarmTheOperatorHandles() {
        QTemporaryDir dir;
        const simulation::Fleet fleet = simulation::generateFleet(demoFleet());
        anomaly::Fault fault;
        fault.type = anomaly::FaultType::HubSilent;
        fault.alveole = fleet.sites.at(1).firstAlveole + 2;
        fault.ruche = 1;
        fault.startStep = 8 * 96;
        fault.endStep = kMeterDays * 96;   // still silent at the end of the log

        app::LearningService service(options(dir.path(), 2));
        QVERIFY(waitDemo(service, {fault}));
        QSignalSpy alarms(&service, &app::LearningService::alarmSnapshotChanged);
        service.runAnomalyPass();
        QVERIFY(alarms.wait(30000));
        auto snapshot = service.alarmSnapshot();
        const app::AlarmRow* silent = nullptr;
        for (const auto& row : snapshot->standing)
            if (row.type == "hub-silent")
                silent = &row;
        QVERIFY2(silent, "no hub-silent alarm for the injected fault");
        const int id = silent->id;
        QCOMPARE(silent->state, app::AlarmState::Unacknowledged);
        QVERIFY(silent->subject.find(fleet.topology.ruches.at(1).id) != std::string::npos);
        QVERIFY(silent->firstRaisedUtc >= snapshot->nowUtc - 96 * 15 * 60);   // not before the fault

        app::AlarmControl& control = service;
        QCOMPARE(control.acknowledge(id), std::string());
        QTRY_VERIFY(findRow(*service.alarmSnapshot(), id));
        QCOMPARE(findRow(*service.alarmSnapshot(), id)->state, app::AlarmState::Acknowledged);
        QCOMPARE(findRow(*service.alarmSnapshot(), id)->acknowledgedBy, std::string("alice"));
        QVERIFY(!control.acknowledge(id).empty());    // already acknowledged: refused with a reason
        QVERIFY(!control.acknowledge(99999).empty()); // unknown alarm

        const std::int64_t until = service.nowUtc() + 3600;
        QCOMPARE(control.shelve(id, until), std::string());
        QCOMPARE(findRow(*service.alarmSnapshot(), id)->state, app::AlarmState::Shelved);
        QCOMPARE(findRow(*service.alarmSnapshot(), id)->shelvedUntilUtc, until);
        QCOMPARE(control.unshelve(id), std::string());
        QVERIFY(findRow(*service.alarmSnapshot(), id)->state != app::AlarmState::Shelved);

        // Every action is in the SQLite journal, with the operator's name.
        const auto journal = service.alarmSnapshot()->journal;
        bool acked = false;
        for (const auto& e : journal)
            acked = acked || (e.alarmId == id && e.event == "acknowledged" && e.operatorName == "alice");
        QVERIFY(acked);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("alarms.sqlite"))));
    }

    void meterStepsExtendTheLogAndTheHistory() {
        const simulation::Fleet fleet = simulation::generateFleet(demoFleet());
        const anomaly::MeterLog chunk = anomaly::recordFleet(fleet, 3);
        app::LearningService service(options(QString(), 2));
        service.setFleet(fleet, chunk.startUtc);
        service.appendMeterSteps(chunk);
        QCOMPARE(service.meterSteps(), 3);
        QCOMPARE(service.historySteps(), 3);
        service.appendMeterSteps(chunk);   // the same steps again: nothing added
        QCOMPARE(service.meterSteps(), 3);
        anomaly::MeterLog late = chunk;
        late.startUtc += 3600;             // leaves a gap
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, service.appendMeterSteps(late));
        QCOMPARE(service.nowUtc(), chunk.stepStartUtc(3));

        // The simulator's own step rows, as the console's worker hands them, continue both.
        simulation::Simulator simulator(fleet);
        const anomaly::MeterLog four = anomaly::recordFleet(fleet, 4);
        for (int s = 0; s < 4; ++s) {
            simulator.step();
            const auto rows = simulator.alveoles();
            if (s >= 3)
                service.appendSimulatorStep(simulator.lastStepStartUtc(), {rows.begin(), rows.end()});
        }
        QCOMPARE(service.meterSteps(), 4);
        // Ruche load history = the ruche's alvéoles' served load, step by step.
        for (int r = 0; r < 2; ++r) {
            const auto history = service.history(r);
            QCOMPARE(history.steps(), 4);
            for (int s = 0; s < 4; ++s) {
                double sumKw = 0;
                for (int a = 0; a < four.alveoleCount(); ++a)
                    if (four.alveoles[std::size_t(a)].ruche == r)
                        sumKw += four.loadKw[four.at(s, a)];
                QVERIFY(sumKw > 0);
                QCOMPARE(history.loadKw[std::size_t(s)], sumKw);
            }
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, service.appendSimulatorStep(chunk.stepStartUtc(4), {}));
    }
};

QTEST_MAIN(TestLearningService)
#include "tst_learningservice.moc"
