#pragma once
// Command line, service wiring and the headless demo run of the console.

#include <QStringList>

class QApplication;

namespace swarmergy::app {

int runConsole(QApplication& application);

}  // namespace swarmergy::app
