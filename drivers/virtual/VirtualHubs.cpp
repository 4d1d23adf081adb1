#include "drivers/virtual/VirtualHubs.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

namespace swarmergy::drivers {

QString findVirtualHubProgram()
{
    const QString name = QStringLiteral("swarmergy-virtual-hub");
    QStringList candidates;
    const QString fromEnv = qEnvironmentVariable("SWARMERGY_VIRTUAL_HUB");
    if (!fromEnv.isEmpty()) {
        candidates << fromEnv;
    }
#ifdef SWARMERGY_BUILD_DIR
    candidates << QStringLiteral(SWARMERGY_BUILD_DIR "/firmware/port/host/") + name;
#endif
    if (QCoreApplication::instance()) {
        candidates << QCoreApplication::applicationDirPath() + QLatin1Char('/') + name;
    }
    for (const QString& c : candidates) {
        if (QFileInfo(c).isExecutable()) {
            return QFileInfo(c).absoluteFilePath();
        }
    }
    return QStandardPaths::findExecutable(name);
}

// ---- VirtualHubProcess ----

VirtualHubProcess::VirtualHubProcess(QObject* parent) : QObject(parent)
{
    connect(&process_, &QProcess::readyReadStandardError, this,
            [this] { log_ += QString::fromLocal8Bit(process_.readAllStandardError()); });
    connect(&process_, &QProcess::finished, this,
            [this](int exitCode, QProcess::ExitStatus) { Q_EMIT exited(exitCode); });
}

VirtualHubProcess::~VirtualHubProcess() { stop(); }

bool VirtualHubProcess::start(const QString& program, const QString& stateDir,
                              const QString& factoryImage, int baud, int timeoutMs)
{
    QStringList args{QStringLiteral("--state"), stateDir};
    if (!factoryImage.isEmpty()) {
        args << QStringLiteral("--image") << factoryImage;
    }
    if (baud > 0) {
        args << QStringLiteral("--baud") << QString::number(baud);
    }
    process_.start(program, args);
    if (!process_.waitForStarted(timeoutMs)) {
        errorText_ = tr("cannot start %1: %2").arg(program, process_.errorString());
        return false;
    }
    // The first stdout line is the pty path (firmware/port/host/swh_virtual_hub.c).
    const QDeadlineTimer deadline(timeoutMs);
    while (!process_.canReadLine() && process_.state() == QProcess::Running &&
           !deadline.hasExpired()) {
        process_.waitForReadyRead(static_cast<int>(std::max<qint64>(1, deadline.remainingTime())));
    }
    if (!process_.canReadLine()) {
        process_.waitForFinished(500);
        log_ += QString::fromLocal8Bit(process_.readAllStandardError());
        errorText_ = tr("%1 did not print its port: %2").arg(program, log_.trimmed());
        stop();
        return false;
    }
    ptyPath_ = QString::fromLocal8Bit(process_.readLine()).trimmed();
    return true;
}

void VirtualHubProcess::stop()
{
    if (process_.state() == QProcess::NotRunning) {
        return;
    }
    process_.terminate();  // SIGTERM: the hub leaves its flash file consistent
    if (!process_.waitForFinished(3000)) {
        process_.kill();
        process_.waitForFinished(1000);
    }
}

// ---- PtyFakeHub ----

PtyFakeHub::PtyFakeHub(FakeHubConfig config, QObject* parent)
    : QObject(parent), hub_(std::move(config))
{
}

PtyFakeHub::~PtyFakeHub()
{
    notifier_.reset();
    if (slave_ >= 0) {
        ::close(slave_);
    }
    if (master_ >= 0) {
        ::close(master_);
    }
}

bool PtyFakeHub::start()
{
    char name[256] = {};
    if (openpty(&master_, &slave_, name, nullptr, nullptr) != 0) {
        errorText_ = tr("openpty failed: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    termios tio{};
    tcgetattr(slave_, &tio);
    cfmakeraw(&tio);
    tcsetattr(slave_, TCSANOW, &tio);
    fcntl(master_, F_SETFL, fcntl(master_, F_GETFL) | O_NONBLOCK);
    ptyPath_ = QString::fromLocal8Bit(name);
    notifier_ = std::make_unique<QSocketNotifier>(master_, QSocketNotifier::Read);
    connect(notifier_.get(), &QSocketNotifier::activated, this, &PtyFakeHub::onReadable);
    return true;
}

void PtyFakeHub::onReadable()
{
    char buffer[4096];
    const ssize_t n = ::read(master_, buffer, sizeof buffer);
    if (n <= 0) {
        return;
    }
    const QByteArray answer = hub_.receive(QByteArray(buffer, static_cast<qsizetype>(n)));
    qsizetype done = 0;
    while (done < answer.size()) {
        const ssize_t w = ::write(master_, answer.constData() + done,
                                  static_cast<size_t>(answer.size() - done));
        if (w <= 0) {
            break;  // nobody reads: the bytes are lost, as on a cable with no one listening
        }
        done += w;
    }
}

}  // namespace swarmergy::drivers
