// bench_gui_paint [paints]: median paint time of EssaimView (4 and 500 ruches) and RucheView
// at 1600x1000 into a QImage, offscreen. Baseline, same run: painting as many plain
// rectangles, lines and texts as the view draws, without antialiasing or layout: the floor
// any view of that content pays. Target: every view under 16 ms (one frame at 60 Hz).
#include "tests/widgets/SnapshotFixtures.h"
#include "widgets/flow/EssaimView.h"
#include "widgets/flow/RucheView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace swarmergy;

namespace {

constexpr int kWidth = 1600;
constexpr int kHeight = 1000;
constexpr double kFrameBudgetMs = 16.0;

double medianMs(int paints, const std::function<void()>& paint) {
    paint();   // warm-up: font caches, glyph rasterisation
    std::vector<double> samples;
    samples.reserve(std::size_t(paints));
    for (int i = 0; i < paints; ++i) {
        QElapsedTimer timer;
        timer.start();
        paint();
        samples.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::nth_element(samples.begin(), samples.begin() + paints / 2, samples.end());
    return samples[std::size_t(paints / 2)];
}

// The same number of nodes, links and labels as the view, as plain primitives.
void paintBaseline(QImage& image, int nodes, int links, int labels) {
    QPainter painter(&image);
    painter.fillRect(image.rect(), Qt::white);
    for (int i = 0; i < links; ++i) painter.drawLine(10 + i % 1500, 10, 1590 - i % 1500, 990);
    for (int i = 0; i < nodes; ++i) painter.fillRect(QRect(20 + (i * 37) % 1500, 20 + (i * 53) % 900, 12, 12), Qt::gray);
    for (int i = 0; i < labels; ++i) painter.drawText(QPoint(30 + (i * 41) % 1400, 30 + (i * 59) % 900), QStringLiteral("12.3 kW"));
}

struct Row {
    const char* name;
    double viewMs;
    double baselineMs;
};

Row measure(const char* name, QWidget& view, int nodes, int links, int labels, int paints) {
    view.resize(kWidth, kHeight);
    view.ensurePolished();
    QImage image(kWidth, kHeight, QImage::Format_ARGB32_Premultiplied);
    const double viewMs = medianMs(paints, [&] { view.render(&image); });
    const double baselineMs = medianMs(paints, [&] { paintBaseline(image, nodes, links, labels); });
    return {name, viewMs, baselineMs};
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int paints = argc > 1 ? std::max(3, std::atoi(argv[1])) : 31;

    widgets::EssaimView small;
    small.setSnapshot(fixtures::smallEssaim());
    widgets::EssaimView large;
    large.setSnapshot(fixtures::largeEssaim(500));
    widgets::RucheView ruche;
    ruche.setSnapshot(fixtures::smallEssaim());

    // Content counts: nodes, links (grid spokes + lines), labels (names, kW, legend, header).
    const std::vector<Row> rows = {
        measure("EssaimView, 4 ruches", small, 5, 4 + 4, 4 * 2 + 4 + 6, paints),
        measure("EssaimView, 500 ruches", large, 501, 500 + 499, 6, paints),
        measure("RucheView, 1 ruche", ruche, 8, 7, 7 * 3 + 8 + 2, paints),
    };
    std::printf("bench_gui_paint: %dx%d QImage, median of %d paints (offscreen)\n", kWidth, kHeight, paints);
    std::printf("%-26s %10s %14s %8s  %s\n", "view", "paint ms", "baseline ms", "ratio", "budget 16 ms");
    bool withinBudget = true;
    for (const Row& row : rows) {
        const bool ok = row.viewMs < kFrameBudgetMs;
        withinBudget = withinBudget && ok;
        std::printf("%-26s %10.2f %14.2f %7.1fx  %s\n", row.name, row.viewMs, row.baselineMs,
                    row.viewMs / std::max(1e-3, row.baselineMs), ok ? "ok" : "OVER");
    }
    return withinBudget ? 0 : 1;
}
