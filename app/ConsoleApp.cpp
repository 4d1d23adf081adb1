#include "app/ConsoleApp.h"

#include "app/DemoService.h"
#include "app/LanguageSwitcher.h"
#include "app/LearningWiring.h"
#include "app/LedgerFeeder.h"
#include "app/LedgerService.h"
#include "app/MainWindow.h"
#include "app/SettingsDialog.h"
#include "app/TelemetryReader.h"
#include "widgets/charts/TimeSeriesChartView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace swarmergy::app {
namespace {

struct ConsoleOptions {
    bool demo = false;
    double headlessHours = 0;   // > 0: run that many simulated hours then quit
    QString screenshot;
    QString dataDir;
    QString language;
    QString page;   // essaim, ruche, charts or fleet: the tab shown at start
    int rpcPort = 0;   // the demo ledger's JSON-RPC on 127.0.0.1 (0: a free port; -1: none)
    DemoSize size;
};

QStringList pageNames() {
    return {QStringLiteral("essaim"), QStringLiteral("ruche"), QStringLiteral("plan"), QStringLiteral("charts"),
            QStringLiteral("fleet"), QStringLiteral("market"), QStringLiteral("ledger")};
}

std::optional<ConsoleOptions> parseArguments(QApplication& application, QString* error) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Swarmergy operations console for a cooperative energy network."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QCoreApplication::translate("main", "Offline demo mode (simulated essaim)."));
    const QCommandLineOption hours(QStringLiteral("hours"),
                                   QCoreApplication::translate("main", "Run this many simulated hours as fast as possible, print a summary and quit."),
                                   QStringLiteral("hours"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QCoreApplication::translate("main", "With --hours: save a PNG of the main window."),
                                        QStringLiteral("file"));
    const QCommandLineOption alveoles(QStringLiteral("alveoles"),
                                      QCoreApplication::translate("main", "Number of simulated alvéoles."), QStringLiteral("n"));
    const QCommandLineOption ruches(QStringLiteral("ruches"),
                                    QCoreApplication::translate("main", "Number of simulated ruches."), QStringLiteral("n"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QCoreApplication::translate("main", "Seed of the simulation."), QStringLiteral("n"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QCoreApplication::translate("main", "Data directory (telemetry)."), QStringLiteral("dir"));
    const QCommandLineOption language(QStringLiteral("lang"),
                                      QCoreApplication::translate("main", "Interface language: en or fr."), QStringLiteral("code"));
    const QCommandLineOption page(QStringLiteral("page"),
                                  QCoreApplication::translate("main", "Page shown at start: essaim, ruche, plan, charts, fleet, market or ledger."), QStringLiteral("name"));
    const QCommandLineOption rpcPort(QStringLiteral("rpc-port"),
                                     QCoreApplication::translate("main", "Port of the demo ledger's JSON-RPC on 127.0.0.1 (0: any free port, -1: none)."),
                                     QStringLiteral("port"));
    parser.addOptions({demo, hours, screenshot, alveoles, ruches, seed, dataDir, language, page, rpcPort});
    parser.process(application);

    ConsoleOptions options;
    options.demo = parser.isSet(demo);
    options.size = DemoSize::load();
    bool ok = true;
    auto readInt = [&](const QCommandLineOption& option, int min, int max, int* out) {
        if (!parser.isSet(option))
            return;
        const int value = parser.value(option).toInt(&ok);
        if (!ok || value < min || value > max) {
            *error = QStringLiteral("--%1 must be a whole number from %2 to %3, got \"%4\"")
                         .arg(option.names().first()).arg(min).arg(max).arg(parser.value(option));
            ok = false;
            return;
        }
        *out = value;
    };
    readInt(alveoles, 1, 50000, &options.size.alveoles);
    if (ok) readInt(ruches, 1, 500, &options.size.ruches);
    if (ok) readInt(seed, 0, 1'000'000'000, &options.size.seed);
    if (ok) readInt(rpcPort, -1, 65535, &options.rpcPort);
    if (!ok)
        return std::nullopt;
    if (options.size.ruches > options.size.alveoles) {
        *error = QStringLiteral("--ruches (%1) cannot exceed --alveoles (%2)").arg(options.size.ruches).arg(options.size.alveoles);
        return std::nullopt;
    }
    if (parser.isSet(hours)) {
        options.headlessHours = parser.value(hours).toDouble(&ok);
        if (!ok || options.headlessHours <= 0 || options.headlessHours > 24 * 366) {
            *error = QStringLiteral("--hours must be a number of hours in (0, 8784], got \"%1\"").arg(parser.value(hours));
            return std::nullopt;
        }
    }
    options.screenshot = parser.value(screenshot);
    if (!options.screenshot.isEmpty() && options.headlessHours <= 0) {
        *error = QStringLiteral("--screenshot needs --hours");
        return std::nullopt;
    }
    options.dataDir = parser.value(dataDir);
    options.language = parser.value(language);
    options.page = parser.value(page);
    if (!options.page.isEmpty() && !pageNames().contains(options.page)) {
        *error = QStringLiteral("--page must be one of %1, got \"%2\"").arg(pageNames().join(QStringLiteral(", ")), options.page);
        return std::nullopt;
    }
    if (!options.language.isEmpty() && !LanguageSwitcher::available().contains(options.language)) {
        *error = QStringLiteral("--lang must be one of %1, got \"%2\"")
                     .arg(LanguageSwitcher::available().join(QStringLiteral(", ")), options.language);
        return std::nullopt;
    }
    return options;
}

QString telemetryPath(const ConsoleOptions& options, QTemporaryDir& demoDir) {
    QString dir = options.dataDir;
    if (dir.isEmpty())
        dir = options.demo ? demoDir.path() : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("telemetry.sqlite"));
}

void printSummary(const model::EssaimSnapshot& s, qint64 wallMs, int alveoles) {
    QTextStream out(stdout);
    out << "Simulated " << s.stepIndex + 1 << " steps of " << s.stepMinutes << " min for " << alveoles
        << " alvéoles in " << s.ruches.size() << " ruches (" << wallMs << " ms wall)\n";
    double costToday = 0, peakImportKw = 0;
    for (const auto& r : s.ruches) {
        costToday += r.today.costToday;
        peakImportKw += r.today.peakImportKw;
    }
    out << QString::asprintf("  essaim     cost today %.2f cu, sum of ruche import peaks %.1f kW, grid %s\n",
                             costToday, peakImportKw, s.gridConnected ? "connected" : "disconnected");
    // A summary stays readable at 500 ruches: the first ones, then a count.
    constexpr std::size_t kShown = 8;
    for (std::size_t i = 0; i < s.ruches.size() && i < kShown; ++i) {
        const auto& r = s.ruches[i];
        out << QString::asprintf("  %-10s self-sufficiency %5.1f %%  self-consumption %5.1f %%  peak import %8.1f kW  cost today %9.2f cu\n",
                                 r.id.c_str(), 100 * r.today.selfSufficiency, 100 * r.today.selfConsumption,
                                 r.today.peakImportKw, r.today.costToday);
    }
    if (s.ruches.size() > kShown)
        out << "  ... and " << s.ruches.size() - kShown << " more ruches\n";
    out.flush();
}

int runHeadless(MainWindow& window, DemoService& demo, const ConsoleOptions& options, int alveoles) {
    const int steps = int(options.headlessHours * 60 / 15 + 0.5);
    QElapsedTimer wall;
    int exitCode = 0;
    QObject::connect(&demo, &DemoService::ready, &demo, [&] {
        wall.start();
        demo.runStepsThenPause(steps);
    });
    QObject::connect(&demo, &DemoService::failed, &demo, [&](const QString& message) {
        std::fprintf(stderr, "swarmergy: %s\n", qPrintable(message));
        exitCode = 1;
        QApplication::exit(1);
    });
    auto finish = [&] {
        const auto snapshot = demo.latest();
        if (snapshot)
            printSummary(*snapshot, wall.elapsed(), alveoles);
        if (!options.screenshot.isEmpty()) {
            if (!window.grab().save(options.screenshot)) {
                std::fprintf(stderr, "swarmergy: cannot write the screenshot %s\n", qPrintable(options.screenshot));
                exitCode = 1;
            } else {
                std::printf("Screenshot written to %s\n", qPrintable(options.screenshot));
            }
        }
        QApplication::exit(exitCode);
    };
    QObject::connect(&demo, &DemoService::stepsDone, &window, [&](qint64) {
        if (window.currentPage() != MainWindow::Page::Charts) {
            // The last snapshot is queued before stepsDone; let the views paint it once.
            QTimer::singleShot(0, &window, finish);
            return;
        }
        // The chart reads history asynchronously: shoot when it is drawn (or after 10 s).
        auto* done = new QObject(&window);
        QObject::connect(window.chartView(), &widgets::TimeSeriesChartView::dataShown, done, [done, finish] {
            delete done;
            finish();
        });
        QTimer::singleShot(10000, done, [done, finish] {
            delete done;
            finish();
        });
        window.reloadHistory();
    });
    demo.start();
    return QApplication::exec();
}

}  // namespace

int runConsole(QApplication& application) {
    QString error;
    const auto options = parseArguments(application, &error);
    if (!options) {
        std::fprintf(stderr, "swarmergy: %s\n", qPrintable(error));
        return 2;
    }
    LanguageSwitcher languages;
    languages.apply(options->language.isEmpty() ? LanguageSwitcher::preferred() : options->language);

    QTemporaryDir demoDir;
    DemoOptions demoOptions;
    demoOptions.alveoles = options->size.alveoles;
    demoOptions.ruches = options->size.ruches;
    demoOptions.seed = std::uint64_t(options->size.seed);
    demoOptions.telemetryPath = telemetryPath(*options, demoDir);
    if (options->headlessHours > 0)
        demoOptions.planEverySteps = 4;   // hourly plans keep a lockstep headless day short

    // The demo's SwarmLedger: three authority nodes on loopback, in this process. Declared
    // before the demo, with the feeder that records the market on it, so the simulation
    // thread stops before either goes.
    std::unique_ptr<LedgerService> ledger;
    std::unique_ptr<LedgerFeeder> ledgerFeeder;
    if (options->demo) {
        try {
            ledger = std::make_unique<LedgerService>(demoDir.path().toStdString(), 1);
            // The open API on loopback, with SwarmBrain's recommendations (swarm_recommendations).
            if (options->rpcPort >= 0)
                ledger->setRpcPort(static_cast<std::uint16_t>(options->rpcPort));
            ledger->start();
            if (!ledger->rpcUrl().empty())
                std::printf("SwarmLedger JSON-RPC: %s\n", ledger->rpcUrl().c_str());
            ledgerFeeder = std::make_unique<LedgerFeeder>(*ledger);
        } catch (const std::exception& error) {
            std::fprintf(stderr, "swarmergy: the demo ledger did not start (%s); going on without it\n", error.what());
            ledger.reset();
        }
    }
    // SwarmBrain's learning outlives the worker that feeds it and the tabs that show it.
    const auto learning =
        options->headlessHours > 0 ? nullptr : makeLiveLearning(QFileInfo(demoOptions.telemetryPath).absolutePath());
    demoOptions.learning = learning.get();
    DemoService demo(demoOptions);
    if (ledgerFeeder)
        demo.setLedgerFeeder(ledgerFeeder.get());
    if (ledger) {
        LedgerService* served = ledger.get();
        QObject::connect(&demo, &DemoService::planReady, &demo, [served](const model::PlanSnapshotPtr& plan) {
            if (plan)
                served->setRecommendations(plan->recommendations);
        });
    }
    TelemetryReader telemetry(demoOptions.telemetryPath);
    MainWindow window(&demo, &telemetry, &languages);
    window.attachLedger(ledger.get());
    if (!options->page.isEmpty())
        window.showPage(static_cast<MainWindow::Page>(pageNames().indexOf(options->page)));
    window.show();
    if (options->headlessHours > 0)
        return runHeadless(window, demo, *options, demoOptions.alveoles);

    // Learning trains in the background and learns from the live simulation: the interactive
    // console only (a headless lockstep run must not depend on when training ends).
    if (learning)
        window.addLiveLearning(learning.get());
    QObject::connect(&demo, &DemoService::ready, &demo, [&demo] { demo.setSpeed(model::SimSpeed::X3600); });
    demo.start();
    return QApplication::exec();   // demo, then feeder, then ledger stop as they go out of scope
}

}  // namespace swarmergy::app
