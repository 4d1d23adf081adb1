// SerialTransport: I/O on its own thread with signals on the caller's, a full session through
// a pty to the fake hub, the far end going away reported as an unplug (not a plain error), and
// a missing port refused with a reason.

#include "drivers/serial/HubIdentity.h"
#include "drivers/serial/HubLink.h"
#include "drivers/serial/SerialTransport.h"
#include "drivers/virtual/VirtualHubs.h"

#include <QSignalSpy>
#include <QTest>

#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

using namespace swarmergy::drivers;

class TstSerialTransport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sessionOverAPtyRunsOnTheCallersThread();
    void farEndClosingIsAnUnplug();
    void missingPortFailsToOpen();
};

void TstSerialTransport::sessionOverAPtyRunsOnTheCallersThread()
{
    PtyFakeHub hub;
    QVERIFY2(hub.start(), qPrintable(hub.errorText()));
    SerialTransport transport({hub.ptyPath(), 115200});
    QSignalSpy opened(&transport, &HubTransport::opened);
    transport.open();
    QTRY_COMPARE(opened.size(), 1);
    QVERIFY(transport.isOpen());
    HubLink link(&transport);
    QThread* handlerThread = nullptr;
    HubIdentity identity;
    QString error = QStringLiteral("pending");
    readHubIdentity(&link, [&](const QString& e, const HubIdentity& id) {
        handlerThread = QThread::currentThread();
        error = e;
        identity = id;
    });
    QTRY_VERIFY(error != QStringLiteral("pending"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(handlerThread, QThread::currentThread());
    QCOMPARE(identity.model, QStringLiteral("SWH-FAKE"));
    QCOMPARE(identity.serial, QByteArrayLiteral("FAKE0001"));
    QCOMPARE(identity.firmwareVersion, SWP_VERSION_PACK(1, 0, 0));
}

void TstSerialTransport::farEndClosingIsAnUnplug()
{
    int master = -1;
    int slave = -1;
    char name[256] = {};
    QCOMPARE(openpty(&master, &slave, name, nullptr, nullptr), 0);
    termios tio{};
    tcgetattr(slave, &tio);
    cfmakeraw(&tio);
    tcsetattr(slave, TCSANOW, &tio);
    ::close(slave);  // only the transport holds the slave side, as with a USB adapter
    SerialTransport transport({QString::fromLocal8Bit(name), 115200});
    QSignalSpy opened(&transport, &HubTransport::opened);
    QSignalSpy unplugged(&transport, &HubTransport::unplugged);
    QSignalSpy errors(&transport, &HubTransport::errorOccurred);
    QSignalSpy received(&transport, &HubTransport::bytesReceived);
    transport.open();
    QTRY_COMPARE(opened.size(), 1);
    QCOMPARE(::write(master, "hub", 3), ssize_t(3));
    QTRY_COMPARE(received.size(), 1);
    QCOMPARE(received[0][0].toByteArray(), QByteArrayLiteral("hub"));
    ::close(master);  // the device goes away
    QTRY_COMPARE_WITH_TIMEOUT(unplugged.size(), 1, 5000);
    QVERIFY(!transport.isOpen());
    QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors[0][0].toString()));
}

void TstSerialTransport::missingPortFailsToOpen()
{
    SerialTransport transport({QStringLiteral("/dev/swarmergy-no-such-port"), 115200});
    QSignalSpy failed(&transport, &HubTransport::openFailed);
    transport.open();
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(!failed[0][0].toString().isEmpty());
    QVERIFY(!transport.isOpen());
}

QTEST_GUILESS_MAIN(TstSerialTransport)
#include "tst_serialtransport.moc"
