// EssaimView: clicking a ruche node emits rucheActivated with its index; labels and banner.
#include "tests/widgets/SnapshotFixtures.h"
#include "widgets/flow/EssaimView.h"

#include <QSignalSpy>
#include <QtTest>

using namespace swarmergy;
using widgets::EssaimView;

class TestEssaimView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void clickOnARucheEmitsItsIndex() {
        EssaimView view;
        view.resize(1000, 800);
        view.setSnapshot(fixtures::smallEssaim());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy spy(&view, &EssaimView::rucheActivated);
        for (int index : {2, 0, 3}) {
            const QPoint centre = view.rucheCentre(index).toPoint();
            QVERIFY(!centre.isNull());
            QTest::mouseClick(&view, Qt::LeftButton, {}, centre);
            QCOMPARE(spy.count(), 1);
            QCOMPARE(spy.takeFirst().at(0).toInt(), index);
            QCOMPARE(view.selectedRuche(), index);
        }
    }

    void clickOnEmptySpaceOrGridEmitsNothing() {
        EssaimView view;
        view.resize(1000, 800);
        view.setSnapshot(fixtures::smallEssaim());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy spy(&view, &EssaimView::rucheActivated);
        QTest::mouseClick(&view, Qt::LeftButton, {}, view.gridCentre().toPoint());
        QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(5, 5));
        QCOMPARE(spy.count(), 0);
    }

    void fiveHundredRuchesEachReachable() {
        EssaimView view;
        view.resize(1600, 1000);
        view.setSnapshot(fixtures::largeEssaim(500));
        QVERIFY(!view.detailLabelsShown());
        for (int index = 0; index < 500; ++index) QCOMPARE(view.rucheAt(view.rucheCentre(index)), index);
        // Layout keeps nodes apart: no two centres closer than a node diameter.
        for (int index = 1; index < 500; ++index)
            QVERIFY(QLineF(view.rucheCentre(index), view.rucheCentre(index - 1)).length() >= 2 * view.nodeRadius());
    }

    void lineLabelsAndBanner() {
        auto essaim = fixtures::smallEssaim();
        EssaimView view;
        view.setSnapshot(essaim);
        const QString nbsp(QChar(0x00A0));
        QVERIFY(view.lineLabels().contains(QStringLiteral("L3: 6.40") + nbsp + QStringLiteral("kW")));
        QVERIFY(view.lineLabels().contains(QStringLiteral("L1: 0.40") + nbsp + QStringLiteral("kW")));
        QVERIFY(view.bannerText().isEmpty());
        essaim->gridConnected = false;
        view.setSnapshot(essaim);
        QVERIFY(view.bannerText().contains(QStringLiteral("Islanded")));
    }

    void survivesBadInput() {
        auto essaim = fixtures::smallEssaim();
        essaim->lines.push_back({"Lbad", 2, 99, 5.0, 10, 0});   // points at no ruche
        EssaimView view;
        view.resize(800, 600);
        view.setSnapshot(essaim);
        QVERIFY(!view.grab().isNull());
        view.setSnapshot(nullptr);
        QVERIFY(!view.grab().isNull());
        QCOMPARE(view.rucheAt(QPointF(400, 300)), -1);
    }
};

QTEST_MAIN(TestEssaimView)
#include "tst_essaimview.moc"
