// Time to first frame of the console: from constructing the services to the main window
// painted with the first snapshot of the essaim, at 50,000 alvéoles in 500 ruches, against the
// 400-alvéole demo measured in the same run (the baseline). Target: under 2 s at 50,000.
//   bench_gui_startup [alveoles ruches]   (run with QT_QPA_PLATFORM=offscreen or under xvfb-run)
#include "app/DemoService.h"
#include "app/LanguageSwitcher.h"
#include "app/MainWindow.h"
#include "app/TelemetryReader.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

using namespace swarmergy;

struct StartupTimes {
    double windowShownMs = 0;   // empty window on screen
    double firstFrameMs = 0;    // window painted with the first snapshot
    double repaintMs = 0;       // one full repaint of the essaim page afterwards
};

static StartupTimes measure(int alveoles, int ruches) {
    QTemporaryDir dir;
    QElapsedTimer clock;
    clock.start();
    StartupTimes times;
    app::DemoOptions options;
    options.alveoles = alveoles;
    options.ruches = ruches;
    options.telemetryPath = dir.filePath(QStringLiteral("telemetry.sqlite"));
    app::DemoService demo(options);
    app::TelemetryReader reader(options.telemetryPath);
    app::LanguageSwitcher languages;
    app::MainWindow window(&demo, &reader, &languages);
    window.resize(1600, 1000);
    window.show();
    QCoreApplication::processEvents();
    times.windowShownMs = clock.nsecsElapsed() / 1e6;

    QEventLoop loop;
    QObject::connect(&demo, &app::DemoService::snapshotReady, &loop, [&] {
        window.grab();   // paints the whole window, as the first frame on screen would
        times.firstFrameMs = clock.nsecsElapsed() / 1e6;
        loop.quit();
    }, Qt::QueuedConnection);
    demo.start();
    loop.exec();

    QElapsedTimer repaint;
    repaint.start();
    window.grab();
    times.repaintMs = repaint.nsecsElapsed() / 1e6;
    return times;
}

int main(int argc, char* argv[]) {
    QApplication application(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    const int alveoles = argc > 2 ? std::atoi(argv[1]) : 50000;
    const int ruches = argc > 2 ? std::atoi(argv[2]) : 500;

    const StartupTimes baseline = measure(400, 4);
    const StartupTimes large = measure(alveoles, ruches);
    std::printf("%-28s %12s %14s %12s\n", "console", "window ms", "first frame ms", "repaint ms");
    std::printf("%-28s %12.1f %14.1f %12.1f\n", "demo 400 alvéoles, 4 ruches", baseline.windowShownMs,
                baseline.firstFrameMs, baseline.repaintMs);
    std::printf("%6d alvéoles, %3d ruches %12.1f %14.1f %12.1f\n", alveoles, ruches, large.windowShownMs,
                large.firstFrameMs, large.repaintMs);
    std::printf("first frame ratio large/demo: %.2f (target: first frame under 2000 ms at 50,000)\n",
                large.firstFrameMs / baseline.firstFrameMs);
    return large.firstFrameMs < 2000 ? 0 : 1;
}
