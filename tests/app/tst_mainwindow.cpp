// The console's main window on a small live demo: it opens and shows snapshots, the time
// controls change the simulation's speed, step and pause, a ruche opens from the essaim, the
// language switches at run time, and each page renders to a non-blank picture.
#include "app/DemoService.h"
#include "app/LanguageSwitcher.h"
#include "app/LedgerService.h"
#include "app/MainWindow.h"
#include "app/TelemetryReader.h"
#include "widgets/plan/PlanView.h"
#include "widgets/ledger/LedgerExplorerView.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineSeries>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace swarmergy;
using model::SimSpeed;

class TestMainWindow : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<app::DemoService> demo_;
    std::unique_ptr<app::TelemetryReader> reader_;
    std::unique_ptr<app::LanguageSwitcher> languages_;
    std::unique_ptr<app::MainWindow> window_;

    QAction* actionWithShortcut(const QKeySequence& key) {
        for (QAction* action : window_->findChildren<QAction*>()) {
            if (action->shortcut() == key)
                return action;
        }
        return nullptr;
    }
    model::EssaimSnapshotPtr latest() const { return demo_->latest(); }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(dir_.isValid());
        app::DemoOptions options;
        options.alveoles = 40;
        options.ruches = 2;
        options.telemetryPath = dir_.filePath(QStringLiteral("telemetry.sqlite"));
        options.publishIntervalMs = 20;
        demo_ = std::make_unique<app::DemoService>(options);
        reader_ = std::make_unique<app::TelemetryReader>(options.telemetryPath);
        languages_ = std::make_unique<app::LanguageSwitcher>();
        window_ = std::make_unique<app::MainWindow>(demo_.get(), reader_.get(), languages_.get());
        window_->show();
        QSignalSpy ready(demo_.get(), &app::DemoService::ready);
        demo_->start();
        QVERIFY(ready.wait(10000));
    }

    void opensOnTheDemo() {
        // The demo starts at local midnight of 21 June (23:00 UTC the day before).
        QTRY_VERIFY(latest() != nullptr);
        QCOMPARE(int(latest()->ruches.size()), 2);
        QCOMPARE(window_->findChild<QTabWidget*>(QStringLiteral("pages"))->count(), 6);
        auto* rucheChoice = window_->findChild<QComboBox*>(QStringLiteral("rucheChoice"));
        QTRY_COMPARE(rucheChoice->count(), 2);
        QVERIFY(window_->findChild<QLabel*>(QStringLiteral("simTime"))->text().contains(QStringLiteral("2026-06-2")));
    }

    void timeControlsChangeTheSpeed() {
        QAction* fast = actionWithShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
        QVERIFY(fast);
        fast->trigger();
        QCOMPARE(demo_->speed(), SimSpeed::X3600);
        QTRY_COMPARE(latest()->speed, SimSpeed::X3600);

        const auto before = latest()->stepIndex;
        actionWithShortcut(QKeySequence(Qt::CTRL | Qt::Key_4))->trigger();
        QTRY_VERIFY(latest()->speed == SimSpeed::AsFastAsPossible && latest()->stepIndex > before + 8);

        actionWithShortcut(QKeySequence(Qt::Key_Space))->trigger();
        QTRY_COMPARE(latest()->speed, SimSpeed::Paused);
        const auto paused = latest()->stepIndex;
        QVERIFY(window_->findChild<QLabel*>(QStringLiteral("simSpeed"))->text().contains(QStringLiteral("Paused")));

        actionWithShortcut(QKeySequence(Qt::Key_N))->trigger();   // one step
        QTRY_COMPARE(latest()->stepIndex, paused + 1);
        QCOMPARE(latest()->speed, SimSpeed::Paused);
    }

    void historyReachesTheTelemetryReader() {
        const auto range = reader_->storedRange();
        QVERIFY(range.second > range.first);
        app::SeriesRequest request;
        request.id = latest()->ruches.front().id;
        request.fromUtc = range.first;
        request.toUtc = range.second + 1;
        const auto points = reader_->query(request);
        QCOMPARE(qint64(points.size()), latest()->stepIndex + 1);   // stepIndex is 0-based
    }

    void aPlanArrivesAndIsShown() {
        QTRY_VERIFY_WITH_TIMEOUT(demo_->latestPlan() != nullptr, 30000);
        const auto plan = demo_->latestPlan();
        QCOMPARE(int(plan->ruches.size()), 2);
        QCOMPARE(plan->steps, 96);
        QVERIFY(plan->gap >= 0 && plan->gap <= 0.01);
        QVERIFY(window_->planView()->plannedSeries()->count() > 0);
        // The seasonal plan prices the hydrogen the day plan leaves in the tank.
        QCOMPARE(int(plan->seasonPlannedLevelKwh.size()), 366);
        QVERIFY(plan->h2TerminalValuePerKwh > 0);
        QVERIFY(!plan->seasonActualLevelKwh.empty());
    }

    void islandingReplansAtOnce() {
        demo_->setGridConnected(false);
        QTRY_VERIFY_WITH_TIMEOUT(demo_->latestPlan() && demo_->latestPlan()->islanded, 30000);
        QCOMPARE(demo_->latestPlan()->trigger, model::PlanTrigger::GridDisconnected);
        QVERIFY(demo_->latestPlan()->storesLastHours > 0);
        for (const auto& ruche : demo_->latestPlan()->ruches)   // nothing planned through the gates
            for (double kw : ruche.plannedImportKw)
                QCOMPARE(kw, 0.0);
        QVERIFY(!window_->planView()->bannerText().isEmpty());
        demo_->setGridConnected(true);
        QTRY_VERIFY_WITH_TIMEOUT(demo_->latestPlan() && !demo_->latestPlan()->islanded, 30000);
    }

    void theLedgerTabShowsTheEmbeddedChain() {
        app::LedgerService ledger(dir_.path().toStdString(), 1);
        ledger.start();
        window_->attachLedger(&ledger);
        auto* tabs = window_->findChild<QTabWidget*>(QStringLiteral("pages"));
        QCOMPARE(tabs->count(), 7);
        QCOMPARE(tabs->tabText(6), QStringLiteral("Ledger"));
        // Blocks sealed by the three authorities reach the explorer through snapshots, taken
        // while the tab is shown.
        window_->showPage(app::MainWindow::Page::Ledger);
        QTRY_VERIFY_WITH_TIMEOUT(window_->ledgerView()->blocksTable()->rowCount() >= 3, 20000);
        QVERIFY(window_->ledgerView()->summaryText().contains(QString::number(ledger.chainId())));
        QCOMPARE(window_->ledgerView()->authoritiesTable()->rowCount(), 3);
        // The wizard registers hubs on it: a registration through the window's registrar works.
        const auto result = ledger.registerHub("0x00000000000000000000000000000000000000b7", "a-0001", "ruche-1");
        QVERIFY2(result.ok, result.error.c_str());
        window_->attachLedger(nullptr);   // the window keeps no pointer past the service's life
        ledger.stop();
    }

    void aRucheOpensFromTheEssaim() {
        window_->showPage(app::MainWindow::Page::Essaim);
        window_->openRuche(1);
        QCOMPARE(window_->currentPage(), app::MainWindow::Page::Ruche);
        QCOMPARE(window_->currentRucheIndex(), 1);
    }

    void languageSwitchesAtRunTime() {
        const QString english = window_->windowTitle();
        QVERIFY(languages_->apply(QStringLiteral("fr")));
        // LanguageChange events are delivered through the event loop.
        QTRY_VERIFY(window_->windowTitle() != english);
        QCOMPARE(window_->findChild<QTabWidget*>(QStringLiteral("pages"))->tabText(4), QStringLiteral("Parc"));
        QVERIFY(languages_->apply(QStringLiteral("en")));
        QTRY_COMPARE(window_->windowTitle(), english);
        QVERIFY(!languages_->apply(QStringLiteral("xx")));
        // English plurals come from the English translation file: "40 alvéoles", not "alvéole(s)".
        window_->showPage(app::MainWindow::Page::Fleet);
        QTRY_VERIFY(!window_->findChildren<QLabel*>().isEmpty());
        bool counted = false;
        for (QLabel* label : window_->findChildren<QLabel*>()) {
            QVERIFY2(!label->text().contains(QStringLiteral("(s)")), qPrintable(label->text()));
            counted = counted || label->text().contains(QStringLiteral("40 alvéoles"));
        }
        QVERIFY(counted);
    }

    void eachPageRendersANonBlankPicture() {
        window_->resize(1400, 900);
        for (auto page : {app::MainWindow::Page::Essaim, app::MainWindow::Page::Ruche, app::MainWindow::Page::Plan,
                          app::MainWindow::Page::Charts, app::MainWindow::Page::Fleet}) {
            window_->showPage(page);
            QCoreApplication::processEvents();
            const QImage image = window_->grab().toImage();
            QSet<QRgb> colours;
            for (int y = 0; y < image.height(); y += 4)
                for (int x = 0; x < image.width(); x += 4)
                    colours.insert(image.pixel(x, y));
            QVERIFY2(colours.size() > 20, qPrintable(QStringLiteral("page %1 looks blank").arg(int(page))));
            QVERIFY(image.save(QStringLiteral("mainwindow-page%1.png").arg(int(page))));
        }
    }

    void layoutIsRestoredOnRestart() {
        window_->resize(1234, 777);
        window_->showPage(app::MainWindow::Page::Fleet);
        window_->close();   // saves geometry, toolbar state and the page
        app::MainWindow restarted(nullptr, reader_.get(), languages_.get());
        QCOMPARE(restarted.currentPage(), app::MainWindow::Page::Fleet);
        QCOMPARE(restarted.size(), QSize(1234, 777));
        window_->show();
    }

    void cleanupTestCase() {
        window_.reset();
        demo_.reset();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
