#pragma once
// Adds SwarmBrain's learning to the console: the Forecast tab (forecast against actual with the
// 10-90 % band, skill, train and cancel) and the Alarms tab (ISA-18.2 console), both fed by
// LearningService. In the demo it generates a history in seconds, loads or trains the models,
// and plants faults of every type on the demo meters so the detectors have work.
// Built without libtorch, it adds nothing (LearningWiringNone.cpp): the console still runs.

class QTabWidget;
class QWidget;

namespace swarmergy::app {

struct LearningTabs {
    QWidget* forecast = nullptr;
    QWidget* alarms = nullptr;
};

// Creates the service (parented to `owner`) and the two tabs. dataDirectory: where models and
// the alarm journal live.
LearningTabs addLearningTabs(QWidget* owner, QTabWidget* tabs, const QString& dataDirectory, int alveoles,
                             int ruches, unsigned long long seed);

}  // namespace swarmergy::app
