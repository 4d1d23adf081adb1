#include <QString>

#include "app/LearningWiring.h"

#include "app/LearningService.h"
#include "widgets/alarms/AlarmView.h"
#include "widgets/forecast/ForecastView.h"

#include <QDir>
#include <QTabWidget>

namespace swarmergy::app {

namespace {

LearningTabs addTabs(QTabWidget* tabs, LearningService* service) {
    auto* forecastView = new widgets::ForecastView(service, tabs);
    auto* alarmView = new widgets::AlarmView(service, tabs);
    tabs->addTab(forecastView, QObject::tr("Forecast"));
    tabs->addTab(alarmView, QObject::tr("Alarms"));
    QObject::connect(service, &LearningService::forecastSnapshotChanged, forecastView, &widgets::ForecastView::setSnapshot);
    QObject::connect(service, &LearningService::trainingStarted, forecastView,
                     [forecastView] { forecastView->setTrainingProgress(true, 0); });
    QObject::connect(service, &LearningService::trainingProgress, forecastView,
                     [forecastView](double share) { forecastView->setTrainingProgress(true, share); });
    QObject::connect(service, &LearningService::trainingFinished, forecastView,
                     [forecastView](bool, const QString&) { forecastView->setTrainingProgress(false, 1); });
    QObject::connect(service, &LearningService::alarmSnapshotChanged, alarmView, &widgets::AlarmView::setSnapshot);
    return {forecastView, alarmView};
}

}  // namespace

LearningTabs addLearningTabs(QWidget* owner, QTabWidget* tabs, const QString& dataDirectory, int alveoles,
                             int ruches, unsigned long long seed) {
    LearningOptions options;
    options.dataDirectory = QDir(dataDirectory).filePath(QStringLiteral("swarmbrain"));
    auto* service = new LearningService(options, owner);
    const LearningTabs added = addTabs(tabs, service);
    // The demo: eight weeks of history to learn from, the last ten days as meter readings with
    // two faults of every type after the detectors' learning week; then models from disk or
    // trained now, and a first pass of the detectors.
    QObject::connect(service, &LearningService::demoReady, service, [service] {
        if (!service->loadModels().empty())   // a model missing or damaged: learn now
            service->trainNow();
        service->runAnomalyPass();
    });
    simulation::FleetOptions fleet;
    fleet.alveoles = alveoles;
    fleet.ruches = ruches;
    fleet.seed = seed;
    service->generateDemoWithFaults(fleet, 56, 10, 2);
    return added;
}

std::shared_ptr<LiveLearning> makeLiveLearning(const QString& dataDirectory) {
    LearningOptions options;
    options.dataDirectory = QDir(dataDirectory).filePath(QStringLiteral("swarmbrain"));
    // The simulated meters are healthy: plant faults in what SwarmBrain reads (never in the
    // simulation) so the Alarms tab shows detection working, with its ground truth.
    options.liveFaults.enabled = true;
    return std::make_shared<LearningService>(options);
}

LearningTabs addLiveLearningTabs(QTabWidget* tabs, LiveLearning* learning) {
    auto* service = dynamic_cast<LearningService*>(learning);
    if (!service)
        return {};
    const LearningTabs added = addTabs(tabs, service);
    // The views start from what the service holds (the warm-up may have published already).
    static_cast<widgets::ForecastView*>(added.forecast)->setSnapshot(service->forecastSnapshot());
    static_cast<widgets::AlarmView*>(added.alarms)->setSnapshot(service->alarmSnapshot());
    return added;
}

void onLearningFailure(LiveLearning* learning, QObject* context, std::function<void(const QString&)> show) {
    if (auto* service = dynamic_cast<LearningService*>(learning))
        QObject::connect(service, &LearningService::failed, context, std::move(show));
}

}  // namespace swarmergy::app
