#include "app/MainWindow.h"

#include <QFutureWatcher>
#include <QtConcurrent>

#include "app/DemoService.h"
#include "app/LanguageSwitcher.h"
#include "app/LedgerService.h"
#include "app/LearningWiring.h"
#include "app/ProvisioningWiring.h"
#include "app/SettingsDialog.h"
#include "app/services/TelemetrySeries.h"
#include "widgets/charts/TimeSeriesChartView.h"
#include "widgets/fleet/FleetView.h"
#include "widgets/ledger/LedgerExplorerView.h"
#include "widgets/flow/EssaimView.h"
#include "widgets/flow/RucheView.h"
#include "widgets/market/MarketView.h"
#include "widgets/plan/PlanView.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimeZone>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace swarmergy::app {

using model::SimSpeed;

MainWindow::MainWindow(DemoService* demo, const TelemetrySeries* telemetry, LanguageSwitcher* languages,
                       QWidget* parent)
    : QMainWindow(parent), demo_(demo), telemetry_(telemetry), languages_(languages) {
    setObjectName(QStringLiteral("MainWindow"));
    createViews();
    createActions();
    createMenus();
    createToolBar();
    createStatusBar();
    retranslate();
    restoreLayout();
    if (demo_) {
        connect(demo_, &DemoService::snapshotReady, this, &MainWindow::showSnapshot);
        connect(demo_, &DemoService::planReady, planView_, &widgets::PlanView::setPlan);
        connect(demo_, &DemoService::marketReady, marketView_, &widgets::MarketView::setMarket);
        connect(demo_, &DemoService::speedChanged, this, &MainWindow::reflectSpeed);
        connect(demo_, &DemoService::failed, this, [this](const QString& message) {
            statusBar()->showMessage(tr("Simulation error: %1").arg(message));
        });
        reflectSpeed(demo_->speed());
    }
}

MainWindow::~MainWindow() {
    if (ledgerSnapshots_)
        ledgerSnapshots_->waitForFinished();   // it reads the ledger service
}

void MainWindow::createViews() {
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("pages"));
    tabs_->setDocumentMode(true);

    essaimView_ = new widgets::EssaimView(tabs_);
    connect(essaimView_, &widgets::EssaimView::rucheActivated, this, &MainWindow::openRuche);

    ruchePage_ = new QWidget(tabs_);
    auto* rucheLayout = new QVBoxLayout(ruchePage_);
    auto* chooser = new QHBoxLayout;
    rucheLabel_ = new QLabel(ruchePage_);
    rucheChoice_ = new QComboBox(ruchePage_);
    rucheChoice_->setObjectName(QStringLiteral("rucheChoice"));
    rucheChoice_->setMinimumContentsLength(16);
    rucheLabel_->setBuddy(rucheChoice_);
    chooser->addWidget(rucheLabel_);
    chooser->addWidget(rucheChoice_);
    chooser->addStretch();
    rucheView_ = new widgets::RucheView(ruchePage_);
    rucheLayout->addLayout(chooser);
    rucheLayout->addWidget(rucheView_, 1);
    connect(rucheChoice_, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            rucheView_->setRucheIndex(index);
        if (chartView_ && snapshot_ && index >= 0 && index < int(snapshot_->ruches.size()))
            chartView_->setSource(SeriesScope::Ruche, QString::fromStdString(snapshot_->ruches[index].id));
    });

    planView_ = new widgets::PlanView(tabs_);
    chartView_ = new widgets::TimeSeriesChartView(telemetry_, tabs_);
    fleetView_ = new widgets::FleetView(tabs_);
    marketView_ = new widgets::MarketView(tabs_);
    connect(fleetView_, &widgets::FleetView::alveoleActivated, this, [this](const QString& id) {
        chartView_->setSource(SeriesScope::Alveole, id);
        showPage(Page::Charts);
    });

    tabs_->addTab(essaimView_, QString());
    tabs_->addTab(ruchePage_, QString());
    tabs_->addTab(planView_, QString());
    tabs_->addTab(chartView_, QString());
    tabs_->addTab(fleetView_, QString());
    tabs_->addTab(marketView_, QString());
    setCentralWidget(tabs_);
}

void MainWindow::createActions() {
    auto makeSpeed = [this](SimSpeed speed, const QKeySequence& key) {
        auto* action = new QAction(this);
        action->setCheckable(true);
        action->setShortcut(key);
        action->setData(static_cast<int>(speed));
        speedGroup_->addAction(action);
        connect(action, &QAction::triggered, this, [this, speed] {
            if (demo_)
                demo_->setSpeed(speed);
        });
        return action;
    };
    speedGroup_ = new QActionGroup(this);
    pauseAction_ = makeSpeed(SimSpeed::Paused, QKeySequence(Qt::Key_Space));
    pauseAction_->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    realTimeAction_ = makeSpeed(SimSpeed::RealTime, QKeySequence(Qt::CTRL | Qt::Key_1));
    realTimeAction_->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    x60Action_ = makeSpeed(SimSpeed::X60, QKeySequence(Qt::CTRL | Qt::Key_2));
    x3600Action_ = makeSpeed(SimSpeed::X3600, QKeySequence(Qt::CTRL | Qt::Key_3));
    x3600Action_->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    maxAction_ = makeSpeed(SimSpeed::AsFastAsPossible, QKeySequence(Qt::CTRL | Qt::Key_4));
    maxAction_->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));

    stepAction_ = new QAction(this);
    stepAction_->setShortcut(QKeySequence(Qt::Key_N));
    stepAction_->setIcon(style()->standardIcon(QStyle::SP_ArrowRight));
    connect(stepAction_, &QAction::triggered, this, [this] {
        if (demo_)
            demo_->stepOnce();
    });

    islandAction_ = new QAction(this);
    islandAction_->setCheckable(true);
    islandAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    islandAction_->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    connect(islandAction_, &QAction::toggled, this, &MainWindow::toggleGrid);

    settingsAction_ = new QAction(this);
    settingsAction_->setShortcut(QKeySequence::Preferences);
    settingsAction_->setMenuRole(QAction::PreferencesRole);
    connect(settingsAction_, &QAction::triggered, this, &MainWindow::openSettings);

    quitAction_ = new QAction(this);
    quitAction_->setShortcut(QKeySequence::Quit);
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);

    aboutAction_ = new QAction(this);
    connect(aboutAction_, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus() {
    fileMenu_ = menuBar()->addMenu(QString());
    fileMenu_->addAction(settingsAction_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(quitAction_);
    simMenu_ = menuBar()->addMenu(QString());
    simMenu_->addActions(speedGroup_->actions());
    simMenu_->addAction(stepAction_);
    simMenu_->addSeparator();
    simMenu_->addAction(islandAction_);
    // Field technicians: flash and provision a Smart Hub, then register it on the ledger.
    provisioning_ = new ProvisioningWiring(this, [this] { return snapshot_; }, /*registrar*/ nullptr,
                                           demo_ != nullptr, this);
    hubsMenu_ = menuBar()->addMenu(QString());
    hubsMenu_->addAction(provisioning_->openAction());
    viewMenu_ = menuBar()->addMenu(QString());
    for (int i = 0; i < 5; ++i) {
        auto* action = viewMenu_->addAction(QString());
        action->setShortcut(QKeySequence(Qt::ALT | (Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] { tabs_->setCurrentIndex(i); });
    }
    helpMenu_ = menuBar()->addMenu(QString());
    helpMenu_->addAction(aboutAction_);
}

void MainWindow::createToolBar() {
    timeBar_ = addToolBar(QString());
    timeBar_->setObjectName(QStringLiteral("timeControls"));
    timeBar_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    timeBar_->addAction(pauseAction_);
    timeBar_->addAction(stepAction_);
    timeBar_->addSeparator();
    timeBar_->addAction(realTimeAction_);
    timeBar_->addAction(x60Action_);
    timeBar_->addAction(x3600Action_);
    timeBar_->addAction(maxAction_);
    timeBar_->addSeparator();
    timeBar_->addAction(islandAction_);
}

void MainWindow::createStatusBar() {
    simTimeLabel_ = new QLabel(this);
    simTimeLabel_->setObjectName(QStringLiteral("simTime"));
    speedLabel_ = new QLabel(this);
    speedLabel_->setObjectName(QStringLiteral("simSpeed"));
    gridLabel_ = new QLabel(this);
    gridLabel_->setObjectName(QStringLiteral("gridState"));
    statusBar()->addPermanentWidget(gridLabel_);
    statusBar()->addPermanentWidget(speedLabel_);
    statusBar()->addPermanentWidget(simTimeLabel_);
}

void MainWindow::retranslate() {
    setWindowTitle(tr("Swarmergy — operations console"));
    tabs_->setTabText(0, tr("Essaim"));
    tabs_->setTabToolTip(0, tr("The region: ruches, the lines between them, the national grid and the SeasonStore"));
    tabs_->setTabText(1, tr("Ruche"));
    tabs_->setTabToolTip(1, tr("One neighbourhood microgrid: its live flows and today's key figures"));
    tabs_->setTabText(2, tr("Plan"));
    tabs_->setTabToolTip(2, tr("SwarmBrain's dispatch plan against what happened, its savings and recommendations"));
    tabs_->setTabText(3, tr("Charts"));
    tabs_->setTabToolTip(3, tr("History of load, PV, exchange, state of charge and price"));
    tabs_->setTabText(4, tr("Fleet"));
    tabs_->setTabToolTip(4, tr("Every alvéole, sortable and filterable"));
    tabs_->setTabText(5, tr("Market"));
    tabs_->setTabToolTip(5, tr("Local prices, trades between neighbours, fair sharing of the savings, and their record on the ledger"));
    if (ledgerView_)
        tabs_->setTabText(tabs_->indexOf(ledgerView_), tr("Ledger"));
    rucheLabel_->setText(tr("&Ruche:"));

    pauseAction_->setText(tr("Pause"));
    pauseAction_->setToolTip(tr("Pause the simulation (Space)"));
    stepAction_->setText(tr("Step"));
    stepAction_->setToolTip(tr("Advance one 15-minute step (N)"));
    realTimeAction_->setText(tr("1×"));
    realTimeAction_->setToolTip(tr("Real time: one simulated second per second (Ctrl+1)"));
    x60Action_->setText(tr("60×"));
    x60Action_->setToolTip(tr("One simulated minute per second (Ctrl+2)"));
    x3600Action_->setText(tr("3600×"));
    x3600Action_->setToolTip(tr("One simulated hour per second (Ctrl+3)"));
    maxAction_->setText(tr("Max"));
    maxAction_->setToolTip(tr("As fast as the machine allows (Ctrl+4)"));
    islandAction_->setText(tr("Disconnect grid"));
    islandAction_->setToolTip(tr("Islanding drill: cut the national grid link of every ruche (Ctrl+I)"));
    settingsAction_->setText(tr("&Settings…"));
    quitAction_->setText(tr("&Quit"));
    aboutAction_->setText(tr("&About Swarmergy"));
    fileMenu_->setTitle(tr("&File"));
    simMenu_->setTitle(tr("&Simulation"));
    viewMenu_->setTitle(tr("&View"));
    const auto viewActions = viewMenu_->actions();
    for (int i = 0; i < viewActions.size(); ++i)
        viewActions[i]->setText(tabs_->tabText(i));
    hubsMenu_->setTitle(tr("H&ubs"));
    helpMenu_->setTitle(tr("&Help"));
    timeBar_->setWindowTitle(tr("Time controls"));
    reflectSpeed(demo_ ? demo_->speed() : SimSpeed::Paused);
    if (snapshot_)
        showSnapshot(snapshot_);
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::reflectSpeed(SimSpeed speed) {
    for (QAction* action : speedGroup_->actions()) {
        if (action->data().toInt() == static_cast<int>(speed))
            action->setChecked(true);
    }
    QString text;
    switch (speed) {
    case SimSpeed::Paused: text = tr("Paused"); break;
    case SimSpeed::RealTime: text = tr("Speed 1×"); break;
    case SimSpeed::X60: text = tr("Speed 60×"); break;
    case SimSpeed::X3600: text = tr("Speed 3600×"); break;
    case SimSpeed::AsFastAsPossible: text = tr("Speed max"); break;
    }
    speedLabel_->setText(text);
}

void MainWindow::showSnapshot(model::EssaimSnapshotPtr snapshot) {
    if (!snapshot)
        return;
    snapshot_ = snapshot;
    updateRucheChoices(*snapshot);
    essaimView_->setSnapshot(snapshot);
    rucheView_->setSnapshot(snapshot);
    fleetView_->setSnapshot(snapshot);
    const QDateTime simTime = QDateTime::fromSecsSinceEpoch(snapshot->simTimeUtc, QTimeZone::utc());
    simTimeLabel_->setText(tr("Sim time %1 UTC").arg(QLocale().toString(simTime, QStringLiteral("yyyy-MM-dd HH:mm"))));
    gridLabel_->setText(snapshot->gridConnected ? tr("Grid connected") : tr("ISLANDED"));
    gridLabel_->setStyleSheet(snapshot->gridConnected ? QString() : QStringLiteral("color: #c0392b; font-weight: bold"));
    // New history reaches the chart at most once per simulated hour, to keep queries rare.
    if (snapshot->stepIndex / 4 != lastChartRefreshStep_ / 4) {
        lastChartRefreshStep_ = snapshot->stepIndex;
        chartView_->refresh();
    }
}

void MainWindow::updateRucheChoices(const model::EssaimSnapshot& snapshot) {
    if (rucheChoice_->count() == int(snapshot.ruches.size()))
        return;
    const QSignalBlocker block(rucheChoice_);
    rucheChoice_->clear();
    for (const auto& ruche : snapshot.ruches)
        rucheChoice_->addItem(QString::fromStdString(ruche.id));
    rucheChoice_->setCurrentIndex(0);
    rucheView_->setRucheIndex(0);
    if (!snapshot.ruches.empty())
        chartView_->setSource(SeriesScope::Ruche, QString::fromStdString(snapshot.ruches.front().id));
}

void MainWindow::openRuche(int index) {
    if (index < 0 || index >= rucheChoice_->count())
        return;
    rucheChoice_->setCurrentIndex(index);
    showPage(Page::Ruche);
}

void MainWindow::showPage(Page page) { tabs_->setCurrentIndex(static_cast<int>(page)); }

MainWindow::Page MainWindow::currentPage() const { return static_cast<Page>(tabs_->currentIndex()); }

QWidget* MainWindow::pageWidget(Page page) const { return tabs_->widget(static_cast<int>(page)); }

void MainWindow::attachLedger(LedgerService* ledger) {
    if (ledgerSnapshots_)
        ledgerSnapshots_->waitForFinished();   // a snapshot in flight reads the old service
    ledger_ = ledger;
    if (!ledger_) {
        provisioning_->setRegistrar(nullptr);
        return;
    }
    if (ledgerView_) {   // a new service behind the same tab
        provisioning_->setRegistrar(ledger_);
        return;
    }
    provisioning_->setRegistrar(ledger_);
    ledgerView_ = new widgets::LedgerExplorerView(ledger_, tabs_);
    tabs_->addTab(ledgerView_, tr("Ledger"));
    QString tip = tr("SwarmLedger: blocks, transactions, NRG balances, authorities");
    if (!ledger_->rpcUrl().empty())
        tip += QStringLiteral("\n") + tr("Open JSON-RPC API: %1").arg(QString::fromStdString(ledger_->rpcUrl()));
    tabs_->setTabToolTip(tabs_->count() - 1, tip);
    // The explorer's snapshot reads the chain (milliseconds once the demo has recorded a few
    // thousand readings): built on a pool thread, twice a second while the tab is shown, never
    // two at once, so the GUI thread only paints it.
    ledgerSnapshots_ = new QFutureWatcher<LedgerSnapshotPtr>(this);
    connect(ledgerSnapshots_, &QFutureWatcherBase::finished, this, [this] {
        if (ledgerView_)
            ledgerView_->setSnapshot(ledgerSnapshots_->result());
    });
    auto* refresh = new QTimer(this);
    connect(refresh, &QTimer::timeout, this, [this] {
        if (!ledger_ || !ledger_->running() || ledgerSnapshots_->isRunning() || !ledgerView_->isVisible())
            return;
        LedgerService* ledger = ledger_;
        ledgerSnapshots_->setFuture(QtConcurrent::run([ledger] { return ledger->snapshot(); }));
    });
    refresh->start(500);
    ledgerView_->setSnapshot(ledger_->snapshot());
}

void MainWindow::addLearning(const QString& dataDirectory, int alveoles, int ruches, unsigned long long seed) {
    addLearningTabs(this, tabs_, dataDirectory, alveoles, ruches, seed);
}

void MainWindow::addLiveLearning(LiveLearning* learning) {
    addLiveLearningTabs(tabs_, learning);
    onLearningFailure(learning, this, [this](const QString& message) { statusBar()->showMessage(message, 10000); });
}

void MainWindow::reloadHistory() {
    const int index = rucheChoice_->currentIndex();
    if (snapshot_ && index >= 0 && index < int(snapshot_->ruches.size()))
        chartView_->setSource(SeriesScope::Ruche, QString::fromStdString(snapshot_->ruches[index].id));
}

int MainWindow::currentRucheIndex() const { return rucheChoice_->currentIndex(); }

void MainWindow::toggleGrid(bool disconnected) {
    if (disconnected) {
        const auto answer = QMessageBox::question(
            this, tr("Disconnect the national grid?"),
            tr("Every ruche loses its grid link. The essaim will run islanded on its own "
               "production and stores, shedding low-priority loads if needed."),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes) {
            const QSignalBlocker block(islandAction_);
            islandAction_->setChecked(false);
            return;
        }
    }
    islandAction_->setText(disconnected ? tr("Reconnect grid") : tr("Disconnect grid"));
    if (demo_)
        demo_->setGridConnected(!disconnected);
}

void MainWindow::openSettings() {
    SettingsDialog dialog(languages_, this);
    dialog.exec();
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Swarmergy"),
                       tr("<b>Swarmergy %1</b><p>Operations console of a cooperative energy network: "
                          "alvéoles, ruches and the essaim, simulated, optimised and accounted.</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::restoreLayout() {
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 900);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    tabs_->setCurrentIndex(settings.value(QStringLiteral("window/page"), 0).toInt());
}

void MainWindow::saveLayout() {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/page"), tabs_->currentIndex());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveLayout();
    if (provisioning_)
        provisioning_->setRegistrar(nullptr);
    event->accept();
}

}  // namespace swarmergy::app
