// Each view grabbed into a PNG under the build dir; the picture must not be blank.
#include "tests/widgets/SnapshotFixtures.h"
#include "widgets/charts/TimeSeriesChartView.h"
#include "widgets/fleet/FleetView.h"
#include "widgets/flow/EssaimView.h"
#include "widgets/flow/RucheView.h"

#include <QDir>
#include <QImage>
#include <QSet>
#include <QSignalSpy>
#include <QtTest>
#include <cmath>

using namespace swarmergy;

namespace {

// Distinct colours and share of pixels that differ from the corner (background) colour.
struct PixelStats {
    int distinctColours = 0;
    double foregroundShare = 0;
};

PixelStats statsOf(const QImage& source) {
    const QImage image = source.convertToFormat(QImage::Format_RGB32);
    const QRgb background = image.pixel(image.width() - 1, image.height() - 1);
    QSet<QRgb> colours;
    qint64 foreground = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            colours.insert(line[x]);
            if (line[x] != background) ++foreground;
        }
    }
    return {int(colours.size()), double(foreground) / (double(image.width()) * image.height())};
}

void saveAndCheck(QWidget& widget, const QString& name) {
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    const QImage image = widget.grab().toImage();
    QDir().mkpath(QStringLiteral(SWARMERGY_SCREENSHOT_DIR));
    const QString path = QStringLiteral(SWARMERGY_SCREENSHOT_DIR) + QLatin1Char('/') + name + QStringLiteral(".png");
    QVERIFY2(image.save(path), qPrintable(path));
    const PixelStats stats = statsOf(image);
    qInfo("%s: %d colours, %.1f %% foreground", qPrintable(path), stats.distinctColours, stats.foregroundShare * 100);
    QVERIFY2(stats.distinctColours > 50, qPrintable(name));   // antialiased text and links
    QVERIFY2(stats.foregroundShare > 0.03, qPrintable(name));
}

// A day of plausible history: PV bell, evening load peak, battery following the surplus.
class DemoTelemetry : public app::TelemetrySeries {
public:
    std::vector<app::SeriesPoint> query(const app::SeriesRequest& request) const override {
        std::vector<app::SeriesPoint> points;
        double socKwh = 40;
        for (std::int64_t t = request.fromUtc; t < request.toUtc; t += 900) {
            const double hour = double(t % 86400) / 3600.0;
            const double pvKw = std::max(0.0, 30.0 * std::sin(M_PI * (hour - 6.0) / 14.0));
            const double loadKw = 12 + 8 * std::exp(-std::pow(hour - 19.5, 2) / 4) + 4 * std::exp(-std::pow(hour - 8, 2) / 2);
            const double netKw = pvKw - loadKw;
            socKwh = std::clamp(socKwh + netKw * 0.25 * 0.5, 10.0, 100.0);
            points.push_back({t, loadKw, pvKw, netKw, socKwh, hour > 17 && hour < 21 ? 0.32 : 0.2});
        }
        return points;
    }
    std::pair<std::int64_t, std::int64_t> storedRange() const override { return {1718841600, 1718928000 - 900}; }
};

}  // namespace

class TestScreenshots : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void rucheView() {
        widgets::RucheView view;
        view.resize(1280, 820);
        view.setSnapshot(fixtures::smallEssaim());
        saveAndCheck(view, QStringLiteral("ruche_view"));
    }
    void rucheViewIslanded() {
        auto essaim = fixtures::smallEssaim();
        essaim->gridConnected = false;
        essaim->ruches[0].flows.shedKw = 2.4;
        widgets::RucheView view;
        view.resize(1280, 820);
        view.setSnapshot(essaim);
        saveAndCheck(view, QStringLiteral("ruche_view_islanded"));
    }
    void essaimView() {
        widgets::EssaimView view;
        view.resize(1280, 820);
        view.setSnapshot(fixtures::smallEssaim());
        saveAndCheck(view, QStringLiteral("essaim_view"));
    }
    void essaimViewIslanded() {
        auto essaim = fixtures::smallEssaim();
        essaim->gridConnected = false;
        widgets::EssaimView view;
        view.resize(1280, 820);
        view.setSnapshot(essaim);
        saveAndCheck(view, QStringLiteral("essaim_view_islanded"));
    }
    void essaimView500() {
        widgets::EssaimView view;
        view.resize(1600, 1000);
        view.setSnapshot(fixtures::largeEssaim(500));
        saveAndCheck(view, QStringLiteral("essaim_view_500"));
    }
    void fleetView() {
        widgets::FleetView view;
        view.resize(1280, 640);
        view.setSnapshot(fixtures::smallEssaim(5000));
        saveAndCheck(view, QStringLiteral("fleet_view"));
    }
    void chartView() {
        DemoTelemetry telemetry;
        widgets::TimeSeriesChartView view(&telemetry);
        view.resize(1280, 640);
        QSignalSpy shown(&view, &widgets::TimeSeriesChartView::dataShown);
        view.setSource(app::SeriesScope::Ruche, QStringLiteral("Tilleuls"));
        QVERIFY(shown.wait(5000));
        saveAndCheck(view, QStringLiteral("chart_view"));
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
