// RucheView shows the values of the snapshot it was given, and retranslates at runtime.
#include "tests/widgets/SnapshotFixtures.h"
#include "widgets/components/Format.h"
#include "widgets/flow/RucheView.h"

#include <QCoreApplication>
#include <QTranslator>
#include <QtTest>

using namespace swarmergy;
using widgets::RucheNode;
using widgets::RucheView;

namespace {

const QString nbsp(QChar(0x00A0));
QString kw(const char* number) { return QString::fromLatin1(number) + nbsp + QStringLiteral("kW"); }

// A translator that marks every RucheView string, to see LanguageChange reach the view
// without shipping a .qm file in the test.
class MarkingTranslator : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char*, int n) const override {
        if (QByteArray(context) != "swarmergy::widgets::RucheView") return {};
        QString text = QStringLiteral("[fr] ") + QString::fromUtf8(source);
        return n >= 0 ? text.replace(QStringLiteral("%n"), QString::number(n)) : text;
    }
    bool isEmpty() const override { return false; }
};

}  // namespace

class TestRucheView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void showsEveryFlowOfTheSnapshot() {
        RucheView view;
        view.setSnapshot(fixtures::smallEssaim());
        view.setRucheIndex(0);
        QCOMPARE(view.flowLabel(RucheNode::Pv), kw("12.3"));
        QCOMPARE(view.flowLabel(RucheNode::Loads), kw("18.8"));   // 18.75 kW at three significant figures
        QCOMPARE(view.flowLabel(RucheNode::MicroStores), kw("2.50"));
        QCOMPARE(view.flowLabel(RucheNode::HiveStore), kw("1.20"));
        QCOMPARE(view.flowLabel(RucheNode::Grid), kw("3.10"));
        QCOMPARE(view.flowLabel(RucheNode::SeasonStore), kw("0.00"));
        QCOMPARE(view.flowLabel(RucheNode::OtherRuches), kw("0.35"));   // 0.4 in - 0.75 out
        QVERIFY(view.flowLabels().contains(QStringLiteral("PV: ") + kw("12.3")));
        QVERIFY(view.headerText().contains(QStringLiteral("Tilleuls")));
        QVERIFY(view.headerText().contains(QStringLiteral("24 alvéole")));   // plural comes from the .qm
    }

    void directionsFollowTheSigns() {
        RucheView view;
        view.setSnapshot(fixtures::smallEssaim());
        for (const widgets::ShownFlow& flow : view.shownFlows()) {
            switch (flow.node) {
            case RucheNode::Pv: QCOMPARE(flow.powerKw, 12.3); break;            // into the bus
            case RucheNode::Loads: QCOMPARE(flow.powerKw, -18.75); break;       // out of it
            case RucheNode::Grid: QCOMPARE(flow.powerKw, 3.1); break;           // import
            case RucheNode::OtherRuches: QVERIFY(flow.powerKw < 0); break;      // net sender
            default: break;
            }
        }
    }

    void storesShowTheirLevel() {
        RucheView view;
        view.setSnapshot(fixtures::smallEssaim());
        for (const widgets::ShownFlow& flow : view.shownFlows()) {
            if (flow.node == RucheNode::HiveStore) {
                QCOMPARE(flow.gaugeFraction, 0.6);
                QVERIFY2(flow.detail.contains(QStringLiteral("60.0")), qPrintable(flow.detail));
                QVERIFY2(flow.detail.contains(QStringLiteral("200")), qPrintable(flow.detail));
            }
            if (flow.node == RucheNode::SeasonStore) QVERIFY2(flow.detail.contains(QStringLiteral("40.0")), qPrintable(flow.detail));
        }
        QVERIFY(view.flowLabel(RucheNode::Pv).size() > 0);
        QVERIFY2(view.shownFlows().first().detail.contains(QStringLiteral("curtailed 1.70")), qPrintable(view.shownFlows().first().detail));
    }

    void kpiTilesShowTodaysFigures() {
        RucheView view;
        view.setSnapshot(fixtures::smallEssaim());
        const QStringList kpis = view.kpiTexts();
        QCOMPARE(kpis.size(), 4);
        QVERIFY2(kpis[0].endsWith(QStringLiteral("83.4") + nbsp + QStringLiteral("%")), qPrintable(kpis[0]));
        QVERIFY2(kpis[1].endsWith(QStringLiteral("91.2") + nbsp + QStringLiteral("%")), qPrintable(kpis[1]));
        QVERIFY2(kpis[2].endsWith(kw("7.65")), qPrintable(kpis[2]));
        QVERIFY2(kpis[3].endsWith(QStringLiteral("4.37") + nbsp + QStringLiteral("cu")), qPrintable(kpis[3]));
    }

    void switchingRucheShowsTheOther() {
        RucheView view;
        view.setSnapshot(fixtures::smallEssaim());
        view.setRucheIndex(1);
        QCOMPARE(view.flowLabel(RucheNode::Pv), kw("41.0"));
        QCOMPARE(view.flowLabel(RucheNode::Grid), kw("18.5"));   // exports 41 - 22.5
        QCOMPARE(view.flowLabel(RucheNode::HiveStore), QString());   // no HiveStore there
        view.setRucheIndex(3);
        QCOMPARE(view.flowLabel(RucheNode::Grid), QString());   // no gate
    }

    void islandedAndMissingDataAreSaid() {
        auto essaim = fixtures::smallEssaim();
        essaim->gridConnected = false;
        RucheView view;
        view.setSnapshot(essaim);
        QVERIFY(view.statusText().contains(QStringLiteral("Islanded")));
        QCOMPARE(view.flowLabel(RucheNode::Grid), QStringLiteral("Disconnected"));
        view.setRucheIndex(9);
        QVERIFY(view.shownFlows().isEmpty());
        QVERIFY2(view.statusText().contains(QStringLiteral("does not exist")), qPrintable(view.statusText()));
        view.setSnapshot(nullptr);
        QVERIFY(view.statusText().contains(QStringLiteral("No data")));
    }

    void retranslatesOnLanguageChange() {
        RucheView view;
        view.setSnapshot(fixtures::smallEssaim());
        QVERIFY(!view.kpiTexts().first().startsWith(QStringLiteral("[fr]")));
        MarkingTranslator translator;
        QCoreApplication::installTranslator(&translator);   // posts LanguageChange to every widget
        QTRY_VERIFY(view.kpiTexts().first().startsWith(QStringLiteral("[fr]")));
        QVERIFY(view.flowLabels().first().startsWith(QStringLiteral("[fr] PV")));
        QCoreApplication::removeTranslator(&translator);
        QTRY_VERIFY(!view.kpiTexts().first().startsWith(QStringLiteral("[fr]")));
    }
};

QTEST_MAIN(TestRucheView)
#include "tst_rucheview.moc"
