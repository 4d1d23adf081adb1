// HubLink, the session layer: handshake negotiation and version check, the window, the same
// seq on retransmission, unsolicited frames, unplug, corrupted replies, adaptive timeout.

#include "drivers/mock/FakeHub.h"
#include "drivers/mock/MockLink.h"
#include "drivers/serial/HubLink.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace swarmergy::drivers;

namespace {

// A transport whose hub is the test: it records what the link writes and injects frames.
class ScriptedTransport final : public HubTransport {
public:
    void open() override { open_ = true; Q_EMIT opened(); }
    void close() override { open_ = false; Q_EMIT closed(); }
    void write(const QByteArray& bytes) override { written.append(bytes); }
    bool isOpen() const override { return open_; }
    QString endpointName() const override { return QStringLiteral("scripted"); }
    void inject(const QByteArray& bytes) { Q_EMIT bytesReceived(bytes); }
    void pullCable() { open_ = false; Q_EMIT unplugged(QStringLiteral("pulled")); }
    QList<QByteArray> written;

private:
    bool open_ = true;
};

QByteArray frame(const swp_message& m, quint8 seq, quint8 ack, quint8 version = SWP_PROTOCOL_VERSION)
{
    uint8_t payload[SWP_MAX_PAYLOAD];
    size_t len = 0;
    swp_message_encode(&m, payload, sizeof payload, &len);
    const swp_header h{version, m.type, seq, ack, static_cast<uint16_t>(len)};
    QByteArray wire(SWP_MAX_WIRE_FRAME, '\0');
    wire.truncate(static_cast<qsizetype>(
        swp_frame_encode(&h, payload, reinterpret_cast<uint8_t*>(wire.data()), SWP_MAX_WIRE_FRAME)));
    return wire;
}

swp_frame decodeWritten(const QByteArray& wire, QByteArray* raw)
{
    raw->resize(SWP_MAX_RAW_FRAME);
    swp_frame f{};
    swp_frame_decode(reinterpret_cast<const uint8_t*>(wire.constData()), static_cast<size_t>(wire.size() - 1),
                     reinterpret_cast<uint8_t*>(raw->data()), SWP_MAX_RAW_FRAME, &f);
    return f;
}

swp_message infoRequest()
{
    swp_message m{};
    m.type = SWP_MSG_INFO;
    return m;
}

}  // namespace

class TstHubLink : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void handshakeNegotiatesWindowAndPayload();
    void otherProtocolVersionIsRefusedClearly();
    void windowLimitsRequestsInFlight();
    void retransmissionKeepsTheSeq();
    void unsolicitedFramesAreEmitted();
    void readingAndTelemetryAnswerTheirRequests();
    void unplugFailsEveryPendingRequest();
    void corruptedReplyIsRejectedThenRetried();
    void roundTripsSetTheRetransmissionTimeout();
};

void TstHubLink::handshakeNegotiatesWindowAndPayload()
{
    FakeHubConfig config;
    config.window = 3;
    config.maxPayload = 512;
    FakeHub hub(config);
    MockLink mock(&hub);
    mock.open();
    QTRY_VERIFY(mock.isOpen());
    HubLink link(&mock);
    QVERIFY(!link.handshakeDone());
    bool done = false;
    link.handshake([&](const LinkReply& reply, const HubHello& hello) {
        QVERIFY(reply.ok());
        QCOMPARE(hello.window, quint8(3));
        QCOMPARE(hello.maxPayload, quint16(512));
        QCOMPARE(hello.model, QStringLiteral("SWH-FAKE"));
        QVERIFY(hello.has(SWP_CAP_FLASH_RLE));
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY(link.handshakeDone());
    QCOMPARE(link.maxPayload(), 512);
}

void TstHubLink::otherProtocolVersionIsRefusedClearly()
{
    ScriptedTransport transport;
    HubLink link(&transport);
    LinkReply result;
    bool done = false;
    link.handshake([&](const LinkReply& reply, const HubHello&) {
        result = reply;
        done = true;
    });
    QCOMPARE(transport.written.size(), 1);
    QByteArray raw;
    const swp_frame hello = decodeWritten(transport.written[0], &raw);
    swp_message answer{};
    answer.type = SWP_MSG_HELLO_REPLY;
    answer.body.helloReply.protocolVersion = 2;
    answer.body.helloReply.window = 4;
    transport.inject(frame(answer, 1, hello.header.seq));
    QVERIFY(done);
    QCOMPARE(result.error, LinkError::Protocol);
    QVERIFY2(result.errorText.contains(QStringLiteral("protocol version 2")), qPrintable(result.errorText));
    QVERIFY(!link.handshakeDone());
}

void TstHubLink::windowLimitsRequestsInFlight()
{
    FakeHubConfig config;
    config.window = 2;
    FakeHub hub(config);
    MockLink mock(&hub);
    mock.open();
    QTRY_VERIFY(mock.isOpen());
    HubLink link(&mock);
    bool shook = false;
    link.handshake([&](const LinkReply&, const HubHello&) { shook = true; });
    QTRY_VERIFY(shook);
    int answered = 0;
    int maxInFlight = 0;
    for (int i = 0; i < 5; ++i) {
        link.request(infoRequest(), [&](const LinkReply& r) {
            QVERIFY(r.ok());
            QCOMPARE(r.type, quint8(SWP_MSG_INFO_REPLY));
            maxInFlight = std::max(maxInFlight, link.inFlight());
            ++answered;
        });
    }
    QCOMPARE(link.inFlight(), 2);
    QCOMPARE(link.queued(), 3);
    QTRY_COMPARE(answered, 5);
    QVERIFY(maxInFlight <= 2);
}

void TstHubLink::retransmissionKeepsTheSeq()
{
    ScriptedTransport transport;
    HubLink link(&transport);
    link.setDefaultTiming({50, 3});
    LinkReply result;
    bool done = false;
    link.request(infoRequest(), [&](const LinkReply& r) {
        result = r;
        done = true;
    });
    QTRY_COMPARE(transport.written.size(), 2);  // the first attempt got no answer
    QCOMPARE(transport.written[0], transport.written[1]);  // same bytes, so the same seq
    QByteArray raw;
    const swp_frame sent = decodeWritten(transport.written[1], &raw);
    swp_message answer{};
    answer.type = SWP_MSG_INFO_REPLY;
    answer.body.infoReply.firmwareVersion = SWP_VERSION_PACK(3, 2, 1);
    transport.inject(frame(answer, 9, sent.header.seq));
    QVERIFY(done);
    QVERIFY(result.ok());
    QVERIFY(result.retransmitted);
    QCOMPARE(result.message.body.infoReply.firmwareVersion, SWP_VERSION_PACK(3, 2, 1));
    QCOMPARE(link.stats().retransmissions, quint64(1));
    // A late duplicate reply finds nothing pending and changes nothing.
    transport.inject(frame(answer, 10, sent.header.seq));
    QCOMPARE(link.inFlight(), 0);
}

void TstHubLink::unsolicitedFramesAreEmitted()
{
    ScriptedTransport transport;
    HubLink link(&transport);
    QSignalSpy spy(&link, &HubLink::unsolicited);
    swp_message telemetry{};
    telemetry.type = SWP_MSG_TELEMETRY;
    telemetry.body.telemetry.pvW = 2500;
    transport.inject(frame(telemetry, 4, 0));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy[0][0].value<quint8>(), quint8(SWP_MSG_TELEMETRY));
    swp_message decoded{};
    const QByteArray payload = spy[0][1].toByteArray();
    QCOMPARE(swp_message_decode(SWP_MSG_TELEMETRY, reinterpret_cast<const uint8_t*>(payload.constData()),
                                static_cast<size_t>(payload.size()), &decoded),
             SWP_OK);
    QCOMPARE(decoded.body.telemetry.pvW, 2500);
}

// READING_REQUEST is answered by a READING and SENSOR_FEED by a TELEMETRY, types of the
// unsolicited range: with the request's seq as ack they are its reply, not a broadcast.
void TstHubLink::readingAndTelemetryAnswerTheirRequests()
{
    ScriptedTransport transport;
    HubLink link(&transport);
    QSignalSpy unsolicited(&link, &HubLink::unsolicited);
    swp_message ask{};
    ask.type = SWP_MSG_READING_REQUEST;
    ask.body.readingRequest.periodStartS = 900;
    std::optional<LinkReply> reply;
    link.request(ask, [&](const LinkReply& r) { reply = r; });
    QCOMPARE(transport.written.size(), 1);
    QByteArray raw;
    const swp_frame sent = decodeWritten(transport.written.back(), &raw);
    swp_message reading{};
    reading.type = SWP_MSG_READING;
    reading.body.reading.periodStartS = 900;
    reading.body.reading.exportWh = 321;
    transport.inject(frame(reading, 9, 0));             // the period's broadcast: not the reply
    QVERIFY(!reply.has_value());
    QCOMPARE(unsolicited.size(), 1);
    transport.inject(frame(reading, 10, sent.header.seq));  // the answer
    QVERIFY(reply.has_value() && reply->ok());
    QCOMPARE(reply->type, quint8(SWP_MSG_READING));
    QCOMPARE(reply->message.body.reading.exportWh, 321u);
    QCOMPARE(unsolicited.size(), 1);
}

void TstHubLink::unplugFailsEveryPendingRequest()
{
    ScriptedTransport transport;
    HubLink link(&transport);
    QSignalSpy lost(&link, &HubLink::linkLost);
    QList<LinkError> errors;
    for (int i = 0; i < 3; ++i) {
        link.request(infoRequest(), [&](const LinkReply& r) { errors.append(r.error); });
    }
    QCOMPARE(link.inFlight() + link.queued(), 3);
    transport.pullCable();
    QCOMPARE(errors, (QList<LinkError>{LinkError::Unplugged, LinkError::Unplugged, LinkError::Unplugged}));
    QCOMPARE(lost.size(), 1);
    QCOMPARE(link.inFlight() + link.queued(), 0);
}

void TstHubLink::corruptedReplyIsRejectedThenRetried()
{
    FakeHub hub;
    MockLink mock(&hub);
    mock.open();
    QTRY_VERIFY(mock.isOpen());
    mock.addFault({MockFault::Kind::Corrupt, MockDirection::ToHost, 1, 0, -1});
    HubLink link(&mock);
    link.setDefaultTiming({60, 3});
    bool ok = false;
    link.request(infoRequest(), [&](const LinkReply& r) { ok = r.ok(); });
    QTRY_VERIFY(ok);
    QCOMPARE(link.stats().framesRejected, quint64(1));
    QVERIFY(link.stats().retransmissions >= 1);  // the corrupted reply was asked for again
}

void TstHubLink::roundTripsSetTheRetransmissionTimeout()
{
    FakeHub hub;
    MockLink mock(&hub);
    mock.setLatencyMs(40);  // 80 ms round trip
    mock.open();
    QTRY_VERIFY(mock.isOpen());
    HubLink link(&mock);
    link.setDefaultTiming({20, 4});  // floor below the round trip: the estimator must lift it
    int answered = 0;
    for (int i = 0; i < 6; ++i) {
        link.request(infoRequest(), [&](const LinkReply& r) { answered += r.ok() ? 1 : 0; });
        QTRY_COMPARE(answered, i + 1);
    }
    // The timeout follows the measured round trip, not the 20 ms floor that would resend
    // every request.
    QVERIFY2(link.retransmissionTimeoutMs() >= 80, qPrintable(QString::number(link.retransmissionTimeoutMs())));
    QVERIFY(link.stats().retransmissions < 6);
}

QTEST_GUILESS_MAIN(TstHubLink)
#include "tst_hublink.moc"
