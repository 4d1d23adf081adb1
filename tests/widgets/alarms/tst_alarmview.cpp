// The alarm console lists standing alarms most urgent first, acts on the selected one through
// the alarm service (acknowledge, shelve until now + the chosen hours, unshelve), reports
// refusals, and flags an alarm rate above what one operator can handle.
#include "widgets/alarms/AlarmView.h"

#include <QLabel>
#include <QTableWidget>
#include <QtTest>

using namespace swarmergy;

namespace {

class FakeAlarms : public app::AlarmControl {
public:
    std::string acknowledge(int id) override { acked.push_back(id); return refuse; }
    std::string shelve(int id, std::int64_t until) override { shelved.emplace_back(id, until); return refuse; }
    std::string unshelve(int id) override { unshelved.push_back(id); return refuse; }
    std::vector<int> acked, unshelved;
    std::vector<std::pair<int, std::int64_t>> shelved;
    std::string refuse;
};

app::AlarmSnapshotPtr snapshot(double rate) {
    auto s = std::make_shared<app::AlarmSnapshot>();
    s->nowUtc = 1'782'000'000;
    s->alarmsPerOperatorPerDay = rate;
    s->suppressedTotal = 37;
    s->standing.push_back({1, app::AlarmPriority::Low, app::AlarmState::Unacknowledged, "spike", "ruche-1/a-0003", "spike 9 kW", 100, 100, 0, ""});
    s->standing.push_back({2, app::AlarmPriority::Urgent, app::AlarmState::Acknowledged, "ruche-outage", "ruche-2", "no reading", 90, 95, 0, "op"});
    s->standing.push_back({3, app::AlarmPriority::Urgent, app::AlarmState::Unacknowledged, "hub-silent", "ruche-1/a-0009", "silent 2 h", 80, 80, 0, ""});
    s->standing.push_back({4, app::AlarmPriority::High, app::AlarmState::Shelved, "pv-underperformance", "ruche-3/a-0100", "62 % of expected", 70, 75, 1'782'010'000, ""});
    s->journal.push_back({1'781'999'000, 3, "raised", "", "ruche-1/a-0009", "hub-silent"});
    return s;
}

int idAt(const QTableWidget* table, int row) { return table->item(row, 0)->data(Qt::UserRole).toInt(); }

}  // namespace

class TestAlarmView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listsMostUrgentFirst() {
        widgets::AlarmView view(nullptr);
        view.setSnapshot(snapshot(12));
        auto* table = view.alarmTable();
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(idAt(table, 0), 3);   // urgent and unacknowledged
        QCOMPARE(idAt(table, 1), 2);   // urgent, acknowledged
        QCOMPARE(idAt(table, 2), 4);   // high
        QCOMPARE(idAt(table, 3), 1);   // low
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Unacknowledged"));
        QCOMPARE(view.journalTable()->rowCount(), 1);
        QVERIFY(view.rateText().contains(QStringLiteral("4 standing alarm")));
        QVERIFY(view.rateText().contains(QStringLiteral("37 suppressed")));
    }

    void actsOnTheSelectedAlarm() {
        FakeAlarms alarms;
        widgets::AlarmView view(&alarms);
        view.setSnapshot(snapshot(12));
        view.selectAlarm(3);
        QCOMPARE(view.selectedAlarmId(), 3);
        view.acknowledgeSelected();
        QCOMPARE(alarms.acked, std::vector<int>{3});
        QVERIFY(view.statusText().contains(QStringLiteral("acknowledged")));
        view.shelveSelected();   // the first duration: one hour from the snapshot's time
        QCOMPARE(alarms.shelved.size(), std::size_t(1));
        QCOMPARE(alarms.shelved[0].second, std::int64_t(1'782'000'000 + 3600));
        view.selectAlarm(4);
        view.unshelveSelected();
        QCOMPARE(alarms.unshelved, std::vector<int>{4});
        alarms.refuse = "the alarm is already acknowledged";
        view.selectAlarm(2);
        view.acknowledgeSelected();
        QVERIFY(view.statusText().contains(QStringLiteral("already acknowledged")));
        // The selection survives a new snapshot.
        view.setSnapshot(snapshot(12));
        QCOMPARE(view.selectedAlarmId(), 2);
    }

    void showsTheLiveDetectionFigures() {
        widgets::AlarmView view(nullptr);
        auto s = std::const_pointer_cast<app::AlarmSnapshot>(snapshot(3.0));
        view.setSnapshot(s);
        QVERIFY(view.detectionText().isEmpty());   // no planting: nothing said
        auto live = std::make_shared<app::AlarmSnapshot>(*s);
        live->liveDetection.planting = true;
        live->liveDetection.perType = {{"stuck-meter", 3, 2, 2, 1.5, 2.0}, {"pv-soiling", 1, 0, 0, 0, 0}};
        live->liveDetection.unexplainedAlarms = 1;
        view.setSnapshot(live);
        const QString text = view.detectionText();
        QVERIFY2(text.contains(QStringLiteral("2 of 4 detected")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("stuck-meter 2/3")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("pv-soiling 0/1")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("1.5 h")), qPrintable(text));
    }

    void flagsAnUnmanageableRate() {
        widgets::AlarmView view(nullptr);
        view.setSnapshot(snapshot(12));
        QVERIFY(!view.rateText().isEmpty());
        view.setSnapshot(snapshot(400));
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("alarmRate"))->styleSheet().contains(QStringLiteral("bold")));
    }
};

QTEST_MAIN(TestAlarmView)
#include "tst_alarmview.moc"
