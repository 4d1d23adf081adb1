// Live planted faults: the simulator's healthy meters are fed step by step as the console's
// worker does; LearningService plants faults of every type (engine/anomaly's planner and
// injector) in the copy of the meter log its detectors read and keeps the ground truth; the
// detector passes raise alarms for them; a ruche outage is one alarm with its hubs' alarms
// suppressed; the same steps fed to a service without planting raise (almost) nothing, and
// both services hold the same forecast history (planting never touches it).
#include "app/LearningService.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>
#include <memory>
#include <optional>
#include <set>

using namespace swarmergy;

namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86'400;
constexpr int kLearnDays = 8;    // the detectors' week plus the day they need beyond it
constexpr int kFedDays = 16;

simulation::FleetOptions smallFleet() {
    simulation::FleetOptions o;
    o.alveoles = 60;
    o.ruches = 3;
    o.seed = 11;
    o.withLines = false;
    o.start = "2026-06-10T00:00:00Z";
    return o;
}

app::LearningOptions options(bool planting) {
    app::LearningOptions o;   // no data directory: the journal lives in memory
    o.liveFaults.enabled = planting;
    o.liveFaults.spacingHours = 12;   // a round of nine faults in 4.5 simulated days
    o.liveFaults.seed = 3;
    o.nightlyRetrain = false;          // no history warm-up, nothing to train on
    return o;
}

// Waits until a detector pass has judged everything fed (asking again while one runs).
bool waitForPass(app::LearningService& service, std::int64_t fedUntilUtc) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 60000) {
        if (service.alarmSnapshot()->liveDetection.checkedUntilUtc >= fedUntilUtc)
            return true;
        service.runAnomalyPass();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return false;
}

std::vector<app::AlarmEventRow> eventsOf(const app::AlarmSnapshot& s, const std::string& event, const std::string& type) {
    std::vector<app::AlarmEventRow> out;
    for (const auto& e : s.journal)
        if (e.event == event && e.type == type)
            out.push_back(e);
    return out;
}

bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

class TestLiveFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // One simulator feeds both services every step, as SimulationWorker feeds one; the
    // hourly passes run on their own, and a pass is awaited at the end of each day.
    void initTestCase() {
        fleet_ = std::make_unique<simulation::Fleet>(simulation::generateFleet(smallFleet()));
        planted_ = std::make_unique<app::LearningService>(options(true));
        healthy_ = std::make_unique<app::LearningService>(options(false));
        QSignalSpy failedPlanted(planted_.get(), &app::LearningService::failed);
        QSignalSpy failedHealthy(healthy_.get(), &app::LearningService::failed);
        simulation::Simulator sim(*fleet_);
        startUtc_ = sim.timeUtc();
        planted_->startLive(sim.fleet(), startUtc_, 0);
        healthy_->startLive(sim.fleet(), startUtc_, 0);
        for (int d = 0; d < kFedDays; ++d) {
            for (int s = 0; s < 96; ++s) {
                sim.step();
                planted_->feedSimulatorStep(sim);
                healthy_->feedSimulatorStep(sim);
            }
            if (d >= kLearnDays) {
                QVERIFY(waitForPass(*planted_, sim.timeUtc()));
                QVERIFY(waitForPass(*healthy_, sim.timeUtc()));
            }
        }
        endUtc_ = sim.timeUtc();
        QCOMPARE(failedPlanted.count(), 0);
        QCOMPARE(failedHealthy.count(), 0);
    }

    void faultsOfEveryTypeArePlantedWithGroundTruth() {
        const auto live = planted_->alarmSnapshot()->liveDetection;
        QVERIFY2(live.planting, live.note.c_str());
        std::set<std::string> types;
        for (const auto& f : live.faults) {
            types.insert(f.type);
            QVERIFY(!f.subject.empty());
            QVERIFY(f.endUtc > f.startUtc);
            // After the detectors' learning week, never in the future.
            QVERIFY(f.startUtc >= startUtc_ + 7 * kDay);
            QVERIFY(f.startUtc <= endUtc_);
        }
        QCOMPARE(int(types.size()), anomaly::kFaultTypeCount);
        // One new fault per spacing (12 h here), types in turn.
        QVERIFY(live.faults.size() >= std::size_t((endUtc_ - startUtc_ - 7 * kDay) / (12 * kHour)) - 1);
        int planted = 0, detected = 0;
        for (const auto& t : live.perType) {
            planted += t.planted;
            detected += t.detected;
            QVERIFY(t.detected <= t.planted && t.ended <= t.planted);
        }
        QCOMPARE(planted, int(live.faults.size()));
        QCOMPARE(detected, int(std::count_if(live.faults.begin(), live.faults.end(),
                                             [](const auto& f) { return f.detectedUtc > 0; })));
    }

    // Every fault that had two days to show is detected by an alarm of its type on its subject,
    // raised while it was under way; the fast ones within hours.
    void plantedFaultsRaiseTheirAlarms() {
        const auto snapshot = planted_->alarmSnapshot();
        const std::set<std::string> fast = {"stuck-meter", "spike", "hub-silent", "ruche-outage"};
        int judged = 0;
        for (const auto& f : snapshot->liveDetection.faults) {
            if (f.startUtc > endUtc_ - 2 * kDay)
                continue;
            ++judged;
            QVERIFY2(f.detectedUtc >= f.startUtc, qPrintable(QString::fromStdString(f.type + " on " + f.subject + " not detected")));
            QVERIFY(f.detectedUtc < f.endUtc + kDay);
            QVERIFY2(f.detectedUtc - f.startUtc <= (fast.count(f.type) ? 3 * kHour : 2 * kDay),
                     qPrintable(QString::fromStdString(f.type + " on " + f.subject + " detected late")));
            const auto raised = eventsOf(*snapshot, "raised", f.type);
            QVERIFY2(std::any_of(raised.begin(), raised.end(),
                                 [&](const auto& e) { return e.subject == f.subject && e.timeUtc == f.detectedUtc; }),
                     qPrintable(QString::fromStdString("no alarm raised for " + f.type + " on " + f.subject)));
        }
        QVERIFY(judged >= anomaly::kFaultTypeCount);
        // What stands is explained: an alarm whose condition is still active has its planted
        // fault under way or just ended (a fade stays latched), and is marked as planted.
        for (const auto& row : snapshot->standing) {
            QVERIFY2(row.planted, qPrintable(QString::fromStdString(row.type + " on " + row.subject)));
            if (row.state != app::AlarmState::Unacknowledged && row.state != app::AlarmState::Acknowledged)
                continue;
            const auto& faults = snapshot->liveDetection.faults;
            QVERIFY2(row.type == "battery-fade" ||
                         std::any_of(faults.begin(), faults.end(),
                                     [&](const auto& f) {
                                         return f.type == row.type && f.subject == row.subject && f.endUtc + kDay > endUtc_;
                                     }),
                     qPrintable(QString::fromStdString(row.type + " on " + row.subject + " still active")));
        }
        for (const auto& t : snapshot->liveDetection.perType)
            if (t.detected)
                QVERIFY(t.meanHoursToDetect >= 0 && t.maxHoursToDetect >= t.meanHoursToDetect);
    }

    // A ruche outage: one alarm for the ruche; its homes' silent hubs are suppressed, none
    // annunciated.
    void outageIsOneAlarmWithItsHubsSuppressed() {
        const auto snapshot = planted_->alarmSnapshot();
        const auto outageRaised = eventsOf(*snapshot, "raised", "ruche-outage");
        const auto silentRaised = eventsOf(*snapshot, "raised", "hub-silent");
        const auto silentSuppressed = eventsOf(*snapshot, "suppressed", "hub-silent");
        int outages = 0;
        for (const auto& f : snapshot->liveDetection.faults) {
            if (f.type != "ruche-outage")
                continue;
            ++outages;
            auto during = [&](const app::AlarmEventRow& e) { return e.timeUtc >= f.startUtc && e.timeUtc <= f.endUtc; };
            QCOMPARE(std::count_if(outageRaised.begin(), outageRaised.end(),
                                   [&](const auto& e) { return during(e) && e.subject == f.subject; }),
                     1L);
            const int homes = int(fleet_->households.size() / fleet_->topology.ruches.size());
            QVERIFY(std::count_if(silentSuppressed.begin(), silentSuppressed.end(),
                                  [&](const auto& e) { return during(e) && startsWith(e.subject, f.subject + "/"); }) >=
                    homes / 2);
            QCOMPARE(std::count_if(silentRaised.begin(), silentRaised.end(),
                                   [&](const auto& e) { return during(e) && startsWith(e.subject, f.subject + "/"); }),
                     0L);
        }
        QVERIFY(outages >= 1);
        QVERIFY(snapshot->liveDetection.suppressedAlarms > 0);
    }

    // Healthy meters: the same steps without planting raise at most a couple of alarms, and the
    // planted service raised at most a couple that no planted fault explains.
    void healthyMetersStayQuiet() {
        const auto healthy = healthy_->alarmSnapshot();
        QVERIFY(!healthy->liveDetection.planting);
        QVERIFY(healthy->liveDetection.faults.empty());
        QVERIFY(healthy->liveDetection.checkedUntilUtc >= endUtc_);
        int raised = 0;
        for (const auto& e : healthy->journal)
            raised += e.event == "raised" ? 1 : 0;
        QVERIFY2(raised <= 2, qPrintable(QString::number(raised)));
        QVERIFY2(planted_->alarmSnapshot()->liveDetection.unexplainedAlarms <= 2,
                 qPrintable(QString::number(planted_->alarmSnapshot()->liveDetection.unexplainedAlarms)));
    }

    // Planting changes only what the detectors read: the forecast history is the simulator's.
    void plantingLeavesTheForecastHistoryAlone() {
        QCOMPARE(planted_->meterSteps(), healthy_->meterSteps());
        for (int r = 0; r < int(fleet_->topology.ruches.size()); ++r) {
            const auto a = planted_->history(r), b = healthy_->history(r);
            QCOMPARE(a.steps(), kFedDays * 96);
            QVERIFY(a.loadKw == b.loadKw);
            QVERIFY(a.pvKw == b.pvKw);
        }
    }

    // With a warm-up, the detectors' learning week of meter readings comes before the first live
    // step: faults are planted from the live start and detected within the first live days, and
    // the junction between the warm-up and the live stores raises no false fade.
    void warmUpLetsTheDetectorsJudgeTheFirstLiveDays() {
        app::LearningService service(options(true));
        QSignalSpy ready(&service, &app::LearningService::liveReady);
        QSignalSpy failed(&service, &app::LearningService::failed);
        simulation::Simulator sim(*fleet_);
        const std::int64_t liveStartUtc = sim.timeUtc();
        service.startLive(sim.fleet(), liveStartUtc, 7);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
        QCOMPARE(service.meterSteps(), 7 * 96);   // the week, before any live step
        for (int d = 0; d < 3; ++d) {
            for (int s = 0; s < 96; ++s) {
                sim.step();
                service.feedSimulatorStep(sim);
            }
            QVERIFY(waitForPass(service, sim.timeUtc()));
        }
        QCOMPARE(service.meterSteps(), 10 * 96);
        const auto snapshot = service.alarmSnapshot();
        const auto& live = snapshot->liveDetection;
        QVERIFY(!live.faults.empty());
        QVERIFY(live.faults.front().startUtc >= liveStartUtc);
        QVERIFY(live.faults.front().startUtc < liveStartUtc + kDay);
        int detected = 0;
        for (const auto& f : live.faults)
            detected += f.detectedUtc > 0 ? 1 : 0;
        QVERIFY2(detected >= 3, qPrintable(QString::number(detected)));
        QVERIFY2(live.unexplainedAlarms <= 2, qPrintable(QString::number(live.unexplainedAlarms)));
        QVERIFY(eventsOf(*snapshot, "raised", "battery-fade").size() <= 1);
        QCOMPARE(failed.count(), 0);
    }

    // The detectors see a rolling window: a latched condition (battery fade) whose evidence has
    // left the window returns to normal instead of standing for ever.
    void conditionWhoseEvidenceLeftTheWindowReturnsToNormal() {
        app::LearningOptions o = options(false);
        o.meterWindowDays = 9;
        app::LearningService service(o);
        anomaly::MeterLog log = anomaly::recordFleet(*fleet_, 20 * 96);
        int store = -1;
        for (int a = 0; a < log.alveoleCount() && store < 0; ++a)
            if (log.alveoles[std::size_t(a)].batteryCapacityKwh > 0 && log.alveoles[std::size_t(a)].pvPeakKw > 0)
                store = a;
        QVERIFY(store >= 0);
        anomaly::Fault fade;
        fade.type = anomaly::FaultType::BatteryFade;
        fade.alveole = store;
        fade.ruche = log.alveoles[std::size_t(store)].ruche;
        fade.startStep = 7 * 96 + 40;
        fade.endStep = 10 * 96;
        fade.magnitude = 0.4;
        anomaly::injectFaults(log, {fade});
        service.setFleet(*fleet_, log.startUtc);
        std::optional<app::AlarmRow> raised;
        for (int d = 0; d < 20; ++d) {
            anomaly::MeterLog day = log;   // one day at a time, as the feed would bring it
            day.startUtc = log.stepStartUtc(d * 96);
            day.steps = 96;
            for (auto* v : {&day.loadKw, &day.pvKw, &day.pvUsedKw, &day.chargeKw, &day.dischargeKw, &day.socKwh, &day.netKw})
                v->assign(v->begin() + std::ptrdiff_t(log.at(d * 96, 0)), v->begin() + std::ptrdiff_t(log.at((d + 1) * 96, 0)));
            day.reported.assign(day.reported.begin() + std::ptrdiff_t(log.at(d * 96, 0)),
                                day.reported.begin() + std::ptrdiff_t(log.at((d + 1) * 96, 0)));
            service.appendMeterSteps(day);
            if (d < 8)
                continue;
            QVERIFY(waitForPass(service, log.stepStartUtc((d + 1) * 96)));
            for (const auto& row : service.alarmSnapshot()->standing)
                if (row.type == "battery-fade" && row.state == app::AlarmState::Unacknowledged && d < 10)
                    raised = row;
        }
        QVERIFY2(raised, "the fade was not detected while in the window");
        const auto standing = service.alarmSnapshot()->standing;
        const auto it = std::find_if(standing.begin(), standing.end(), [&](const auto& row) { return row.id == raised->id; });
        QVERIFY(it != standing.end());
        QCOMPARE(it->state, app::AlarmState::ReturnedUnacknowledged);   // cleared, not yet acknowledged
    }

    void cleanupTestCase() {
        planted_.reset();
        healthy_.reset();
    }

private:
    std::unique_ptr<simulation::Fleet> fleet_;
    std::unique_ptr<app::LearningService> planted_, healthy_;
    std::int64_t startUtc_ = 0, endUtc_ = 0;
};

QTEST_MAIN(TestLiveFaults)
#include "tst_livefaults.moc"
