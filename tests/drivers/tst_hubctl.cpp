// swarmergy-hubctl end to end against the firmware's host virtual hub on a pty: emulate,
// info, flash an upgrade (reboot, confirm), refusals of corrupted, unsigned and downgraded
// images with the running image kept, provisioning with the right and a wrong credential,
// images listing, usage errors, and the flash file surviving a restart of the hub.

#include "drivers/flash/FirmwareImage.h"
#include "firmware/protocol/swp_messages.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace swarmergy::drivers;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run hubctl(const QStringList& args, int timeoutMs = 60000)
{
    QProcess p;
    p.start(QStringLiteral(HUBCTL_PATH), args);
    Run run;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        run.err = QStringLiteral("timed out");
        return run;
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    run.err = QString::fromLocal8Bit(p.readAllStandardError());
    return run;
}

QString signImage(const QString& dir, const QString& version, const QByteArray& payload)
{
    const QString bin = dir + QStringLiteral("/payload-%1.bin").arg(version);
    const QString out = dir + QStringLiteral("/hub-%1.swfw").arg(version);
    QFile f(bin);
    if (!f.open(QIODevice::WriteOnly) || f.write(payload) != payload.size()) {
        return {};
    }
    f.close();
    const int rc = QProcess::execute(QStringLiteral(FW_TOOL_PATH),
                                     {QStringLiteral("sign"), QStringLiteral("--key"),
                                      QStringLiteral(FIRMWARE_KEY_PATH), QStringLiteral("--version"),
                                      version, bin, out});
    return rc == 0 ? out : QString();
}

QByteArray payload(int codeBytes, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray p(codeBytes, '\0');
    for (char& c : p) {
        c = static_cast<char>(random.bounded(256));
    }
    return p + QByteArray(codeBytes / 2, '\0');
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

}  // namespace

class TstHubctl : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void infoShowsTheFactoryImage();
    void imagesListsVersionAndPath();
    void flashUpgradesRebootsAndConfirms();
    void refusedImagesKeepTheRunningImage();
    void provisionReturnsTheAddress();
    void wrongCredentialIsRefused();
    void usageErrorsExitTwo();
    void monitorStreamsTelemetry();
    void emulateFakeServesAFakeHub();
    void flashSurvivesAHubRestart();

private:
    bool startHub(const QStringList& extra);
    void stopHub();
    QString field(const QString& info, const QString& name) const;

    QTemporaryDir dir_;
    QProcess hub_;
    QString port_;
    QString v100_, v110_;
};

bool TstHubctl::startHub(const QStringList& extra)
{
    hub_.start(QStringLiteral(HUBCTL_PATH),
               QStringList{QStringLiteral("emulate"), QStringLiteral("--host"), QStringLiteral("--state"),
                           dir_.filePath(QStringLiteral("state"))} + extra);
    if (!hub_.waitForStarted(5000)) {
        return false;
    }
    while (!hub_.canReadLine() && hub_.waitForReadyRead(10000)) {
    }
    port_ = QString::fromLocal8Bit(hub_.readLine()).trimmed();
    return port_.startsWith(QStringLiteral("/dev/"));
}

void TstHubctl::stopHub()
{
    if (hub_.state() != QProcess::NotRunning) {
        hub_.terminate();
        if (!hub_.waitForFinished(3000)) {
            hub_.kill();
            hub_.waitForFinished();
        }
    }
}

QString TstHubctl::field(const QString& info, const QString& name) const
{
    for (const QString& line : info.split(QLatin1Char('\n'))) {
        if (line.startsWith(name + QLatin1Char(' '))) {
            return line.mid(name.size()).trimmed();
        }
    }
    return {};
}

void TstHubctl::initTestCase()
{
    QVERIFY(dir_.isValid());
    v100_ = signImage(dir_.path(), QStringLiteral("1.0.0"), payload(30000, 1));
    v110_ = signImage(dir_.path(), QStringLiteral("1.1.0"), payload(36000, 2));
    QVERIFY(!v100_.isEmpty() && !v110_.isEmpty());
    QVERIFY2(startHub({QStringLiteral("--image"), v100_}), qPrintable(hub_.readAllStandardError()));
}

void TstHubctl::cleanupTestCase() { stopHub(); }

void TstHubctl::infoShowsTheFactoryImage()
{
    const Run run = hubctl({QStringLiteral("info"), QStringLiteral("--port"), port_});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(field(run.out, QStringLiteral("model")), QStringLiteral("SWH-HOST"));
    QCOMPARE(field(run.out, QStringLiteral("firmware")), QStringLiteral("1.0.0 (slot A, confirmed)"));
    QCOMPARE(field(run.out, QStringLiteral("provisioned")), QStringLiteral("no"));
    QVERIFY(field(run.out, QStringLiteral("capabilities")).contains(QStringLiteral("flash-rle")));
}

void TstHubctl::imagesListsVersionAndPath()
{
    const Run run = hubctl({QStringLiteral("images"), QStringLiteral("--dir"), dir_.path()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList lines = run.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines, (QStringList{QStringLiteral("1.0.0 ") + v100_, QStringLiteral("1.1.0 ") + v110_}));
    const Run none = hubctl({QStringLiteral("images"), QStringLiteral("--dir"),
                             dir_.filePath(QStringLiteral("missing"))});
    QCOMPARE(none.exitCode, 1);
    QVERIFY(none.err.contains(QStringLiteral("no image directory")));
}

void TstHubctl::flashUpgradesRebootsAndConfirms()
{
    const Run run = hubctl({QStringLiteral("flash"), v110_, QStringLiteral("--port"), port_});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.err.contains(QStringLiteral("flash: Confirming")));
    QVERIFY(run.err.contains(QStringLiteral("100 %")));
    const Run info = hubctl({QStringLiteral("info"), QStringLiteral("--port"), port_});
    QCOMPARE(field(info.out, QStringLiteral("firmware")), QStringLiteral("1.1.0 (slot B, confirmed)"));
    QCOMPARE(field(info.out, QStringLiteral("floor")), QStringLiteral("1.1.0"));
}

void TstHubctl::refusedImagesKeepTheRunningImage()
{
    QFile f(v110_);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray corrupted = f.readAll();
    corrupted[corrupted.size() - 100] = static_cast<char>(corrupted[corrupted.size() - 100] ^ 0x40);
    const QString corruptedPath = dir_.filePath(QStringLiteral("corrupted.img"));
    QVERIFY(writeFile(corruptedPath, corrupted));
    const QString unsignedPath = dir_.filePath(QStringLiteral("unsigned.img"));
    QVERIFY(writeFile(unsignedPath, buildUnsignedImage(SWP_VERSION_PACK(1, 2, 0), payload(20000, 3))));
    const QString truncatedPath = dir_.filePath(QStringLiteral("truncated.img"));
    QVERIFY(writeFile(truncatedPath, corrupted.left(corrupted.size() - 10)));

    const struct {
        QString path;
        int exitCode;
        QString reason;
    } cases[] = {
        {corruptedPath, 1, QStringLiteral("corrupted")},
        {unsignedPath, 1, QStringLiteral("not signed by the cooperative")},
        {v100_, 1, QStringLiteral("downgrade refused")},
        {truncatedPath, 1, QStringLiteral("truncated")},  // refused before anything is sent
    };
    for (const auto& c : cases) {
        const Run run = hubctl({QStringLiteral("flash"), c.path, QStringLiteral("--port"), port_});
        QVERIFY2(run.exitCode == c.exitCode && run.err.contains(c.reason),
                 qPrintable(QStringLiteral("%1: exit %2, %3").arg(c.path).arg(run.exitCode).arg(run.err)));
        const Run info = hubctl({QStringLiteral("info"), QStringLiteral("--port"), port_});
        QCOMPARE(field(info.out, QStringLiteral("firmware")), QStringLiteral("1.1.0 (slot B, confirmed)"));
    }
}

void TstHubctl::provisionReturnsTheAddress()
{
    const Run run = hubctl({QStringLiteral("provision"), QStringLiteral("--port"), port_,
                            QStringLiteral("--ruche"), QStringLiteral("3"), QStringLiteral("--alveole"),
                            QStringLiteral("17"), QStringLiteral("--technician-key"),
                            QStringLiteral(TECHNICIAN_KEY_PATH), QStringLiteral("--chain-id"),
                            QStringLiteral("31337"), QStringLiteral("--nrg-token"),
                            QStringLiteral("0x00000000000000000000000000000000000a1001")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    // The hub speaks protocol 1.1: it took the ledger domain its readings are signed for.
    QCOMPARE(field(run.out, QStringLiteral("chain-id")), QStringLiteral("31337"));
    QCOMPARE(field(run.out, QStringLiteral("nrg-token")).toLower(),
             QStringLiteral("0x00000000000000000000000000000000000a1001"));
    const QString address = field(run.out, QStringLiteral("address"));
    QVERIFY2(QRegularExpression(QStringLiteral("^0x[0-9a-fA-F]{40}$")).match(address).hasMatch(),
             qPrintable(address));
    const Run info = hubctl({QStringLiteral("info"), QStringLiteral("--port"), port_});
    QCOMPARE(field(info.out, QStringLiteral("provisioned")), QStringLiteral("yes (ruche 3, alveole 17)"));
    QCOMPARE(field(info.out, QStringLiteral("address")), address);
}

void TstHubctl::wrongCredentialIsRefused()
{
    const QString wrongKey = dir_.filePath(QStringLiteral("wrong.key"));
    QVERIFY(writeFile(wrongKey, "# not the demo key\n" + QByteArray(64, 'a') + "\n"));
    const Run run = hubctl({QStringLiteral("provision"), QStringLiteral("--port"), port_,
                            QStringLiteral("--ruche"), QStringLiteral("4"), QStringLiteral("--alveole"),
                            QStringLiteral("1"), QStringLiteral("--technician-key"), wrongKey});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("refused the technician credential")), qPrintable(run.err));
    const Run info = hubctl({QStringLiteral("info"), QStringLiteral("--port"), port_});
    QCOMPARE(field(info.out, QStringLiteral("provisioned")), QStringLiteral("yes (ruche 3, alveole 17)"));
}

void TstHubctl::usageErrorsExitTwo()
{
    QCOMPARE(hubctl({}).exitCode, 2);
    QCOMPARE(hubctl({QStringLiteral("frobnicate")}).exitCode, 2);
    const Run badChain = hubctl({QStringLiteral("provision"), QStringLiteral("--port"), port_,
                                 QStringLiteral("--ruche"), QStringLiteral("1"), QStringLiteral("--alveole"),
                                 QStringLiteral("1"), QStringLiteral("--chain-id"), QStringLiteral("zero")});
    QCOMPARE(badChain.exitCode, 2);
    QVERIFY2(badChain.err.contains(QStringLiteral("--chain-id 'zero'")), qPrintable(badChain.err));
    const Run badToken = hubctl({QStringLiteral("provision"), QStringLiteral("--port"), port_,
                                 QStringLiteral("--ruche"), QStringLiteral("1"), QStringLiteral("--alveole"),
                                 QStringLiteral("1"), QStringLiteral("--nrg-token"), QStringLiteral("0x1001")});
    QCOMPARE(badToken.exitCode, 2);
    QVERIFY2(badToken.err.contains(QStringLiteral("--nrg-token '0x1001'")), qPrintable(badToken.err));
    const Run noPort = hubctl({QStringLiteral("info")});
    QCOMPARE(noPort.exitCode, 2);
    QVERIFY(noPort.err.contains(QStringLiteral("--port")));
    const Run badPort = hubctl({QStringLiteral("info"), QStringLiteral("--port"),
                                QStringLiteral("/dev/does-not-exist")});
    QCOMPARE(badPort.exitCode, 1);
    QVERIFY(badPort.err.contains(QStringLiteral("cannot open /dev/does-not-exist")));
    const Run notImage = hubctl({QStringLiteral("flash"), QStringLiteral(FIRMWARE_KEY_PATH),
                                 QStringLiteral("--port"), port_});
    QCOMPARE(notImage.exitCode, 1);
    QVERIFY(notImage.err.contains(QStringLiteral("not a Swarmergy image")) ||
            notImage.err.contains(QStringLiteral("shorter than an image header")));
}

void TstHubctl::monitorStreamsTelemetry()
{
    const Run run = hubctl({QStringLiteral("monitor"), QStringLiteral("--port"), port_,
                            QStringLiteral("--period"), QStringLiteral("1"), QStringLiteral("--duration"),
                            QStringLiteral("3")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList lines = run.out.trimmed().split(QLatin1Char('\n'));
    QVERIFY2(lines.size() >= 2, qPrintable(run.out));
    for (const QString& line : lines) {
        QVERIFY2(line.startsWith(QStringLiteral("telemetry t=")) && line.contains(QStringLiteral("soc=")),
                 qPrintable(line));
    }
    QVERIFY(run.err.contains(QStringLiteral("every 1 s")));
}

void TstHubctl::emulateFakeServesAFakeHub()
{
    QProcess fake;
    fake.start(QStringLiteral(HUBCTL_PATH), {QStringLiteral("emulate"), QStringLiteral("--fake")});
    QVERIFY(fake.waitForStarted(5000));
    while (!fake.canReadLine() && fake.waitForReadyRead(5000)) {
    }
    const QString port = QString::fromLocal8Bit(fake.readLine()).trimmed();
    const Run info = hubctl({QStringLiteral("info"), QStringLiteral("--port"), port});
    fake.terminate();
    QVERIFY(fake.waitForFinished(5000));
    QCOMPARE(fake.exitCode(), 0);
    QVERIFY2(info.exitCode == 0, qPrintable(info.err));
    QCOMPARE(field(info.out, QStringLiteral("model")), QStringLiteral("SWH-FAKE"));
    QCOMPARE(hubctl({QStringLiteral("emulate"), QStringLiteral("--host")}).exitCode, 2);  // no --state
}

void TstHubctl::flashSurvivesAHubRestart()
{
    stopHub();
    QVERIFY(startHub({}));  // no --image: the flash file in the state dir boots
    const Run info = hubctl({QStringLiteral("info"), QStringLiteral("--port"), port_});
    QVERIFY2(info.exitCode == 0, qPrintable(info.err));
    QCOMPARE(field(info.out, QStringLiteral("firmware")), QStringLiteral("1.1.0 (slot B, confirmed)"));
    QCOMPARE(field(info.out, QStringLiteral("provisioned")), QStringLiteral("yes (ruche 3, alveole 17)"));
}

QTEST_GUILESS_MAIN(TstHubctl)
#include "tst_hubctl.moc"
