#pragma once
// swarmergy-hubctl: commands over the hub link (drivers/). Each command returns the process
// exit code: 0 success, 1 failure (message on stderr), 2 bad usage.

#include <QStringList>

namespace swarmergy::hubctl {

// Options after the command name: "--port P", flags, positionals.
class Arguments {
public:
    explicit Arguments(QStringList args) : args_(std::move(args)) {}
    // The value after `name`, or `fallback`. Marks both as used.
    QString value(const QString& name, const QString& fallback = {});
    bool flag(const QString& name);
    // Arguments that are neither options nor option values, in order.
    QStringList positionals() const;
    // Unknown options left after the command read what it knows ("" when none).
    QString firstUnused() const;

private:
    QStringList args_;
    QList<int> used_;
};

int runEmulate(Arguments& args);
int runInfo(Arguments& args);
int runFlash(Arguments& args);
int runProvision(Arguments& args);
int runMonitor(Arguments& args);
int runImages(Arguments& args);

// "swarmergy-hubctl: <message>" on stderr; returns 1.
int failWith(const QString& message);
int usageError(const QString& message);

}  // namespace swarmergy::hubctl
