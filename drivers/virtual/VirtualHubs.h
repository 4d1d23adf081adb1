#pragma once
// Virtual hubs on pseudo-terminals, for the demo, tests and swarmergy-hubctl emulate:
//  - VirtualHubProcess starts the firmware's host build (firmware/port/host,
//    swarmergy-virtual-hub) and reads the pty path it prints first;
//  - PtyFakeHub serves drivers/mock's FakeHub on a pty inside this process, when the
//    firmware build is not available.
// Either way the console opens the pty path with SerialTransport, as it would a USB cable.

#include "drivers/mock/FakeHub.h"

#include <QObject>
#include <QProcess>
#include <QSocketNotifier>
#include <QString>
#include <QStringList>

#include <memory>

namespace swarmergy::drivers {

// Where swarmergy-virtual-hub is: $SWARMERGY_VIRTUAL_HUB, the build tree this program was
// built in, next to this program, or PATH. Empty when none.
QString findVirtualHubProgram();

class VirtualHubProcess final : public QObject {
    Q_OBJECT
public:
    explicit VirtualHubProcess(QObject* parent = nullptr);
    ~VirtualHubProcess() override;  // terminates the hub

    // Starts `program --state stateDir [--image factoryImage] [--baud baud]` and waits up to
    // timeoutMs for the pty path. Returns false with errorText() set on failure.
    bool start(const QString& program, const QString& stateDir, const QString& factoryImage = {},
               int baud = 0, int timeoutMs = 10000);
    void stop();
    QString ptyPath() const { return ptyPath_; }
    QString errorText() const { return errorText_; }
    QString log() const { return log_; }  // the hub's stderr so far
    qint64 processId() const { return process_.processId(); }

Q_SIGNALS:
    void exited(int exitCode);

private:
    QProcess process_;
    QString ptyPath_;
    QString errorText_;
    QString log_;
};

class PtyFakeHub final : public QObject {
    Q_OBJECT
public:
    explicit PtyFakeHub(FakeHubConfig config = {}, QObject* parent = nullptr);
    ~PtyFakeHub() override;

    // Opens the pty; false with errorText() on failure.
    bool start();
    QString ptyPath() const { return ptyPath_; }
    QString errorText() const { return errorText_; }
    FakeHub& hub() { return hub_; }

private:
    void onReadable();

    FakeHub hub_;
    int master_ = -1;
    int slave_ = -1;  // kept open so the pty survives clients closing it
    QString ptyPath_;
    QString errorText_;
    std::unique_ptr<QSocketNotifier> notifier_;
};

}  // namespace swarmergy::drivers
