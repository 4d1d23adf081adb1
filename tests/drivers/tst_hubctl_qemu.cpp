// swarmergy-hubctl against the real firmware under QEMU (mps2-an386): emulate --qemu boots
// the bootloader and the 1.0.0 image from file-backed flash, flash sends 1.1.0 over the
// UART, the hub test-boots it and hubctl confirms it; a restart of QEMU boots 1.1.0 from the
// same flash file, and the now older 1.0.0 is refused as a downgrade.

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out, err;
};

Run hubctl(const QStringList& args, int timeoutMs = 90000)
{
    QProcess p;
    p.start(QStringLiteral(HUBCTL_PATH), args);
    Run run;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return run;
    }
    run.exitCode = p.exitCode();
    run.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    run.err = QString::fromLocal8Bit(p.readAllStandardError());
    return run;
}

}  // namespace

class TstHubctlQemu : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void flashesAndConfirmsUnderQemu();

private:
    bool startQemu();
    QString firmwareLine();

    QTemporaryDir dir_;
    QProcess emulator_;
    QString port_;
};

bool TstHubctlQemu::startQemu()
{
    emulator_.start(QStringLiteral(HUBCTL_PATH),
                    {QStringLiteral("emulate"), QStringLiteral("--qemu"), QStringLiteral("--state"),
                     dir_.filePath(QStringLiteral("board")), QStringLiteral("--image"),
                     QStringLiteral(IMAGE_V1)});
    if (!emulator_.waitForStarted(5000)) {
        return false;
    }
    while (!emulator_.canReadLine() && emulator_.waitForReadyRead(20000)) {
    }
    port_ = QString::fromLocal8Bit(emulator_.readLine()).trimmed();
    return port_.endsWith(QStringLiteral("/tty"));
}

void TstHubctlQemu::init()
{
    if (QStandardPaths::findExecutable(QStringLiteral("qemu-system-arm")).isEmpty() ||
        QStandardPaths::findExecutable(QStringLiteral("socat")).isEmpty()) {
        QSKIP("qemu-system-arm or socat missing (scripts/setup installs them)");
    }
    QVERIFY(dir_.isValid());
}

void TstHubctlQemu::cleanup()
{
    if (emulator_.state() != QProcess::NotRunning) {
        emulator_.terminate();  // hubctl stops QEMU and socat
        if (!emulator_.waitForFinished(5000)) {
            emulator_.kill();
            emulator_.waitForFinished();
        }
    }
}

QString TstHubctlQemu::firmwareLine()
{
    const Run info = hubctl({QStringLiteral("info"), QStringLiteral("--port"), port_});
    for (const QString& line : info.out.split(QLatin1Char('\n'))) {
        if (line.startsWith(QStringLiteral("firmware "))) {
            return line.mid(9).trimmed();
        }
    }
    return info.err;
}

void TstHubctlQemu::flashesAndConfirmsUnderQemu()
{
    QVERIFY2(startQemu(), qPrintable(emulator_.readAllStandardError()));
    QCOMPARE(firmwareLine(), QStringLiteral("1.0.0 (slot A, confirmed)"));

    const Run flash = hubctl({QStringLiteral("flash"), QStringLiteral(IMAGE_V2), QStringLiteral("--port"), port_});
    QVERIFY2(flash.exitCode == 0, qPrintable(flash.err));
    QVERIFY(flash.err.contains(QStringLiteral("flash: Confirming")));
    QCOMPARE(firmwareLine(), QStringLiteral("1.1.0 (slot B, confirmed)"));

    // Power cycle: a new QEMU on the same flash file.
    cleanup();
    QVERIFY(startQemu());
    QCOMPARE(firmwareLine(), QStringLiteral("1.1.0 (slot B, confirmed)"));
    const Run downgrade = hubctl({QStringLiteral("flash"), QStringLiteral(IMAGE_V1), QStringLiteral("--port"), port_});
    QCOMPARE(downgrade.exitCode, 1);
    QVERIFY2(downgrade.err.contains(QStringLiteral("downgrade refused")), qPrintable(downgrade.err));
    QCOMPARE(firmwareLine(), QStringLiteral("1.1.0 (slot B, confirmed)"));
}

QTEST_GUILESS_MAIN(TstHubctlQemu)
#include "tst_hubctl_qemu.moc"
