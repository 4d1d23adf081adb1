#pragma once
// Adds SwarmBrain's learning to the console: the Forecast tab (forecast against actual with the
// 10-90 % band, skill, train and cancel) and the Alarms tab (ISA-18.2 console), both fed by
// LearningService. Two ways:
// - the demo (addLearningTabs): a history generated in seconds, models loaded or trained, and
//   faults of every type planted on demo meters so the detectors have work;
// - live (makeLiveLearning + addLiveLearningTabs, issue 7): the service learns from the running
//   simulation, which hands it every step and takes its forecasts for the rolling plan through
//   the LiveLearning interface below, and retrains each simulated night.
// Built without libtorch, both add nothing and makeLiveLearning gives nullptr
// (LearningWiringNone.cpp): the console still runs, with the noisy forecast.

#include <cstdint>
#include <functional>
#include <memory>

#include "engine/planning/PlanForecast.h"

class QObject;
class QString;
class QTabWidget;
class QWidget;

namespace swarmergy::simulation {
struct Fleet;
class Simulator;
}  // namespace swarmergy::simulation

namespace swarmergy::app {

// What the simulation worker needs of SwarmBrain's learning. Every call is thread-safe and
// cheap enough for the simulation thread (see LearningService for the figures), and none
// throws: problems reach the operator through the service's failed() signal.
class LiveLearning {
public:
    virtual ~LiveLearning() = default;
    // Once, after the simulator is built (and caught up with its store), before any step is fed.
    virtual void startLive(const simulation::Fleet& fleet, std::int64_t firstStepUtc, int warmupDays) = 0;
    // After each Simulator::step().
    virtual void feedSimulatorStep(const simulation::Simulator& simulator) = 0;
    // For a plan starting at firstStepUtc (Simulator::timeUtc()); null: plan with the noisy forecast.
    virtual planning::RucheForecastsPtr forecastsFor(std::int64_t firstStepUtc, int steps) const = 0;
};

// Simulated days of history before the first live step, so models exist at once.
inline constexpr int kLiveWarmupDays = 56;

struct LearningTabs {
    QWidget* forecast = nullptr;
    QWidget* alarms = nullptr;
};

// Demo: creates the service (parented to `owner`) and the two tabs. dataDirectory: where models
// and the alarm journal live.
LearningTabs addLearningTabs(QWidget* owner, QTabWidget* tabs, const QString& dataDirectory, int alveoles,
                             int ruches, unsigned long long seed);

// Live: the service, owned by the caller, models and alarm journal under
// <dataDirectory>/swarmbrain. It must outlive the simulation worker and the tabs (create it
// before the DemoService and the MainWindow). nullptr without libtorch.
std::shared_ptr<LiveLearning> makeLiveLearning(const QString& dataDirectory);

// Live: the Forecast and Alarms tabs on that service (nothing for nullptr or without libtorch).
LearningTabs addLiveLearningTabs(QTabWidget* tabs, LiveLearning* learning);

// Live: `show` gets the service's failures (a feed that stopped, a failed warm-up, training or
// detector pass) in the GUI thread while `context` lives; e.g. the status bar.
void onLearningFailure(LiveLearning* learning, QObject* context, std::function<void(const QString&)> show);

}  // namespace swarmergy::app
