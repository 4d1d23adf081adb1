// TimeSeriesChartView fills its series from a (fake) TelemetrySeries on a worker thread,
// ignores stale answers, picks the resolution from the range, toggles series, throttles refresh.
#include "widgets/charts/TimeSeriesChartView.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QThread>
#include <QtCharts/QChart>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtTest>
#include <atomic>
#include <mutex>

using namespace swarmergy;
using widgets::ChartSeries;
using widgets::TimeRange;
using widgets::TimeSeriesChartView;

namespace {

constexpr std::int64_t kLastStored = 1718928000;   // 2024-06-21 00:00 UTC

// Answers with one point per interval; values encode the id and time so a test can tell
// whose answer is drawn. Requests for id "slow" wait until the test releases them.
class FakeTelemetry : public app::TelemetrySeries {
public:
    std::vector<app::SeriesPoint> query(const app::SeriesRequest& request) const override {
        queries.fetch_add(1);
        {
            std::lock_guard lock(mutex);
            last = request;
            onGuiThread = onGuiThread || QThread::currentThread() == qApp->thread();
        }
        if (request.id == "broken") throw std::runtime_error("database is locked");
        if (request.id == "slow") gate.acquire();
        const std::int64_t step = request.resolution == app::SeriesResolution::Step ? 900
                                  : request.resolution == app::SeriesResolution::Hour ? 3600 : 86400;
        const double tag = request.id == "slow" ? 1000.0 : 0.0;
        std::vector<app::SeriesPoint> points;
        for (std::int64_t t = request.fromUtc; t < request.toUtc; t += step) {
            const double hour = double((t / 3600) % 24);
            points.push_back({t, 2.0 + hour / 10.0 + tag, std::max(0.0, 6.0 - std::abs(hour - 12.0)), hour - 12.0,
                              5.0 + hour, 0.2 + hour / 100.0});
        }
        return points;
    }
    std::pair<std::int64_t, std::int64_t> storedRange() const override { return {kLastStored - 90 * 86400, kLastStored}; }

    app::SeriesRequest lastRequest() const {
        std::lock_guard lock(mutex);
        return last;
    }

    mutable std::atomic<int> queries{0};
    mutable QSemaphore gate;
    mutable std::mutex mutex;
    mutable app::SeriesRequest last;
    mutable bool onGuiThread = false;
};

}  // namespace

class TestTimeSeriesChart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void fillsSeriesFromTheWorkerAnswer() {
        FakeTelemetry telemetry;
        TimeSeriesChartView view(&telemetry);
        QSignalSpy shown(&view, &TimeSeriesChartView::dataShown);
        view.setSource(app::SeriesScope::Ruche, QStringLiteral("Tilleuls"));
        QVERIFY(shown.wait(5000));
        QCOMPARE(shown.first().at(0).toInt(), 96);   // 24 h of 15-minute steps
        QCOMPARE(view.series(ChartSeries::Load)->count(), 96);
        QCOMPARE(view.series(ChartSeries::Price)->count(), 96);
        QVERIFY(!telemetry.onGuiThread);
        const app::SeriesRequest request = telemetry.lastRequest();
        QCOMPARE(request.id, std::string("Tilleuls"));
        QCOMPARE(request.resolution, app::SeriesResolution::Step);
        QCOMPARE(request.toUtc - request.fromUtc, std::int64_t(86400));
        QCOMPARE(request.toUtc, kLastStored + 1);   // ends with the last stored interval
        // The first point is the fake's value at the range start.
        const QPointF first = view.series(ChartSeries::Load)->at(0);
        QCOMPARE(qint64(first.x() / 1000), request.fromUtc);
        QCOMPARE(first.y(), 2.0 + double((request.fromUtc / 3600) % 24) / 10.0);
        QVERIFY(view.statusText().contains(QStringLiteral("96")));
    }

    void resolutionFollowsTheRange() {
        QCOMPARE(TimeSeriesChartView::resolutionForSpan(86400), app::SeriesResolution::Step);
        QCOMPARE(TimeSeriesChartView::resolutionForSpan(7 * 86400), app::SeriesResolution::Hour);
        QCOMPARE(TimeSeriesChartView::resolutionForSpan(30 * 86400), app::SeriesResolution::Day);
        FakeTelemetry telemetry;
        TimeSeriesChartView view(&telemetry);
        QSignalSpy shown(&view, &TimeSeriesChartView::dataShown);
        view.setSource(app::SeriesScope::Alveole, QStringLiteral("A10042"));
        QVERIFY(shown.wait(5000));
        view.setTimeRange(TimeRange::Last7Days);
        QVERIFY(shown.wait(5000));
        QCOMPARE(view.shownRequest().resolution, app::SeriesResolution::Hour);
        QCOMPARE(view.series(ChartSeries::Pv)->count(), 7 * 24);
        QCOMPARE(telemetry.lastRequest().scope, app::SeriesScope::Alveole);
        const QDateTime from = QDateTime::fromSecsSinceEpoch(kLastStored - 3 * 86400, Qt::UTC);
        view.setCustomRange(from, from.addSecs(12 * 3600));
        QVERIFY(shown.wait(5000));
        QCOMPARE(view.timeRange(), TimeRange::Custom);
        QCOMPARE(view.shownRequest().fromUtc, from.toSecsSinceEpoch());
        QCOMPARE(view.series(ChartSeries::Soc)->count(), 48);
    }

    void staleAnswersAreIgnored() {
        FakeTelemetry telemetry;
        TimeSeriesChartView view(&telemetry);
        QSignalSpy shown(&view, &TimeSeriesChartView::dataShown);
        view.setSource(app::SeriesScope::Ruche, QStringLiteral("slow"));    // blocks in the worker
        view.setSource(app::SeriesScope::Ruche, QStringLiteral("Chênes"));  // answers at once
        QVERIFY(shown.wait(5000));
        telemetry.gate.release();   // now the old answer arrives, and must be dropped
        QTRY_COMPARE(telemetry.queries.load(), 2);
        QTest::qWait(0);
        QCOMPARE(view.shownRequest().id, std::string("Chênes"));
        QTRY_COMPARE(shown.count(), 1);
        QVERIFY(view.series(ChartSeries::Load)->at(0).y() < 1000);   // not the slow answer's values
    }

    void errorsAreShownNotThrown() {
        FakeTelemetry telemetry;
        TimeSeriesChartView view(&telemetry);
        QSignalSpy failed(&view, &TimeSeriesChartView::queryFailed);
        view.setSource(app::SeriesScope::Ruche, QStringLiteral("broken"));
        QVERIFY(failed.wait(5000));
        QVERIFY(view.statusText().contains(QStringLiteral("database is locked")));
    }

    void legendClickTogglesASeries() {
        FakeTelemetry telemetry;
        TimeSeriesChartView view(&telemetry);
        QVERIFY(view.isSeriesVisible(ChartSeries::Pv));
        QLegendMarker* marker = view.chart()->legend()->markers(view.series(ChartSeries::Pv)).value(0);
        QVERIFY(marker);
        Q_EMIT marker->clicked();
        QVERIFY(!view.isSeriesVisible(ChartSeries::Pv));
        QTest::qWait(50);                // let the legend process the series change
        QVERIFY(marker->isVisible());   // still there to be clicked back
        Q_EMIT marker->clicked();
        QVERIFY(view.isSeriesVisible(ChartSeries::Pv));
    }

    void refreshIsThrottled() {
        FakeTelemetry telemetry;
        TimeSeriesChartView view(&telemetry);
        QSignalSpy shown(&view, &TimeSeriesChartView::dataShown);
        view.setSource(app::SeriesScope::Ruche, QStringLiteral("Tilleuls"));
        QVERIFY(shown.wait(5000));
        const int before = view.requestsStarted();
        for (int i = 0; i < 20; ++i) view.refresh();   // a burst of "new data stored"
        QCOMPARE(view.requestsStarted(), before);       // none at once: within 2 s of the last
        QTRY_COMPARE_WITH_TIMEOUT(view.requestsStarted(), before + 1, 5000);   // one, coalesced
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 2, 5000);
        QCOMPARE(view.requestsStarted(), before + 1);
    }
};

QTEST_MAIN(TestTimeSeriesChart)
#include "tst_timeserieschart.moc"
