#include "cli/swarmergy-hubctl/HubCtl.h"

#include "drivers/flash/FirmwareImage.h"
#include "drivers/flash/FlashSession.h"
#include "drivers/provision/ProvisioningClient.h"
#include "drivers/serial/HubIdentity.h"
#include "drivers/serial/HubLink.h"
#include "drivers/serial/SerialTransport.h"
#include "drivers/virtual/VirtualHubs.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace swarmergy::hubctl {

using namespace swarmergy::drivers;

namespace {

volatile std::sig_atomic_t g_stop = 0;

void onStopSignal(int) { g_stop = 1; }

void printOut(const QString& line) { std::fprintf(stdout, "%s\n", qPrintable(line)); std::fflush(stdout); }
void printErr(const QString& line) { std::fprintf(stderr, "%s\n", qPrintable(line)); }

QString humanBytes(double bytes)
{
    return bytes >= 1024.0 ? QStringLiteral("%1 KiB").arg(bytes / 1024.0, 0, 'f', 1)
                           : QStringLiteral("%1 B").arg(bytes, 0, 'f', 0);
}

// An open link to the hub at --port.
struct Connection {
    explicit Connection(const QString& port) : transport({port, 115200}), link(&transport) {}
    SerialTransport transport;
    HubLink link;

    // Opens the port, waiting up to timeoutMs; false with *error.
    bool open(QString* error, int timeoutMs = 5000)
    {
        QEventLoop loop;
        bool ok = false;
        QObject::connect(&transport, &HubTransport::opened, &loop, [&] { ok = true; loop.quit(); });
        QObject::connect(&transport, &HubTransport::openFailed, &loop, [&](const QString& why) {
            *error = why;
            loop.quit();
        });
        QTimer::singleShot(timeoutMs, &loop, [&] {
            *error = QStringLiteral("timed out opening the port");
            loop.quit();
        });
        transport.open();
        loop.exec();
        return ok;
    }
};

// Reads --port and opens it; on failure prints why and returns nullptr.
std::unique_ptr<Connection> connectTo(Arguments& args, int* exitCode)
{
    QString port = args.value(QStringLiteral("--port"));
    if (QFileInfo(port).isRelative() && QFileInfo::exists(port)) {
        port = QFileInfo(port).absoluteFilePath();  // QSerialPort reads "tty" as /dev/tty
    }
    if (port.isEmpty()) {
        *exitCode = usageError(QStringLiteral("--port P is required (the hub's serial port, "
                                              "e.g. /dev/ttyUSB0 or the path emulate printed)"));
        return nullptr;
    }
    auto connection = std::make_unique<Connection>(port);
    QString error;
    if (!connection->open(&error)) {
        *exitCode = failWith(QStringLiteral("cannot open %1: %2").arg(port, error));
        return nullptr;
    }
    return connection;
}

QString capabilityNames(quint32 caps)
{
    static const std::pair<quint32, const char*> names[] = {
        {SWP_CAP_FLASH, "flash"},         {SWP_CAP_PROVISION, "provision"},
        {SWP_CAP_CONFIG, "config"},       {SWP_CAP_TELEMETRY, "telemetry"},
        {SWP_CAP_SENSOR_FEED, "sensor-feed"}, {SWP_CAP_ZCL, "zcl"},
        {SWP_CAP_LORAWAN, "lorawan"},     {SWP_CAP_FLASH_RLE, "flash-rle"}};
    QStringList out;
    for (const auto& [bit, name] : names) {
        if (caps & bit) {
            out << QString::fromLatin1(name);
        }
    }
    return out.join(QLatin1Char(','));
}

bool readIdentity(HubLink& link, HubIdentity* identity, QString* error)
{
    QEventLoop loop;
    readHubIdentity(&link, [&](const QString& why, const HubIdentity& id) {
        *error = why;
        *identity = id;
        loop.quit();
    });
    loop.exec();
    return error->isEmpty();
}

QString defaultImageRoot()
{
    const QString fromEnv = qEnvironmentVariable("SWARMERGY_IMAGE_DIR");
    if (!fromEnv.isEmpty()) {
        return fromEnv;
    }
    return QStringLiteral(SWARMERGY_BUILD_DIR "/firmware");
}

QList<FirmwareImage> findImages(const QString& root)
{
    QList<FirmwareImage> images;
    QDirIterator it(root, {QStringLiteral("*.swfw")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QString error;
        if (auto image = loadFirmwareImage(it.next(), &error)) {
            image->bytes.clear();  // listing only
            images.append(*image);
        }
    }
    std::sort(images.begin(), images.end(), [](const FirmwareImage& a, const FirmwareImage& b) {
        return a.version != b.version ? a.version < b.version : a.path < b.path;
    });
    return images;
}

}  // namespace

// ---- Arguments ----

QString Arguments::value(const QString& name, const QString& fallback)
{
    const int i = static_cast<int>(args_.indexOf(name));
    if (i < 0 || i + 1 >= args_.size()) {
        return fallback;
    }
    used_ << i << i + 1;
    return args_.at(i + 1);
}

bool Arguments::flag(const QString& name)
{
    const int i = static_cast<int>(args_.indexOf(name));
    if (i >= 0) {
        used_ << i;
    }
    return i >= 0;
}

QStringList Arguments::positionals() const
{
    QStringList out;
    for (int i = 0; i < args_.size(); ++i) {
        if (!used_.contains(i) && !args_.at(i).startsWith(QLatin1String("--"))) {
            out << args_.at(i);
        }
    }
    return out;
}

QString Arguments::firstUnused() const
{
    for (int i = 0; i < args_.size(); ++i) {
        if (!used_.contains(i) && args_.at(i).startsWith(QLatin1String("--"))) {
            return args_.at(i);
        }
    }
    return {};
}

int failWith(const QString& message)
{
    printErr(QStringLiteral("swarmergy-hubctl: ") + message);
    return 1;
}

int usageError(const QString& message)
{
    printErr(QStringLiteral("swarmergy-hubctl: ") + message);
    return 2;
}

// ---- images ----

int runImages(Arguments& args)
{
    const QString root = args.value(QStringLiteral("--dir"), defaultImageRoot());
    if (!QFileInfo(root).isDir()) {
        return failWith(QStringLiteral("no image directory %1 (build the firmware, or give "
                                       "--dir / SWARMERGY_IMAGE_DIR)").arg(root));
    }
    const QList<FirmwareImage> images = findImages(root);
    if (images.isEmpty()) {
        return failWith(QStringLiteral("no signed image (*.swfw) under %1").arg(root));
    }
    for (const FirmwareImage& image : images) {
        printOut(QStringLiteral("%1 %2").arg(image.versionText(), image.path));
    }
    return 0;
}

// ---- emulate ----

namespace {

QString buildTool(const char* envName, const QString& relative)
{
    const QString fromEnv = qEnvironmentVariable(envName);
    return fromEnv.isEmpty() ? QStringLiteral(SWARMERGY_BUILD_DIR "/") + relative : fromEnv;
}

bool waitForFile(const QString& path, QProcess& owner, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!QFileInfo::exists(path) && clock.elapsed() < timeoutMs &&
           owner.state() != QProcess::NotRunning) {
        owner.waitForFinished(20);  // waits at most 20 ms while the child makes the file
    }
    return QFileInfo::exists(path);
}

// QEMU mps2-an386 with the bootloader and file-backed flash in DIR, its UART0 on a pty made
// by socat (firmware/port/m4/README.md): QEMU waits on a unix socket, socat links it to
// DIR/tty. Serves until SIGTERM/SIGINT or until QEMU exits.
int runQemu(const QString& state, QString image)
{
    if (state.isEmpty()) {
        return usageError(QStringLiteral("emulate --qemu needs --state DIR (flash.bin and the "
                                         "tty live there)"));
    }
    const QString bootloader = buildTool("SWARMERGY_BOOTLOADER",
                                         QStringLiteral("firmware/m4/swarmergy-bootloader.elf"));
    const QString fwTool = buildTool("SWARMERGY_FW_TOOL", QStringLiteral("firmware/tools/swarmergy-fw-tool"));
    for (const QString& program : {QStringLiteral("qemu-system-arm"), QStringLiteral("socat")}) {
        if (QStandardPaths::findExecutable(program).isEmpty()) {
            return failWith(QStringLiteral("%1 not found (scripts/setup installs it)").arg(program));
        }
    }
    if (!QFileInfo::exists(bootloader)) {
        return failWith(QStringLiteral("no bootloader at %1: build the firmware with "
                                       "arm-none-eabi-gcc, or set SWARMERGY_BOOTLOADER").arg(bootloader));
    }
    QDir().mkpath(state);
    const QString dir = QFileInfo(state).absoluteFilePath();
    const QString flash = dir + QStringLiteral("/flash.bin");
    if (!QFileInfo::exists(flash)) {
        if (image.isEmpty()) {
            const QList<FirmwareImage> images = findImages(defaultImageRoot());
            if (images.isEmpty()) {
                return failWith(QStringLiteral("a fresh hub needs a factory image: give --image FILE"));
            }
            image = images.first().path;
        }
        QProcess mkflash;
        mkflash.start(fwTool, {QStringLiteral("mkflash"), flash, image, QStringLiteral("16777216")});
        if (!mkflash.waitForFinished(30000) || mkflash.exitCode() != 0) {
            return failWith(QStringLiteral("cannot make %1 from %2: %3")
                                .arg(flash, image, QString::fromLocal8Bit(mkflash.readAllStandardError()).trimmed()));
        }
    }
    const QString socket = dir + QStringLiteral("/uart.sock");
    const QString tty = dir + QStringLiteral("/tty");
    QFile::remove(socket);
    QFile::remove(tty);
    QProcess qemuProcess;
    qemuProcess.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    qemuProcess.start(QStringLiteral("qemu-system-arm"),
                      {QStringLiteral("-M"), QStringLiteral("mps2-an386"), QStringLiteral("-display"),
                       QStringLiteral("none"), QStringLiteral("-monitor"), QStringLiteral("none"),
                       QStringLiteral("-kernel"), bootloader, QStringLiteral("-object"),
                       QStringLiteral("memory-backend-file,id=m,size=16M,mem-path=%1,share=on").arg(flash),
                       QStringLiteral("-machine"), QStringLiteral("memory-backend=m"),
                       QStringLiteral("-serial"), QStringLiteral("unix:%1,server=on,wait=on").arg(socket)});
    if (!waitForFile(socket, qemuProcess, 5000)) {
        return failWith(QStringLiteral("QEMU did not open its UART socket %1").arg(socket));
    }
    QProcess socat;
    socat.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    socat.start(QStringLiteral("socat"), {QStringLiteral("PTY,link=%1,raw,echo=0").arg(tty),
                                          QStringLiteral("UNIX-CONNECT:%1").arg(socket)});
    if (!waitForFile(tty, socat, 5000)) {
        qemuProcess.kill();
        return failWith(QStringLiteral("socat did not make the pty %1").arg(tty));
    }
    printOut(tty);
    std::signal(SIGTERM, onStopSignal);
    std::signal(SIGINT, onStopSignal);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (g_stop || qemuProcess.state() == QProcess::NotRunning ||
            socat.state() == QProcess::NotRunning) {
            QCoreApplication::quit();
        }
    });
    poll.start(100);
    QCoreApplication::exec();
    const bool qemuDied = qemuProcess.state() == QProcess::NotRunning && !g_stop;
    for (QProcess* p : {&socat, &qemuProcess}) {
        p->terminate();
        if (!p->waitForFinished(2000)) {
            p->kill();
            p->waitForFinished(1000);
        }
    }
    return qemuDied ? failWith(QStringLiteral("QEMU exited (code %1)").arg(qemuProcess.exitCode())) : 0;
}

}  // namespace


int runEmulate(Arguments& args)
{
    const bool host = args.flag(QStringLiteral("--host"));
    const bool fake = args.flag(QStringLiteral("--fake"));
    const bool qemu = args.flag(QStringLiteral("--qemu"));
    const QString state = args.value(QStringLiteral("--state"));
    QString image = args.value(QStringLiteral("--image"));
    const QString baud = args.value(QStringLiteral("--baud"));
    if (int(host) + int(fake) + int(qemu) != 1) {
        return usageError(QStringLiteral("emulate needs exactly one of --host, --fake, --qemu"));
    }
    if (qemu) {
        return runQemu(state, image);
    }
    if (fake) {
        PtyFakeHub hub;
        if (!hub.start()) {
            return failWith(hub.errorText());
        }
        printOut(hub.ptyPath());
        std::signal(SIGTERM, onStopSignal);
        std::signal(SIGINT, onStopSignal);
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, [] {
            if (g_stop) {
                QCoreApplication::quit();
            }
        });
        poll.start(100);
        return QCoreApplication::exec();
    }
    if (state.isEmpty()) {
        return usageError(QStringLiteral("emulate --host needs --state DIR (the hub's flash "
                                         "file lives there)"));
    }
    const QString program = findVirtualHubProgram();
    if (program.isEmpty()) {
        return failWith(QStringLiteral("swarmergy-virtual-hub not found: build the firmware "
                                       "target or set SWARMERGY_VIRTUAL_HUB"));
    }
    if (image.isEmpty() && !QFileInfo::exists(state + QStringLiteral("/flash.bin"))) {
        // A fresh hub needs a factory image: the oldest the build produced, so that the
        // newer ones can be flashed as upgrades.
        const QList<FirmwareImage> images = findImages(defaultImageRoot());
        if (!images.isEmpty()) {
            image = images.first().path;
        }
    }
    // The hub prints its pty path first and serves until killed: become it.
    QList<QByteArray> argv{program.toLocal8Bit(), "--state", state.toLocal8Bit()};
    if (!image.isEmpty()) {
        argv << "--image" << image.toLocal8Bit();
    }
    if (!baud.isEmpty()) {
        argv << "--baud" << baud.toLocal8Bit();
    }
    std::vector<char*> raw;
    for (QByteArray& a : argv) {
        raw.push_back(a.data());
    }
    raw.push_back(nullptr);
    std::fflush(stdout);
    ::execv(raw.front(), raw.data());
    return failWith(QStringLiteral("cannot run %1").arg(program));
}

// ---- info ----

int runInfo(Arguments& args)
{
    int code = 0;
    auto connection = connectTo(args, &code);
    if (!connection) {
        return code;
    }
    HubIdentity id;
    QString error;
    if (!readIdentity(connection->link, &id, &error)) {
        return failWith(QStringLiteral("no answer from the hub on %1: %2")
                            .arg(connection->transport.endpointName(), error));
    }
    printOut(QStringLiteral("model        %1").arg(id.model));
    printOut(QStringLiteral("serial       %1").arg(id.serialHex()));
    printOut(QStringLiteral("firmware     %1 (slot %2, %3)")
                 .arg(formatFirmwareVersion(id.firmwareVersion))
                 .arg(QLatin1Char(id.activeSlot == 0 ? 'A' : 'B'))
                 .arg(id.testBoot ? QStringLiteral("test boot, not confirmed")
                                  : QStringLiteral("confirmed")));
    printOut(QStringLiteral("bootloader   %1").arg(formatFirmwareVersion(id.bootloaderVersion)));
    printOut(QStringLiteral("floor        %1").arg(formatFirmwareVersion(id.versionFloor)));
    printOut(QStringLiteral("provisioned  %1").arg(
        id.provisioned ? QStringLiteral("yes (ruche %1, alveole %2)").arg(id.rucheId).arg(id.alveoleId)
                       : QStringLiteral("no")));
    printOut(QStringLiteral("address      %1").arg(id.provisioned ? id.addressText() : QStringLiteral("-")));
    printOut(QStringLiteral("uptime       %1 s").arg(id.uptimeS));
    printOut(QStringLiteral("capabilities %1").arg(capabilityNames(id.capabilities)));
    return 0;
}

// ---- flash ----

int runFlash(Arguments& args)
{
    const bool noCompress = args.flag(QStringLiteral("--no-compress"));
    const bool noConfirm = args.flag(QStringLiteral("--no-confirm"));
    const QString port = args.value(QStringLiteral("--port"));
    const QStringList files = args.positionals();
    if (files.size() != 1) {
        return usageError(QStringLiteral("flash needs one IMAGE file"));
    }
    QString error;
    const auto image = loadFirmwareImage(files.first(), &error);
    if (!image) {
        return failWith(error);
    }
    Arguments portOnly(QStringList{QStringLiteral("--port"), port});
    int code = 0;
    auto connection = port.isEmpty() ? connectTo(args, &code) : connectTo(portOnly, &code);
    if (!connection) {
        return code;
    }
    FlashOptions options;
    options.allowCompression = !noCompress;
    options.rebootAndConfirm = !noConfirm;
    options.resumeWaitMs = 30000;
    FlashSession session(&connection->link, options);
    const bool tty = ::isatty(STDERR_FILENO);
    int lastDecile = -1;
    QObject::connect(&session, &FlashSession::stateChanged, [&](FlashState state) {
        if (tty) {
            std::fputs("\n", stderr);
        }
        printErr(QStringLiteral("flash: %1").arg(flashStateName(state)));
    });
    QObject::connect(&session, &FlashSession::progressChanged, [&](const FlashProgress& p) {
        const QString line =
            QStringLiteral("flash: %1 % %2 / %3, %4/s, %5 s left")
                .arg(p.percent(), 3)
                .arg(humanBytes(p.bytesDone), humanBytes(p.bytesTotal), humanBytes(p.bytesPerSecond))
                .arg(p.secondsLeft < 0 ? QStringLiteral("?") : QString::number(p.secondsLeft, 'f', 0));
        if (tty) {
            std::fprintf(stderr, "\r%s   ", qPrintable(line));
        } else if (p.percent() / 10 != lastDecile) {
            lastDecile = p.percent() / 10;
            printErr(line);
        }
    });
    QObject::connect(&session, &FlashSession::waitingForReconnect, [](int percent, const QString& why) {
        printErr(QStringLiteral("flash: unplugged at %1 % (%2): reconnect to resume").arg(percent).arg(why));
    });
    QEventLoop loop;
    QString message;
    QObject::connect(&session, &FlashSession::finished, &loop, [&](FlashState, const QString& text) {
        message = text;
        loop.quit();
    });
    printErr(QStringLiteral("flash: %1 (%2, %3 bytes) to %4")
                 .arg(image->path, image->versionText())
                 .arg(image->bytes.size())
                 .arg(connection->transport.endpointName()));
    session.start(*image);
    loop.exec();
    if (session.state() != FlashState::Done) {
        return failWith(message);
    }
    const auto& stats = connection->link.stats();
    printErr(QStringLiteral("flash: %1 (%2 resume(s), %3 retransmission(s), %4)")
                 .arg(message)
                 .arg(session.resumeCount())
                 .arg(stats.retransmissions)
                 .arg(session.compressed() ? QStringLiteral("RLE") : QStringLiteral("raw")));
    return 0;
}

// ---- provision ----

int runProvision(Arguments& args)
{
    bool okRuche = false;
    bool okAlveole = false;
    const quint32 ruche = args.value(QStringLiteral("--ruche")).toUInt(&okRuche);
    const quint32 alveole = args.value(QStringLiteral("--alveole")).toUInt(&okAlveole);
    QString keyPath = args.value(QStringLiteral("--technician-key"),
                                 qEnvironmentVariable("SWARMERGY_TECHNICIAN_KEY"));
    if (keyPath.isEmpty()) {
        keyPath = QStringLiteral(SWARMERGY_SOURCE_DIR "/resources/keys/technician-demo.key");
    }
    if (!okRuche || !okAlveole) {
        return usageError(QStringLiteral("provision needs --ruche N and --alveole N (numbers)"));
    }
    // The ledger the hub signs its readings for (protocol 1.1); default: the demo ledger.
    bool okChain = false;
    const QString chainText = args.value(QStringLiteral("--chain-id"), QString::number(kDemoLedgerChainId));
    const quint64 chainId = chainText.toULongLong(&okChain);
    if (!okChain || chainId == 0) {
        return usageError(QStringLiteral("--chain-id '%1': expected a chain id above 0").arg(chainText));
    }
    const QString tokenText = args.value(QStringLiteral("--nrg-token"),
                                         QStringLiteral("0x0000000000000000000000000000000000001001"));
    const auto nrgToken = parseAddress(tokenText);
    if (!nrgToken) {
        return usageError(QStringLiteral("--nrg-token '%1': expected an address, 0x and 40 hex digits").arg(tokenText));
    }
    QString error;
    const auto key = loadTechnicianKey(keyPath, &error);
    if (!key) {
        return failWith(error);
    }
    int code = 0;
    auto connection = connectTo(args, &code);
    if (!connection) {
        return code;
    }
    ProvisioningRequest request;
    request.rucheId = ruche;
    request.alveoleId = alveole;
    request.technicianKey = *key;
    request.chainId = chainId;
    request.nrgToken = *nrgToken;
    request.generateNetworkKeys();
    ProvisioningClient client(&connection->link);
    QEventLoop loop;
    ProvisioningResult result;
    QObject::connect(&client, &ProvisioningClient::finished, &loop,
                     [&](const ProvisioningResult& r) {
                         result = r;
                         loop.quit();
                     });
    printErr(QStringLiteral("provision: ruche %1, alveole %2 on %3")
                 .arg(ruche).arg(alveole).arg(connection->transport.endpointName()));
    client.provision(request);
    loop.exec();
    if (!result.ok) {
        return failWith(result.errorText);
    }
    printOut(QStringLiteral("address %1").arg(result.addressText()));
    printOut(QStringLiteral("public-key %1").arg(QString::fromLatin1(result.publicKey.toHex())));
    printOut(QStringLiteral("devaddr %1").arg(request.devAddr, 8, 16, QLatin1Char('0')));
    printOut(QStringLiteral("nwkskey %1").arg(QString::fromLatin1(request.nwkSKey.toHex())));
    printOut(QStringLiteral("appskey %1").arg(QString::fromLatin1(request.appSKey.toHex())));
    if (result.ledgerDomainSet) {
        printOut(QStringLiteral("chain-id %1").arg(chainId));
        printOut(QStringLiteral("nrg-token %1").arg(checksumAddress(*nrgToken)));
    } else {
        printErr(QStringLiteral("provision: this hub predates protocol 1.1: its readings are not "
                                "signed in the ledger's format; flash a newer image"));
    }
    return 0;
}

// ---- monitor ----

namespace {

QString describeUnsolicited(quint8 type, const QByteArray& payload)
{
    swp_message m{};
    if (swp_message_decode(type, reinterpret_cast<const uint8_t*>(payload.constData()),
                           static_cast<size_t>(payload.size()), &m) != SWP_OK) {
        return QStringLiteral("%1 (malformed, %2 bytes)")
            .arg(QString::fromLatin1(swp_message_name(type))).arg(payload.size());
    }
    if (type == SWP_MSG_TELEMETRY) {
        const swp_telemetry& t = m.body.telemetry;
        return QStringLiteral("telemetry t=%1 grid=%2W pv=%3W battery=%4W load=%5W soc=%6% mode=%7 grid_ok=%8")
            .arg(t.timestampS).arg(t.gridW).arg(t.pvW).arg(t.batteryW).arg(t.loadW)
            .arg(t.socPermille / 10.0, 0, 'f', 1).arg(t.mode).arg(t.gridOk);
    }
    if (type == SWP_MSG_READING) {
        const swp_reading& r = m.body.reading;
        return QStringLiteral("reading start=%1 period=%2s import=%3Wh export=%4Wh pv=%5Wh")
            .arg(r.periodStartS).arg(r.periodS).arg(r.importWh).arg(r.exportWh).arg(r.pvWh);
    }
    return QStringLiteral("%1 %2 bytes").arg(QString::fromLatin1(swp_message_name(type))).arg(payload.size());
}

bool setTelemetryPeriod(HubLink& link, quint16 periodS, QString* error)
{
    swp_message m{};
    m.type = SWP_MSG_TELEMETRY_CONTROL;
    m.body.telemetryControl.periodS = periodS;
    QEventLoop loop;
    link.request(m, [&](const LinkReply& reply) {
        if (!reply.ok()) {
            *error = reply.errorText;
        } else if (reply.hubStatus() != SWP_OK) {
            *error = QString::fromLatin1(swp_status_text(reply.hubStatus()));
        }
        loop.quit();
    });
    loop.exec();
    return error->isEmpty();
}

}  // namespace

int runMonitor(Arguments& args)
{
    const int periodS = args.value(QStringLiteral("--period"), QStringLiteral("1")).toInt();
    const int durationS = args.value(QStringLiteral("--duration"), QStringLiteral("0")).toInt();
    if (periodS <= 0 || periodS > 65535 || durationS < 0) {
        return usageError(QStringLiteral("--period must be 1..65535 s and --duration >= 0 s"));
    }
    int code = 0;
    auto connection = connectTo(args, &code);
    if (!connection) {
        return code;
    }
    HubLink& link = connection->link;
    QString error;
    HubIdentity id;
    if (!readIdentity(link, &id, &error) || !setTelemetryPeriod(link, static_cast<quint16>(periodS), &error)) {
        return failWith(QStringLiteral("cannot start the telemetry stream: %1").arg(error));
    }
    printErr(QStringLiteral("monitor: %1 %2 on %3, every %4 s; Ctrl-C stops")
                 .arg(id.model, formatFirmwareVersion(id.firmwareVersion),
                      connection->transport.endpointName()).arg(periodS));
    QObject::connect(&link, &HubLink::unsolicited,
                     [](quint8 type, const QByteArray& payload) { printOut(describeUnsolicited(type, payload)); });
    bool lost = false;
    QObject::connect(&link, &HubLink::linkLost, [&](const QString& why) {
        error = why;
        lost = true;
        QCoreApplication::quit();
    });
    std::signal(SIGTERM, onStopSignal);
    std::signal(SIGINT, onStopSignal);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [] {
        if (g_stop) {
            QCoreApplication::quit();
        }
    });
    poll.start(100);
    if (durationS > 0) {
        QTimer::singleShot(durationS * 1000, [] { QCoreApplication::quit(); });
    }
    QCoreApplication::exec();
    if (lost) {
        return failWith(QStringLiteral("the hub went away: %1").arg(error));
    }
    QString ignored;
    setTelemetryPeriod(link, 0, &ignored);  // leave the hub quiet
    return 0;
}

}  // namespace swarmergy::hubctl
