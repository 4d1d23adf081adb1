// The Plan view shows the plan it is given: KPIs, planned against actual series per ruche and
// quantity, the islanding banner and the recommendations.
#include "widgets/plan/PlanView.h"

#include <QLineSeries>
#include <QtTest>

using namespace swarmergy;

static model::PlanSnapshotPtr makePlan(bool islanded) {
    auto plan = std::make_shared<model::PlanSnapshot>();
    plan->planStartUtc = 1782000000;   // a multiple of 900 s
    plan->stepMinutes = 15;
    plan->steps = 4;
    plan->status = "optimal";
    plan->objectiveCu = 123.45;
    plan->boundCu = 122.0;
    plan->gap = 0.0042;
    plan->solveSeconds = 0.31;
    plan->aloneCostCu = 150.0;
    plan->communityCostCu = 110.0;
    plan->islanded = islanded;
    plan->storesLastHours = 7.5;
    for (const char* id : {"ruche-1", "ruche-2"}) {
        model::RuchePlan r;
        r.id = id;
        r.plannedImportKw = {10, 0, 0, 5};
        r.plannedExportKw = {0, 20, 30, 0};
        r.plannedHiveSocKwh = {50, 55, 60, 65, 60};
        r.priceCuPerKwh = {0.3, 0.08, 0.08, 0.26};
        r.actualImportKw = {12, 0};
        r.actualExportKw = {0, 18};
        r.actualHiveSocKwh = {50, 54, 58};
        r.plannedShedKwh = 1.5;
        r.plannedCurtailedKwh = 2.0;
        plan->ruches.push_back(r);
    }
    plan->seasonStartUtc = plan->planStartUtc;
    plan->seasonPlannedLevelKwh = std::vector<double>(366, 5000.0);
    plan->seasonActualLevelKwh = {5000.0, 4900.0, 4800.0};
    plan->h2TerminalValuePerKwh = 0.13;
    model::Recommendation rec;
    rec.alveoleId = "a-0007";
    rec.appliance = "washing";
    rec.usualStartUtc = plan->planStartUtc + 18 * 3600;
    rec.suggestedStartUtc = plan->planStartUtc + 13 * 3600;
    rec.savingCu = 0.42;
    plan->recommendations.push_back(rec);
    return plan;
}

class TestPlanView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsTheKpisOfThePlan() {
        widgets::PlanView view;
        view.setPlan(makePlan(false));
        const QStringList kpis = view.kpiTexts();
        QVERIFY2(kpis[0].contains(QStringLiteral("123")), qPrintable(kpis.join('|')));
        QVERIFY2(kpis[1].contains(QStringLiteral("0.42")), qPrintable(kpis[1]));   // 0.42 % gap
        QVERIFY2(kpis[2].contains(QStringLiteral("40")), qPrintable(kpis[2]));     // 150 - 110 cu
        QVERIFY2(kpis[3].contains(QStringLiteral("3.00")) && kpis[3].contains(QStringLiteral("kWh")), qPrintable(kpis[3]));
        QVERIFY(view.bannerText().isEmpty());
    }

    void plotsPlannedAgainstActual() {
        widgets::PlanView view;
        view.setPlan(makePlan(false));
        QCOMPARE(view.plannedSeries()->count(), 4);
        QCOMPARE(view.actualSeries()->count(), 2);
        QCOMPARE(view.plannedSeries()->at(1).y(), 20.0);    // export is positive
        QCOMPARE(view.actualSeries()->at(0).y(), -12.0);    // import is negative
        QCOMPARE(view.plannedSeries()->at(1).x() - view.plannedSeries()->at(0).x(), 900'000.0);
        view.setQuantity(widgets::PlanQuantity::HiveSoc);
        QCOMPARE(view.plannedSeries()->count(), 5);
        QCOMPARE(view.actualSeries()->count(), 3);
        view.setQuantity(widgets::PlanQuantity::H2Level);   // this ruche has no SeasonStore
        QCOMPARE(view.plannedSeries()->count(), 0);
        view.setQuantity(widgets::PlanQuantity::Price);
        QCOMPARE(view.plannedSeries()->at(0).y(), 0.3);
        view.setRucheIndex(1);
        QCOMPARE(view.plannedSeries()->count(), 4);
        view.setQuantity(widgets::PlanQuantity::H2Year);   // the SeasonStore's year, day by day
        QCOMPARE(view.plannedSeries()->count(), 366);
        QCOMPARE(view.actualSeries()->count(), 3);
        QCOMPARE(view.plannedSeries()->at(1).x() - view.plannedSeries()->at(0).x(), 86'400'000.0);
        QCOMPARE(view.actualSeries()->at(2).y(), 4800.0);
    }

    void islandingIsAnnounced() {
        widgets::PlanView view;
        view.show();
        view.setPlan(makePlan(true));
        QVERIFY2(view.bannerText().contains(QStringLiteral("7.5")), qPrintable(view.bannerText()));
        view.setPlan(makePlan(false));
        QVERIFY(view.bannerText().isEmpty());
    }

    void listsTheRecommendations() {
        widgets::PlanView view;
        view.setPlan(makePlan(false));
        const QStringList texts = view.recommendationTexts();
        QCOMPARE(texts.size(), 1);
        QVERIFY2(texts[0].contains(QStringLiteral("washing machine")) && texts[0].contains(QStringLiteral("13:00")) &&
                     texts[0].contains(QStringLiteral("0.42")),
                 qPrintable(texts[0]));
    }

    void rendersWithoutAPlan() {
        widgets::PlanView view;
        view.resize(1200, 800);
        view.setPlan(nullptr);
        QCOMPARE(view.plannedSeries()->count(), 0);
        QVERIFY(!view.grab().isNull());
    }
};

QTEST_MAIN(TestPlanView)
#include "tst_planview.moc"
