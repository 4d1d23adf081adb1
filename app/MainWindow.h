#pragma once
// The console's main window: the Essaim, Ruche, Charts and Fleet views in tabs, the
// simulation time controls in a toolbar, sim time and speed in the status bar.
// It only wires views to services; the views own their drawing, the services their work.

#include "app/services/LedgerSnapshot.h"
#include "engine/model/Snapshot.h"

#include <QMainWindow>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QTabWidget;
template <typename T> class QFutureWatcher;

namespace swarmergy::widgets {
class EssaimView;
class RucheView;
class TimeSeriesChartView;
class FleetView;
class PlanView;
class MarketView;
class LedgerExplorerView;
}

namespace swarmergy::app {

class DemoService;
class TelemetrySeries;
class LanguageSwitcher;
class ProvisioningWiring;
class LedgerService;
class LiveLearning;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(DemoService* demo, const TelemetrySeries* telemetry, LanguageSwitcher* languages,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    enum class Page { Essaim, Ruche, Plan, Charts, Fleet, Market, Ledger };
    void showPage(Page page);
    Page currentPage() const;
    QWidget* pageWidget(Page page) const;
    int currentRucheIndex() const;
    widgets::TimeSeriesChartView* chartView() const { return chartView_; }
    widgets::PlanView* planView() const { return planView_; }
    widgets::MarketView* marketView() const { return marketView_; }
    ProvisioningWiring* provisioning() const { return provisioning_; }
    // The embedded SwarmLedger: adds the Ledger tab, registers provisioned hubs on it.
    // The service must outlive the window.
    void attachLedger(LedgerService* ledger);
    widgets::LedgerExplorerView* ledgerView() const { return ledgerView_; }
    // SwarmBrain learning: the Forecast and Alarms tabs (nothing without libtorch).
    void addLearning(const QString& dataDirectory, int alveoles, int ruches, unsigned long long seed);
    // SwarmBrain learning from the running simulation (the service must outlive the window).
    void addLiveLearning(LiveLearning* learning);
    // Re-reads the chart's history now (not throttled), e.g. before a screenshot.
    void reloadHistory();

public Q_SLOTS:
    void showSnapshot(swarmergy::model::EssaimSnapshotPtr snapshot);
    void openRuche(int index);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void createViews();
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void retranslate();
    void reflectSpeed(model::SimSpeed speed);
    void updateRucheChoices(const model::EssaimSnapshot& snapshot);
    void toggleGrid(bool disconnected);
    void openSettings();
    void showAbout();
    void restoreLayout();
    void saveLayout();

    DemoService* demo_;
    const TelemetrySeries* telemetry_;
    LanguageSwitcher* languages_;
    model::EssaimSnapshotPtr snapshot_;

    QTabWidget* tabs_ = nullptr;
    widgets::EssaimView* essaimView_ = nullptr;
    widgets::RucheView* rucheView_ = nullptr;
    widgets::TimeSeriesChartView* chartView_ = nullptr;
    widgets::FleetView* fleetView_ = nullptr;
    widgets::PlanView* planView_ = nullptr;
    widgets::MarketView* marketView_ = nullptr;
    QComboBox* rucheChoice_ = nullptr;
    QWidget* ruchePage_ = nullptr;
    QLabel* rucheLabel_ = nullptr;

    QActionGroup* speedGroup_ = nullptr;
    QAction* pauseAction_ = nullptr;
    QAction* stepAction_ = nullptr;
    QAction* realTimeAction_ = nullptr;
    QAction* x60Action_ = nullptr;
    QAction* x3600Action_ = nullptr;
    QAction* maxAction_ = nullptr;
    QAction* islandAction_ = nullptr;
    QAction* settingsAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QMenu* fileMenu_ = nullptr;
    QMenu* simMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QToolBar* timeBar_ = nullptr;
    QLabel* simTimeLabel_ = nullptr;
    QLabel* speedLabel_ = nullptr;
    QLabel* gridLabel_ = nullptr;
    std::int64_t lastChartRefreshStep_ = -1;
    ProvisioningWiring* provisioning_ = nullptr;
    LedgerService* ledger_ = nullptr;
    widgets::LedgerExplorerView* ledgerView_ = nullptr;
    QFutureWatcher<LedgerSnapshotPtr>* ledgerSnapshots_ = nullptr;
    QMenu* hubsMenu_ = nullptr;
};

}  // namespace swarmergy::app
