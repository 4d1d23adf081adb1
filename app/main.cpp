// swarmergy: the operations console.
//   swarmergy --demo                      offline demo (simulated essaim, accelerated time)
//   swarmergy --demo --hours 24 --screenshot out.png
//                                         headless run: simulate 24 h as fast as possible,
//                                         print a summary, save a screenshot, quit
#include "app/ConsoleApp.h"

#include <QApplication>

int main(int argc, char* argv[]) {
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Swarmergy"));
    QApplication::setApplicationName(QStringLiteral("Swarmergy"));
    QApplication::setApplicationVersion(QStringLiteral(SWARMERGY_VERSION));
    return swarmergy::app::runConsole(application);
}
