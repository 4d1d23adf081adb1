// The forecast view draws the 10-90 % band, the median and the measured values of the chosen
// ruche and target, shows the skill figures, raises a banner when a baseline answers in place
// of a model, and drives the learning service through Train now / Cancel.
#include "widgets/forecast/ForecastView.h"

#include <QAreaSeries>
#include <QComboBox>
#include <QLabel>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QtTest>

using namespace swarmergy;

namespace {

class FakeLearning : public app::ForecastControl {
public:
    void trainNow() override { ++trains; }
    void cancelTraining() override { ++cancels; }
    int trains = 0, cancels = 0;
};

app::ForecastSeriesData series(double base, int steps, int actualSteps) {
    app::ForecastSeriesData s;
    for (int i = 0; i < steps; ++i) {
        const double p50 = base + i * 0.1;
        s.p10Kw.push_back(p50 - 1);
        s.p50Kw.push_back(p50);
        s.p90Kw.push_back(p50 + 2);
        if (i < actualSteps)
            s.actualKw.push_back(p50 + 0.5);
    }
    s.maeModelKw = 0.8;
    s.maeSeasonalNaiveKw = 1.6;
    s.skill = 0.5;
    s.coverage = 0.79;
    return s;
}

app::ForecastSnapshotPtr snapshot(bool pvBaseline) {
    auto s = std::make_shared<app::ForecastSnapshot>();
    for (int r = 0; r < 2; ++r) {
        app::RucheForecastData ruche;
        ruche.rucheId = "ruche-" + std::to_string(r + 1);
        ruche.originUtc = 1'782'000'000;
        ruche.load = series(10 * (r + 1), 96, 40);
        ruche.pv = series(100 + r, 96, 96);
        s->ruches.push_back(ruche);
    }
    if (pvBaseline) {
        s->ruches[1].pv.fromBaseline = true;
        s->ruches[1].pv.warning = "pv.model: checksum mismatch";
    }
    s->training.modelVersion = 3;
    return s;
}

}  // namespace

class TestForecastView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void drawsBandMedianAndActual() {
        widgets::ForecastView view(nullptr);
        view.setSnapshot(snapshot(false));
        QCOMPARE(view.rucheCombo()->count(), 2);
        auto* band = view.bandSeries();
        QVERIFY(band->upperSeries() && band->lowerSeries());
        QCOMPARE(band->upperSeries()->count(), 96);
        QCOMPARE(band->lowerSeries()->count(), 96);
        QCOMPARE(view.medianSeries()->count(), 96);
        QCOMPARE(view.actualSeries()->count(), 40);   // the future is not measured yet
        // Ruche 1 load: p50 = 10 + 0.1 i, band p50 - 1 .. p50 + 2; x in hours (15-minute steps).
        QCOMPARE(view.medianSeries()->at(4), QPointF(1.0, 10.4));
        QCOMPARE(band->upperSeries()->at(4).y(), 12.4);
        QCOMPARE(band->lowerSeries()->at(4).y(), 9.4);
        QVERIFY(view.skillLabel()->text().contains(QStringLiteral("50 %")));
        QVERIFY(view.warningBanner()->isHidden());

        view.selectRuche(1);
        view.selectTarget(app::ForecastTarget::Pv);
        QCOMPARE(view.medianSeries()->at(0).y(), 101.0);
        QCOMPARE(view.actualSeries()->count(), 96);
    }

    void keepsTheChosenRucheAcrossSnapshots() {
        widgets::ForecastView view(nullptr);
        view.setSnapshot(snapshot(false));
        view.selectRuche(1);
        view.setSnapshot(snapshot(false));
        QCOMPARE(view.rucheCombo()->currentText(), QStringLiteral("ruche-2"));
        QCOMPARE(view.medianSeries()->at(0).y(), 20.0);
    }

    void bannerOnBaselineFallback() {
        widgets::ForecastView view(nullptr);
        view.setSnapshot(snapshot(true));
        QVERIFY(!view.warningBanner()->isHidden());
        QVERIFY(view.warningBanner()->text().contains(QStringLiteral("ruche-2")));
        QVERIFY(view.warningBanner()->text().contains(QStringLiteral("checksum mismatch")));
        view.setSnapshot(snapshot(false));
        QVERIFY(view.warningBanner()->isHidden());
    }

    void trainAndCancelDriveTheService() {
        FakeLearning learning;
        widgets::ForecastView view(&learning);
        view.setSnapshot(snapshot(false));
        QVERIFY(view.trainButton()->isEnabled());
        QVERIFY(view.cancelButton()->isHidden());
        QTest::mouseClick(view.trainButton(), Qt::LeftButton);
        QCOMPARE(learning.trains, 1);

        view.setTrainingProgress(true, 0.42);
        QVERIFY(!view.trainButton()->isEnabled());
        QVERIFY(!view.cancelButton()->isHidden());
        QCOMPARE(view.progressBar()->value(), 42);
        QTest::mouseClick(view.cancelButton(), Qt::LeftButton);
        QCOMPARE(learning.cancels, 1);

        view.setTrainingProgress(false, 1.0);
        QVERIFY(view.trainButton()->isEnabled());
        QVERIFY(view.cancelButton()->isHidden());
    }
};

QTEST_MAIN(TestForecastView)
#include "tst_forecastview.moc"
