// The flasher against the in-process fake hub through the fault-scripting mock link: clean
// transfers (raw and RLE), every kind of link fault, unplug and resume, per-state timeouts,
// cancel and resume, and images the hub refuses.

#include "FlashFixtures.h"

#include <QSignalSpy>
#include <QTest>

using namespace swarmergy::drivers;
using namespace swarmergy::drivers::testing;

namespace {

constexpr int kWaitMs = 20000;

QList<FlashState> statesOf(const QSignalSpy& spy)
{
    QList<FlashState> states;
    for (const auto& args : spy) {
        states.append(args.at(0).value<FlashState>());
    }
    return states;
}

}  // namespace

class TstFlashSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanFlashGoesThroughEveryState();
    void compressionSendsFewerBytes();
    void linkFaultsAreRecovered_data();
    void linkFaultsAreRecovered();
    void randomFaultsStillDeliverTheImage();
    void unplugResumesFromTheHubsOffset();
    void unplugWithoutReplugFailsWithAdvice();
    void silentHubTimesOutInHandshake();
    void stalledTransferFailsAfterItsRetries();
    void cancelStopsAndTheNextFlashResumes();
    void downgradeIsRefusedAndTheRunningImageStays();
    void unconfirmedHubRefusesANewFlash();
};

void TstFlashSession::cleanFlashGoesThroughEveryState()
{
    FlashRig rig;
    QSignalSpy states(&rig.session, &FlashSession::stateChanged);
    QSignalSpy finished(&rig.session, &FlashSession::finished);
    QSignalSpy progress(&rig.session, &FlashSession::progressChanged);
    const FirmwareImage image = testImage(SWP_VERSION_PACK(1, 1, 0));
    QVERIFY(rig.session.start(image));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(rig.session.state(), FlashState::Done);
    const QList<FlashState> expected{FlashState::Connecting, FlashState::Handshake,
                                     FlashState::Beginning,  FlashState::Sending,
                                     FlashState::Verifying,  FlashState::Rebooting,
                                     FlashState::Confirming, FlashState::Done};
    QCOMPARE(statesOf(states), expected);
    QCOMPARE(rig.hub.installedImage(), image.bytes);
    QCOMPARE(rig.hub.firmwareVersion(), image.version);
    QVERIFY(rig.hub.imageConfirmed());
    QVERIFY(progress.size() >= 2);
    const auto last = progress.last().at(0).value<FlashProgress>();
    QCOMPARE(last.bytesDone, quint64(image.bytes.size()));
    QCOMPARE(last.percent(), 100);
}

void TstFlashSession::compressionSendsFewerBytes()
{
    const FirmwareImage image = testImage(SWP_VERSION_PACK(1, 2, 0), 16 * 1024, 48 * 1024);
    quint64 wireBytes[2] = {0, 0};
    for (const bool compress : {false, true}) {
        FlashOptions options = fastOptions();
        options.allowCompression = compress;
        FlashRig rig({}, options);
        QSignalSpy finished(&rig.session, &FlashSession::finished);
        rig.session.start(image);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
        QCOMPARE(rig.session.state(), FlashState::Done);
        QCOMPARE(rig.session.compressed(), compress);
        QCOMPARE(rig.hub.installedImage(), image.bytes);
        wireBytes[compress ? 1 : 0] = rig.link.bytesToHub();
    }
    // 3/4 padding: RLE must send well under half the bytes.
    QVERIFY2(wireBytes[1] * 2 < wireBytes[0],
             qPrintable(QStringLiteral("raw %1, rle %2").arg(wireBytes[0]).arg(wireBytes[1])));
}

void TstFlashSession::linkFaultsAreRecovered_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("direction");
    QTest::addColumn<int>("frame");
    QTest::newRow("drop chunk to hub") << int(MockFault::Kind::Drop) << 0 << 6;
    QTest::newRow("drop status to host") << int(MockFault::Kind::Drop) << 1 << 8;
    QTest::newRow("corrupt chunk to hub") << int(MockFault::Kind::Corrupt) << 0 << 10;
    QTest::newRow("corrupt status to host") << int(MockFault::Kind::Corrupt) << 1 << 12;
    QTest::newRow("delay chunk past the timeout") << int(MockFault::Kind::Delay) << 0 << 7;
    QTest::newRow("drop FLASH_END") << int(MockFault::Kind::Drop) << 0 << 0;  // set below
}

void TstFlashSession::linkFaultsAreRecovered()
{
    QFETCH(int, kind);
    QFETCH(int, direction);
    QFETCH(int, frame);
    const FirmwareImage image = testImage(SWP_VERSION_PACK(1, 3, 0));
    FlashOptions options = fastOptions();
    options.allowCompression = false;
    FlashRig rig({}, options);
    MockFault fault;
    fault.kind = static_cast<MockFault::Kind>(kind);
    fault.direction = direction == 0 ? MockDirection::ToHub : MockDirection::ToHost;
    // Frames to the hub: HELLO, FLASH_BEGIN, then one chunk per 1019 bytes, then FLASH_END.
    const int chunks = (image.bytes.size() + 1018) / 1019;
    fault.frameNumber = frame > 0 ? quint64(frame) : quint64(2 + chunks + 1);
    fault.delayMs = 400;  // > the 150 ms reply timeout: the request is retransmitted
    rig.link.addFault(fault);
    QSignalSpy finished(&rig.session, &FlashSession::finished);
    rig.session.start(image);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QVERIFY2(rig.session.state() == FlashState::Done,
             qPrintable(finished.first().at(1).toString()));
    QCOMPARE(rig.link.faultsInjected() + (fault.kind == MockFault::Kind::Delay ? 1u : 0u),
             quint64(1));
    QVERIFY(rig.hubLink.stats().retransmissions >= 1 ||
            rig.hubLink.stats().framesRejected >= 1 || fault.direction == MockDirection::ToHub);
    QCOMPARE(rig.hub.installedImage(), image.bytes);
    QCOMPARE(QCryptographicHash::hash(rig.hub.installedImage(), QCryptographicHash::Sha256),
             image.sha256);
}

void TstFlashSession::randomFaultsStillDeliverTheImage()
{
    const FirmwareImage image = testImage(SWP_VERSION_PACK(1, 4, 0));
    FlashRig rig;
    rig.link.setRandomFaults(42, 0.05, 0.05);
    QSignalSpy finished(&rig.session, &FlashSession::finished);
    rig.session.start(image);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QVERIFY2(rig.session.state() == FlashState::Done,
             qPrintable(finished.first().at(1).toString()));
    QVERIFY(rig.link.faultsInjected() > 0);
    QCOMPARE(rig.hub.installedImage(), image.bytes);
}

void TstFlashSession::unplugResumesFromTheHubsOffset()
{
    const FirmwareImage image = testImage(SWP_VERSION_PACK(1, 5, 0));
    FlashOptions options = fastOptions();
    options.allowCompression = false;
    FlashRig rig({}, options);
    const int chunks = (image.bytes.size() + 1018) / 1019;
    MockFault unplug;
    unplug.kind = MockFault::Kind::Unplug;
    unplug.frameNumber = 2 + quint64(chunks) * 43 / 100;  // about 43 %
    unplug.replugAfterMs = 300;
    rig.link.addFault(unplug);
    QSignalSpy waiting(&rig.session, &FlashSession::waitingForReconnect);
    QSignalSpy finished(&rig.session, &FlashSession::finished);
    rig.session.start(image);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QVERIFY2(rig.session.state() == FlashState::Done,
             qPrintable(finished.first().at(1).toString()));
    QCOMPARE(waiting.size(), 1);
    const int percent = waiting.first().at(0).toInt();
    QVERIFY2(percent >= 30 && percent <= 45, qPrintable(QString::number(percent)));
    QCOMPARE(rig.session.resumeCount(), 1);
    // Resumed, not restarted: the hub accepted each chunk once (within the window in flight).
    QVERIFY2(rig.hub.chunksReceived() <= chunks + 4,
             qPrintable(QStringLiteral("%1 chunks for %2").arg(rig.hub.chunksReceived()).arg(chunks)));
    QCOMPARE(rig.hub.installedImage(), image.bytes);
}

void TstFlashSession::unplugWithoutReplugFailsWithAdvice()
{
    const FirmwareImage image = testImage(SWP_VERSION_PACK(1, 6, 0));
    FlashOptions options = fastOptions();
    options.resumeWaitMs = 400;
    FlashRig rig({}, options);
    MockFault unplug;
    unplug.kind = MockFault::Kind::Unplug;
    unplug.frameNumber = 20;
    rig.link.addFault(unplug);
    QSignalSpy finished(&rig.session, &FlashSession::finished);
    rig.session.start(image);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(rig.session.state(), FlashState::Failed);
    const QString message = finished.first().at(1).toString();
    QVERIFY2(message.startsWith(QStringLiteral("Unplugged at ")) && message.contains("resume"),
             qPrintable(message));
    QCOMPARE(rig.hub.firmwareVersion(), SWP_VERSION_PACK(1, 0, 0));
}

void TstFlashSession::silentHubTimesOutInHandshake()
{
    FlashOptions options = fastOptions();
    options.handshakeTimeoutMs = 500;
    FlashRig rig({}, options);
    rig.link.setRandomFaults(1, 1.0, 0.0);  // every frame lost
    QSignalSpy states(&rig.session, &FlashSession::stateChanged);
    QSignalSpy finished(&rig.session, &FlashSession::finished);
    QElapsedTimer clock;
    clock.start();
    rig.session.start(testImage(SWP_VERSION_PACK(1, 7, 0)));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(rig.session.state(), FlashState::Failed);
    // HELLO is retransmitted within each attempt (150, 300 ms: backing off), and each attempt
    // is cut by the 500 ms Handshake timeout: 3 attempts (stateRetries 2).
    QCOMPARE(statesOf(states).count(FlashState::Handshake), 3);
    QVERIFY(clock.elapsed() >= 3 * 500 * 95 / 100);
    QVERIFY(rig.hubLink.stats().retransmissions >= 3);
    QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("does not answer")));
    QVERIFY(!statesOf(states).contains(FlashState::Beginning));
}

void TstFlashSession::stalledTransferFailsAfterItsRetries()
{
    const FirmwareImage image = testImage(SWP_VERSION_PACK(1, 8, 0));
    FlashOptions options = fastOptions();
    options.maxResumes = 2;
    options.stallTimeoutMs = 500;
    options.handshakeTimeoutMs = 400;
    FlashRig rig({}, options);
    // After the 10th frame to the hub, nothing more gets through: chunks time out, the
    // session resumes twice (HELLO fails each time) and gives up.
    QSignalSpy finished(&rig.session, &FlashSession::finished);
    QSignalSpy states(&rig.session, &FlashSession::stateChanged);
    for (quint64 frame = 10; frame < 400; ++frame) {
        rig.link.addFault({MockFault::Kind::Drop, MockDirection::ToHub, frame, 0, -1});
    }
    rig.session.start(image);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(rig.session.state(), FlashState::Failed);
    QVERIFY(statesOf(states).contains(FlashState::Sending));
    QVERIFY(rig.session.progress().bytesDone < quint64(image.bytes.size()));
}

void TstFlashSession::cancelStopsAndTheNextFlashResumes()
{
    const FirmwareImage image = testImage(SWP_VERSION_PACK(1, 9, 0));
    FlashOptions options = fastOptions();
    options.allowCompression = false;
    FlashRig rig({}, options);
    rig.link.setLineRateBaud(1000000);  // slow enough to cancel mid-way
    QSignalSpy finished(&rig.session, &FlashSession::finished);
    connect(&rig.session, &FlashSession::progressChanged, &rig.session,
            [&rig](const FlashProgress& p) {
                if (p.percent() >= 50) {
                    rig.session.cancel();
                }
            });
    rig.session.start(image);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(rig.session.state(), FlashState::Cancelled);
    QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("resume")));
    const int chunksBefore = rig.hub.chunksReceived();
    QVERIFY(chunksBefore > 0);
    QCOMPARE(rig.hub.firmwareVersion(), SWP_VERSION_PACK(1, 0, 0));

    rig.session.disconnect(&rig.session);  // no more cancelling
    QVERIFY(rig.session.start(image));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
    QCOMPARE(rig.session.state(), FlashState::Done);
    const int chunks = (image.bytes.size() + 1018) / 1019;
    QVERIFY2(rig.hub.chunksReceived() <= chunks + 4,
             qPrintable(QString::number(rig.hub.chunksReceived())));
    QCOMPARE(rig.hub.installedImage(), image.bytes);
}

void TstFlashSession::downgradeIsRefusedAndTheRunningImageStays()
{
    FakeHubConfig config;
    config.firmwareVersion = SWP_VERSION_PACK(2, 0, 0);
    config.versionFloor = SWP_VERSION_PACK(2, 0, 0);
    FlashRig rig(config);
    QSignalSpy finished(&rig.session, &FlashSession::finished);
    rig.session.start(testImage(SWP_VERSION_PACK(1, 9, 9)));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(rig.session.state(), FlashState::Failed);
    QCOMPARE(rig.session.hubStatus(), SWP_ERR_IMAGE_DOWNGRADE);
    QVERIFY(rig.session.errorText().contains(QStringLiteral("version floor")));
    QCOMPARE(rig.hub.firmwareVersion(), SWP_VERSION_PACK(2, 0, 0));
    QCOMPARE(rig.hub.rebootCount(), 0);
}

void TstFlashSession::unconfirmedHubRefusesANewFlash()
{
    // Flash without confirming, then flash again: the hub runs a test image.
    FlashOptions options = fastOptions();
    FlashRig rig({}, options);
    QSignalSpy finished(&rig.session, &FlashSession::finished);
    rig.session.start(testImage(SWP_VERSION_PACK(1, 1, 0)));
    // Drop the CONFIRM: it is the last frame; stop the hub from ever seeing it by unplugging
    // once Confirming starts and never replugging.
    connect(&rig.session, &FlashSession::stateChanged, &rig.link, [&rig](FlashState s) {
        if (s == FlashState::Confirming) {
            rig.link.setRandomFaults(5, 1.0, 0.0);
        }
    });
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(rig.session.state(), FlashState::Failed);
    QVERIFY(!rig.hub.imageConfirmed());

    rig.link.setRandomFaults(5, 0.0, 0.0);
    rig.session.disconnect(&rig.link);
    rig.session.start(testImage(SWP_VERSION_PACK(1, 2, 0)));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
    QCOMPARE(rig.session.state(), FlashState::Failed);
    QCOMPARE(rig.session.hubStatus(), SWP_ERR_UNCONFIRMED);
    QVERIFY(rig.session.errorText().contains(QStringLiteral("not confirmed")));
}

QTEST_GUILESS_MAIN(TstFlashSession)
#include "tst_flashsession.moc"
