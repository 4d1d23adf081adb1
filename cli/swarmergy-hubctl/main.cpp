// swarmergy-hubctl: flash, provision and watch Smart Hubs over a serial port (real or virtual).
#include "cli/swarmergy-hubctl/HubCtl.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

const char* kUsage =
    "usage: swarmergy-hubctl COMMAND [options]\n"
    "  emulate --host|--fake|--qemu --state DIR [--image FILE] [--baud N]\n"
    "                         start an emulated hub; prints its serial port path first\n"
    "  info --port P          identity, versions, slots, provisioning of the hub\n"
    "  flash IMAGE --port P [--no-compress] [--no-confirm]\n"
    "                         send a signed image, reboot into it and confirm it\n"
    "  provision --port P --ruche N --alveole N [--technician-key FILE]\n"
    "                         provision the hub; prints its address\n"
    "  monitor --port P [--period S] [--duration S]\n"
    "                         stream telemetry and readings, one line each\n"
    "  images [--dir DIR]     signed images the build produced, one per line: VERSION PATH\n"
    "Progress goes to stderr; the exit code is 0 on success, 1 on failure, 2 on bad usage.\n";

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") ||
        args.first() == QLatin1String("-h")) {
        std::fputs(kUsage, args.isEmpty() ? stderr : stdout);
        return args.isEmpty() ? 2 : 0;
    }
    const QString command = args.takeFirst();
    swarmergy::hubctl::Arguments arguments(args);
    using namespace swarmergy::hubctl;
    if (command == QLatin1String("emulate")) return runEmulate(arguments);
    if (command == QLatin1String("info")) return runInfo(arguments);
    if (command == QLatin1String("flash")) return runFlash(arguments);
    if (command == QLatin1String("provision")) return runProvision(arguments);
    if (command == QLatin1String("monitor")) return runMonitor(arguments);
    if (command == QLatin1String("images")) return runImages(arguments);
    std::fputs(kUsage, stderr);
    return usageError(QStringLiteral("unknown command '%1'").arg(command));
}
