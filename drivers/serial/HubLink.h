#pragma once
// The session layer of the hub link (docs/protocol.md, firmware/protocol): frames requests,
// gives each a sequence number, matches the hub's replies by their ack field, retransmits the
// same frame (same seq) when no reply arrives in time, and keeps at most `window` requests in
// flight as negotiated by the HELLO handshake (version and capabilities). Everything runs on
// the thread the link lives in; replies are delivered through callbacks on that thread.

#include "drivers/serial/HubTransport.h"
#include "firmware/protocol/swp_frame.h"
#include "firmware/protocol/swp_messages.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QTimer>

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>

namespace swarmergy::drivers {

enum class LinkError {
    None,
    Timeout,    // no reply after every retransmission
    Unplugged,  // the transport reported the device gone
    Closed,     // the link was closed or the request cancelled
    Protocol,   // the reply did not decode, or the hub speaks another protocol version
};

struct LinkReply {
    LinkError error = LinkError::None;
    QString errorText;       // empty when error == None
    quint8 type = 0;         // reply message type (swp_message_type)
    QByteArray payload;      // raw payload, for variable-length fields
    swp_message message{};   // decoded reply (replies carry no pointer fields)
    bool retransmitted = false;  // the request went out more than once

    bool ok() const { return error == LinkError::None; }
    // The status the hub put in the reply (RESULT, FLASH_STATUS, PROVISION_REPLY,
    // CONFIG_VALUE); SWP_OK for replies that carry none.
    swp_status hubStatus() const;
};

struct LinkTiming {
    // Per attempt, at least: the link waits max(this, its measured retransmission timeout).
    // A 1 KiB frame takes 90 ms at 115,200 baud.
    int replyTimeoutMs = 400;
    int retries = 4;           // retransmissions after the first attempt
};

// What the hub said in HELLO_REPLY, with the negotiated limits.
struct HubHello {
    quint8 protocolVersion = 0;
    quint16 maxPayload = 64;  // before the handshake: small frames only
    quint8 window = 1;
    quint32 capabilities = 0;
    quint32 firmwareVersion = 0;
    QString model;
    bool has(quint32 capability) const { return (capabilities & capability) != 0; }
};

struct LinkStats {
    quint64 framesSent = 0;
    quint64 retransmissions = 0;
    quint64 framesReceived = 0;
    quint64 framesRejected = 0;  // CRC, COBS or length errors seen by the decoder
    quint64 bytesSent = 0;
    quint64 bytesReceived = 0;
};

class HubLink final : public QObject {
    Q_OBJECT
public:
    using ReplyHandler = std::function<void(const LinkReply&)>;

    // The transport must outlive the link (or be its child).
    explicit HubLink(HubTransport* transport, QObject* parent = nullptr);
    ~HubLink() override;

    HubTransport* transport() const { return transport_; }
    void setDefaultTiming(LinkTiming timing) { timing_ = timing; }
    LinkTiming defaultTiming() const { return timing_; }

    // Queues a request; the handler runs exactly once, with the hub's reply or an error.
    void request(const swp_message& message, ReplyHandler handler);
    void request(const swp_message& message, LinkTiming timing, ReplyHandler handler);

    // HELLO: checks the protocol version and records capabilities, payload size and window.
    void handshake(std::function<void(const LinkReply&, const HubHello&)> done);
    bool handshakeDone() const { return handshakeDone_; }
    const HubHello& hello() const { return hello_; }
    // Payload bytes one request may carry after negotiation.
    int maxPayload() const { return hello_.maxPayload; }

    // Fails every queued and in-flight request with `error` (their handlers run now).
    void cancelAll(LinkError error, const QString& reason);
    // Forgets the handshake (after a reconnect the hub may have rebooted into another image).
    void resetSession();

    int inFlight() const { return static_cast<int>(pending_.size()); }
    // The current retransmission timeout, from measured round trips (RFC 6298).
    int retransmissionTimeoutMs() const { return static_cast<int>(rtoMs_); }
    int queued() const { return static_cast<int>(queue_.size()); }
    const LinkStats& stats() const { return stats_; }

    static constexpr quint8 kHostWindow = 8;
    static constexpr quint16 kHostMaxPayload = SWP_MAX_PAYLOAD;

Q_SIGNALS:
    // Hub messages nobody asked for (TELEMETRY, READING, UPLINK): type and raw payload.
    void unsolicited(quint8 type, const QByteArray& payload);
    void linkLost(const QString& reason);

private:
    struct Outgoing {
        quint8 type = 0;
        QByteArray payload;
        LinkTiming timing;
        ReplyHandler handler;
    };
    struct Pending {
        QByteArray wire;  // the encoded frame, resent as is
        int retriesLeft = 0;
        LinkTiming timing;
        ReplyHandler handler;
        std::unique_ptr<QTimer> timer;
        qint64 sentAtMs = 0;
        bool retransmitted = false;  // Karn: no RTT sample from a retransmitted request
    };

    void pump();
    void sendNow(Outgoing out);
    void onBytes(const QByteArray& bytes);
    void onFrame(const swp_frame& frame);
    void onTimeout(quint8 seq);
    void finish(quint8 seq, LinkReply reply);
    quint8 nextSeq();
    int attemptTimeoutMs(const LinkTiming& timing) const;
    void sampleRoundTrip(qint64 rttMs);
    int window() const { return handshakeDone_ ? hello_.window : 1; }

    HubTransport* transport_;
    LinkTiming timing_;
    HubHello hello_;
    bool handshakeDone_ = false;
    quint8 lastSeq_ = 0;
    quint8 lastPeerSeq_ = 0;
    std::unique_ptr<swp_decoder> decoder_;
    std::deque<Outgoing> queue_;
    QHash<quint8, std::shared_ptr<Pending>> pending_;
    LinkStats stats_;
    // Retransmission timeout estimator (RFC 6298): smoothed RTT and its variation, in ms.
    QElapsedTimer clock_;
    double srttMs_ = -1;
    double rttvarMs_ = 0;
    double rtoMs_ = 0;
};

// "timeout", "unplugged", ... for logs.
QString linkErrorName(LinkError error);

}  // namespace swarmergy::drivers
