#include "drivers/serial/HubLink.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace swarmergy::drivers {

namespace {

bool isUnsolicitedType(quint8 type) { return type >= 0xC0 && type <= 0xCF; }

}  // namespace

swp_status LinkReply::hubStatus() const
{
    switch (type) {
    case SWP_MSG_RESULT: return static_cast<swp_status>(message.body.result.status);
    case SWP_MSG_FLASH_STATUS: return static_cast<swp_status>(message.body.flashStatus.status);
    case SWP_MSG_PROVISION_REPLY:
        return static_cast<swp_status>(message.body.provisionReply.status);
    case SWP_MSG_CONFIG_VALUE: return static_cast<swp_status>(message.body.configValue.status);
    default: return SWP_OK;
    }
}

QString linkErrorName(LinkError error)
{
    switch (error) {
    case LinkError::None: return QStringLiteral("ok");
    case LinkError::Timeout: return QStringLiteral("timeout");
    case LinkError::Unplugged: return QStringLiteral("unplugged");
    case LinkError::Closed: return QStringLiteral("closed");
    case LinkError::Protocol: return QStringLiteral("protocol error");
    }
    return QStringLiteral("?");
}

HubLink::HubLink(HubTransport* transport, QObject* parent)
    : QObject(parent), transport_(transport), decoder_(std::make_unique<swp_decoder>())
{
    swp_decoder_init(decoder_.get());
    clock_.start();
    connect(transport_, &HubTransport::bytesReceived, this, &HubLink::onBytes);
    connect(transport_, &HubTransport::unplugged, this, [this](const QString& reason) {
        cancelAll(LinkError::Unplugged, reason);
        Q_EMIT linkLost(reason);
    });
    connect(transport_, &HubTransport::closed, this,
            [this] { cancelAll(LinkError::Closed, tr("link closed")); });
}

HubLink::~HubLink()
{
    // Handlers may reference objects being destroyed with us: drop them without calling.
    queue_.clear();
    pending_.clear();
}

void HubLink::request(const swp_message& message, ReplyHandler handler)
{
    request(message, timing_, std::move(handler));
}

void HubLink::request(const swp_message& message, LinkTiming timing, ReplyHandler handler)
{
    QByteArray payload(SWP_MAX_PAYLOAD, Qt::Uninitialized);
    size_t len = 0;
    const swp_status status = swp_message_encode(
        &message, reinterpret_cast<uint8_t*>(payload.data()), hello_.maxPayload, &len);
    if (status != SWP_OK) {
        LinkReply reply;
        reply.error = LinkError::Protocol;
        reply.errorText = tr("cannot encode %1: %2")
                              .arg(QString::fromLatin1(swp_message_name(message.type)),
                                   QString::fromLatin1(swp_status_text(status)));
        handler(reply);
        return;
    }
    payload.truncate(static_cast<qsizetype>(len));
    queue_.push_back({message.type, std::move(payload), timing, std::move(handler)});
    pump();
}

void HubLink::pump()
{
    while (!queue_.empty() && inFlight() < window()) {
        Outgoing out = std::move(queue_.front());
        queue_.pop_front();
        sendNow(std::move(out));
    }
}

quint8 HubLink::nextSeq()
{
    // 1..255 (0 means "no frame" in the ack field), skipping any still in flight.
    do {
        lastSeq_ = static_cast<quint8>(lastSeq_ == 255 ? 1 : lastSeq_ + 1);
    } while (pending_.contains(lastSeq_));
    return lastSeq_;
}

void HubLink::sendNow(Outgoing out)
{
    const quint8 seq = nextSeq();
    swp_header header{SWP_PROTOCOL_VERSION, out.type, seq, lastPeerSeq_,
                      static_cast<uint16_t>(out.payload.size())};
    QByteArray wire(SWP_MAX_WIRE_FRAME, Qt::Uninitialized);
    const size_t n =
        swp_frame_encode(&header, reinterpret_cast<const uint8_t*>(out.payload.constData()),
                         reinterpret_cast<uint8_t*>(wire.data()), static_cast<size_t>(wire.size()));
    wire.truncate(static_cast<qsizetype>(n));

    auto pending = std::make_shared<Pending>();
    pending->wire = wire;
    pending->retriesLeft = out.timing.retries;
    pending->timing = out.timing;
    pending->handler = std::move(out.handler);
    pending->timer = std::make_unique<QTimer>();
    pending->sentAtMs = clock_.elapsed();
    pending->timer->setSingleShot(true);
    connect(pending->timer.get(), &QTimer::timeout, this, [this, seq] { onTimeout(seq); });
    pending_.insert(seq, pending);

    ++stats_.framesSent;
    stats_.bytesSent += static_cast<quint64>(wire.size());
    transport_->write(wire);
    pending->timer->start(attemptTimeoutMs(out.timing));
}

int HubLink::attemptTimeoutMs(const LinkTiming& timing) const
{
    return std::max(timing.replyTimeoutMs, static_cast<int>(rtoMs_));
}

void HubLink::sampleRoundTrip(qint64 rttMs)
{
    // RFC 6298 section 2: alpha = 1/8, beta = 1/4, RTO = SRTT + 4 RTTVAR (K = 4); the
    // 1 s floor of the RFC is for the Internet: a serial link's floor is tens of ms.
    const double r = static_cast<double>(rttMs);
    if (srttMs_ < 0) {
        srttMs_ = r;
        rttvarMs_ = r / 2;
    } else {
        rttvarMs_ = 0.75 * rttvarMs_ + 0.25 * std::abs(srttMs_ - r);
        srttMs_ = 0.875 * srttMs_ + 0.125 * r;
    }
    rtoMs_ = std::clamp(srttMs_ + 4 * rttvarMs_, 20.0, 10000.0);
}

void HubLink::onTimeout(quint8 seq)
{
    auto it = pending_.find(seq);
    if (it == pending_.end()) {
        return;
    }
    Pending& pending = **it;
    if (pending.retriesLeft <= 0) {
        LinkReply reply;
        reply.error = LinkError::Timeout;
        reply.errorText = tr("no reply from the hub after %n attempt(s)", nullptr,
                             pending.timing.retries + 1);
        finish(seq, std::move(reply));
        return;
    }
    --pending.retriesLeft;
    pending.retransmitted = true;
    // Back off (RFC 6298 section 5.5): the link is slower than measured, or congested.
    rtoMs_ = std::min(std::max(rtoMs_, static_cast<double>(pending.timing.replyTimeoutMs)) * 2, 10000.0);
    ++stats_.retransmissions;
    ++stats_.framesSent;
    stats_.bytesSent += static_cast<quint64>(pending.wire.size());
    transport_->write(pending.wire);  // same seq: the hub answers a duplicate from its cache
    pending.timer->start(attemptTimeoutMs(pending.timing));
}

void HubLink::onBytes(const QByteArray& bytes)
{
    stats_.bytesReceived += static_cast<quint64>(bytes.size());
    for (const char c : bytes) {
        swp_frame frame{};
        const swp_decode_result r =
            swp_decoder_push(decoder_.get(), static_cast<uint8_t>(c), &frame);
        if (r == SWP_DECODE_FRAME) {
            ++stats_.framesReceived;
            onFrame(frame);
        } else if (r < 0) {
            ++stats_.framesRejected;
        }
    }
}

void HubLink::onFrame(const swp_frame& frame)
{
    lastPeerSeq_ = frame.header.seq;
    const QByteArray payload(reinterpret_cast<const char*>(frame.payload), frame.header.length);
    // TELEMETRY and READING are also replies (to SENSOR_FEED and READING_REQUEST): only a
    // frame that answers none of our requests is unsolicited (docs/protocol.md: ack 0).
    if (isUnsolicitedType(frame.header.type) &&
        (frame.header.ack == 0 || !pending_.contains(frame.header.ack))) {
        Q_EMIT unsolicited(frame.header.type, payload);
        return;
    }
    if (!pending_.contains(frame.header.ack)) {
        return;  // a late reply to a retransmitted request that already completed
    }
    LinkReply reply;
    reply.type = frame.header.type;
    reply.payload = payload;
    const swp_status status =
        swp_message_decode(reply.type, reinterpret_cast<const uint8_t*>(reply.payload.constData()),
                           static_cast<size_t>(reply.payload.size()), &reply.message);
    if (status != SWP_OK) {
        reply.error = LinkError::Protocol;
        reply.errorText = tr("the hub sent a malformed %1 (%2)")
                              .arg(QString::fromLatin1(swp_message_name(reply.type)),
                                   QString::fromLatin1(swp_status_text(status)));
    }
    finish(frame.header.ack, std::move(reply));
}

void HubLink::finish(quint8 seq, LinkReply reply)
{
    auto it = pending_.find(seq);
    if (it == pending_.end()) {
        return;
    }
    std::shared_ptr<Pending> pending = *it;
    pending_.erase(it);
    pending->timer->stop();
    reply.retransmitted = pending->retransmitted;
    if (reply.error == LinkError::None && !pending->retransmitted) {
        sampleRoundTrip(clock_.elapsed() - pending->sentAtMs);
    }
    pump();  // refill the window before the handler, which may queue more
    if (pending->handler) {
        pending->handler(reply);
    }
}

void HubLink::cancelAll(LinkError error, const QString& reason)
{
    std::deque<Outgoing> queued;
    queued.swap(queue_);
    const auto seqs = pending_.keys();
    LinkReply reply;
    reply.error = error;
    reply.errorText = reason;
    for (const quint8 seq : seqs) {
        auto it = pending_.find(seq);
        if (it == pending_.end()) {
            continue;
        }
        std::shared_ptr<Pending> pending = *it;
        pending_.erase(it);
        pending->timer->stop();
        if (pending->handler) {
            pending->handler(reply);
        }
    }
    for (Outgoing& out : queued) {
        if (out.handler) {
            out.handler(reply);
        }
    }
    swp_decoder_init(decoder_.get());  // drop a half-received frame
}

void HubLink::resetSession()
{
    handshakeDone_ = false;
    hello_ = HubHello{};
    srttMs_ = -1;  // the next hub (or the same after a reset) gets measured afresh
    rttvarMs_ = 0;
    rtoMs_ = 0;
}

void HubLink::handshake(std::function<void(const LinkReply&, const HubHello&)> done)
{
    swp_message hello{};
    hello.type = SWP_MSG_HELLO;
    hello.body.hello.protocolVersion = SWP_PROTOCOL_VERSION;
    hello.body.hello.maxPayload = kHostMaxPayload;
    hello.body.hello.window = kHostWindow;
    request(hello, [this, done = std::move(done)](const LinkReply& replyIn) {
        LinkReply reply = replyIn;
        if (reply.ok() && reply.type != SWP_MSG_HELLO_REPLY) {
            reply.error = LinkError::Protocol;
            reply.errorText = tr("the hub answered HELLO with %1 (%2)")
                                  .arg(QString::fromLatin1(swp_message_name(reply.type)),
                                       QString::fromLatin1(swp_status_text(reply.hubStatus())));
        }
        if (reply.ok()) {
            const swp_hello_reply& r = reply.message.body.helloReply;
            if (r.protocolVersion != SWP_PROTOCOL_VERSION) {
                reply.error = LinkError::Protocol;
                reply.errorText = tr("the hub speaks protocol version %1, this console %2")
                                      .arg(r.protocolVersion)
                                      .arg(SWP_PROTOCOL_VERSION);
            } else {
                hello_.protocolVersion = r.protocolVersion;
                hello_.maxPayload = std::min<quint16>(r.maxPayload, kHostMaxPayload);
                hello_.window = std::clamp<quint8>(r.window, 1, kHostWindow);
                hello_.capabilities = r.capabilities;
                hello_.firmwareVersion = r.firmwareVersion;
                hello_.model = QString::fromLatin1(
                    reinterpret_cast<const char*>(r.model),
                    static_cast<qsizetype>(strnlen(reinterpret_cast<const char*>(r.model),
                                                   sizeof r.model)));
                handshakeDone_ = true;
                pump();
            }
        }
        done(reply, hello_);
    });
}

}  // namespace swarmergy::drivers
