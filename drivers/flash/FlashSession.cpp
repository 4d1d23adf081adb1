#include "drivers/flash/FlashSession.h"

#include "firmware/protocol/swp_rle.h"

#include <algorithm>

namespace swarmergy::drivers {

namespace {

constexpr quint32 kChunkHeaderBytes = 5;       // offset u32 + encoding u8
constexpr quint32 kMaxInflatedChunk = 4096;    // SWH_UPDATE_MAX_INFLATED of firmware/boot
constexpr qint64 kRateWindowMs = 3000;
constexpr qint64 kProgressSignalMs = 100;      // at most 10 progress signals per second

}  // namespace

QString flashStateName(FlashState state)
{
    switch (state) {
    case FlashState::Idle: return QStringLiteral("Idle");
    case FlashState::Connecting: return QStringLiteral("Connecting");
    case FlashState::Handshake: return QStringLiteral("Handshake");
    case FlashState::Beginning: return QStringLiteral("Beginning");
    case FlashState::Sending: return QStringLiteral("Sending");
    case FlashState::Verifying: return QStringLiteral("Verifying");
    case FlashState::Rebooting: return QStringLiteral("Rebooting");
    case FlashState::Confirming: return QStringLiteral("Confirming");
    case FlashState::Done: return QStringLiteral("Done");
    case FlashState::Failed: return QStringLiteral("Failed");
    case FlashState::Cancelled: return QStringLiteral("Cancelled");
    }
    return QStringLiteral("?");
}

bool isFinal(FlashState state)
{
    return state == FlashState::Done || state == FlashState::Failed ||
           state == FlashState::Cancelled;
}

FlashSession::FlashSession(HubLink* link, FlashOptions options, QObject* parent)
    : QObject(parent), link_(link), options_(options)
{
    qRegisterMetaType<FlashProgress>();
    qRegisterMetaType<FlashState>();
    stateTimer_.setSingleShot(true);
    connect(&stateTimer_, &QTimer::timeout, this, &FlashSession::onStateTimeout);
    reconnectTimer_.setSingleShot(true);
    connect(&reconnectTimer_, &QTimer::timeout, this, &FlashSession::tryOpen);
    HubTransport* transport = link_->transport();
    connect(transport, &HubTransport::opened, this, [this] {
        if (state_ == FlashState::Connecting) {
            startHandshake();
        } else if (state_ == FlashState::Confirming) {
            tryOpen();
        }
    });
    connect(transport, &HubTransport::openFailed, this, [this] {
        if (state_ == FlashState::Connecting || state_ == FlashState::Confirming) {
            reconnectTimer_.start(options_.reconnectIntervalMs);
        }
    });
    connect(link_, &HubLink::linkLost, this, &FlashSession::lostLink);
}

FlashSession::~FlashSession() = default;

template <typename F>
HubLink::ReplyHandler FlashSession::guarded(F handler)
{
    return [self = QPointer<FlashSession>(this), epoch = epoch_,
            handler = std::move(handler)](const LinkReply& reply) {
        if (self && self->epoch_ == epoch) {
            handler(reply);
        }
    };
}

bool FlashSession::start(const FirmwareImage& image)
{
    if (state_ != FlashState::Idle && !isFinal(state_)) {
        return false;
    }
    image_ = image;
    errorText_.clear();
    hubStatus_ = SWP_OK;
    resuming_ = false;
    resumes_ = 0;
    hashFailures_ = 0;
    window_ = 0;
    sendOffset_ = ackedOffset_ = 0;
    progress_ = FlashProgress{};
    progress_.bytesTotal = static_cast<quint64>(image_.bytes.size());
    rateSamples_.clear();
    clock_.start();
    lastProgressSignal_.start();
    link_->setDefaultTiming(options_.linkTiming);
    startConnecting();
    return true;
}

void FlashSession::enter(FlashState state)
{
    if (state != state_) {
        retriesLeft_ = options_.stateRetries;
    }
    state_ = state;
    ++epoch_;
    reconnectTimer_.stop();
    if (isFinal(state)) {
        stateTimer_.stop();
    } else {
        stateTimer_.start(timeoutFor(state));
    }
    Q_EMIT stateChanged(state);
}

int FlashSession::timeoutFor(FlashState state) const
{
    switch (state) {
    case FlashState::Connecting:
        return resuming_ ? options_.resumeWaitMs : options_.connectTimeoutMs;
    case FlashState::Handshake: return options_.handshakeTimeoutMs;
    case FlashState::Beginning: return options_.beginTimeoutMs;
    case FlashState::Sending: return options_.stallTimeoutMs;
    case FlashState::Verifying: return options_.verifyTimeoutMs;
    case FlashState::Rebooting: return options_.rebootTimeoutMs;
    case FlashState::Confirming: return options_.rebootTimeoutMs + options_.confirmTimeoutMs;
    default: return 0;
    }
}

void FlashSession::onStateTimeout()
{
    const bool retry = retriesLeft_-- > 0;
    if (state_ == FlashState::Handshake || state_ == FlashState::Beginning ||
        state_ == FlashState::Verifying) {
        // The request still retransmitting belongs to the attempt that timed out: drop it, or
        // it would hold the window the retry needs.
        ++epoch_;
        link_->cancelAll(LinkError::Closed, tr("state timeout"));
    }
    switch (state_) {
    case FlashState::Connecting:
        fail(resuming_ ? tr("Unplugged at %1 %: the hub did not come back in time. Reconnect it "
                            "and flash again to resume from %1 %.")
                             .arg(progress_.percent())
                       : tr("Cannot open %1: check the cable and that the hub is powered.")
                             .arg(link_->transport()->endpointName()));
        return;
    case FlashState::Handshake:
        retry ? startHandshake()
              : fail(tr("The hub does not answer: check the cable, the port and that the hub "
                        "is powered."));
        return;
    case FlashState::Beginning:
        retry ? startBegin() : fail(tr("The hub did not start the update (no reply to FLASH_BEGIN)."));
        return;
    case FlashState::Sending:
        // Nothing acknowledged for a while: drop what is in flight, ask the hub where it is
        // and resume from there (counted like a reconnection, so it cannot loop forever).
        link_->cancelAll(LinkError::Closed, tr("transfer stalled"));
        lostLink(tr("the transfer stalled at %1 %").arg(progress_.percent()));
        return;
    case FlashState::Verifying:
        retry ? startVerifying() : fail(tr("The hub did not report the verification result."));
        return;
    case FlashState::Rebooting:
        startConfirming();  // the reply may have been lost in the reset
        return;
    case FlashState::Confirming:
        fail(tr("The new image did not answer after the reboot: the hub will roll back to its "
                "previous image. Check the image and flash again."));
        return;
    default: return;
    }
}

void FlashSession::fail(const QString& message, swp_status hubStatus)
{
    errorText_ = message;
    hubStatus_ = hubStatus;
    enter(FlashState::Failed);
    link_->cancelAll(LinkError::Closed, message);
    Q_EMIT finished(FlashState::Failed, message);
}

void FlashSession::cancel()
{
    if (state_ == FlashState::Idle || isFinal(state_)) {
        return;
    }
    const int percent = progress_.percent();
    enter(FlashState::Cancelled);
    link_->cancelAll(LinkError::Closed, tr("cancelled"));
    Q_EMIT finished(FlashState::Cancelled,
                    tr("Cancelled at %1 %: flash the same image again to resume.").arg(percent));
}

void FlashSession::lostLink(const QString& reason)
{
    switch (state_) {
    case FlashState::Handshake:
    case FlashState::Beginning:
    case FlashState::Sending:
    case FlashState::Verifying:
        if (resumes_ >= options_.maxResumes) {
            fail(tr("The link dropped %1 times: check the cable, then flash again to resume.")
                     .arg(resumes_ + 1));
            return;
        }
        ++resumes_;
        resuming_ = true;
        Q_EMIT waitingForReconnect(progress_.percent(), reason);
        startConnecting();
        return;
    case FlashState::Rebooting: startConfirming(); return;
    case FlashState::Confirming: reconnectTimer_.start(options_.reconnectIntervalMs); return;
    default: return;
    }
}

// ---- Connecting / Handshake ----

void FlashSession::startConnecting()
{
    enter(FlashState::Connecting);
    tryOpen();
}

void FlashSession::tryOpen()
{
    HubTransport* transport = link_->transport();
    if (!transport->isOpen()) {
        transport->open();  // opened() or openFailed() brings us back here
        return;
    }
    if (state_ == FlashState::Connecting) {
        startHandshake();
    } else if (state_ == FlashState::Confirming) {
        link_->resetSession();
        link_->handshake([self = QPointer<FlashSession>(this), epoch = epoch_](
                             const LinkReply& reply, const HubHello& hello) {
            if (!self || self->epoch_ != epoch) {
                return;
            }
            if (!reply.ok()) {
                self->reconnectTimer_.start(self->options_.reconnectIntervalMs);
                return;
            }
            if (hello.firmwareVersion != self->image_.version) {
                self->fail(tr("After the reboot the hub runs %1, not %2: the new image did not "
                              "start and the bootloader kept the previous one.")
                               .arg(formatFirmwareVersion(hello.firmwareVersion),
                                    self->image_.versionText()));
                return;
            }
            swp_message confirm{};
            confirm.type = SWP_MSG_CONFIRM;
            self->link_->request(confirm, self->guarded([self](const LinkReply& r) {
                if (!r.ok()) {
                    self->reconnectTimer_.start(self->options_.reconnectIntervalMs);
                    return;
                }
                if (r.hubStatus() != SWP_OK) {
                    self->fail(tr("The hub refused to confirm the new image: %1.")
                                   .arg(self->describeHubError(r.hubStatus())),
                               r.hubStatus());
                    return;
                }
                self->enter(FlashState::Done);
                Q_EMIT self->finished(
                    FlashState::Done,
                    tr("Flashed %1 in %2 s; the hub runs it and confirmed it.")
                        .arg(self->image_.versionText())
                        .arg(self->clock_.elapsed() / 1000.0, 0, 'f', 1));
            }));
        });
    }
}

void FlashSession::startHandshake()
{
    enter(FlashState::Handshake);
    link_->resetSession();
    link_->handshake([self = QPointer<FlashSession>(this), epoch = epoch_](
                         const LinkReply& reply, const HubHello& hello) {
        if (!self || self->epoch_ != epoch) {
            return;
        }
        if (reply.error == LinkError::Unplugged || reply.error == LinkError::Closed) {
            return;  // lostLink() or cancel() took over
        }
        if (!reply.ok()) {
            if (reply.error == LinkError::Protocol) {
                self->fail(tr("Cannot talk to this hub: %1.").arg(reply.errorText));
            } else if (self->retriesLeft_-- > 0) {
                self->startHandshake();
            } else {
                self->fail(tr("The hub does not answer: check the cable, the port and that the "
                              "hub is powered."));
            }
            return;
        }
        if (!hello.has(SWP_CAP_FLASH)) {
            self->fail(tr("This hub (%1) cannot be flashed over the link.").arg(hello.model));
            return;
        }
        self->useRle_ = self->options_.allowCompression && hello.has(SWP_CAP_FLASH_RLE);
        self->startBegin();
    });
}

// ---- Beginning ----

void FlashSession::startBegin()
{
    enter(FlashState::Beginning);
    swp_message begin{};
    begin.type = SWP_MSG_FLASH_BEGIN;
    begin.body.flashBegin.imageSize = static_cast<uint32_t>(image_.bytes.size());
    std::copy(image_.sha256.begin(), image_.sha256.end(), begin.body.flashBegin.sha256);
    LinkTiming timing = options_.linkTiming;
    timing.replyTimeoutMs = std::max(timing.replyTimeoutMs, options_.beginTimeoutMs / 4);
    link_->request(begin, timing, guarded([this](const LinkReply& reply) {
        if (reply.error == LinkError::Unplugged || reply.error == LinkError::Closed) {
            return;
        }
        if (!reply.ok()) {
            onStateTimeout();  // same as the state's own timeout: retry or fail
            return;
        }
        const swp_status status = reply.hubStatus();
        if (reply.type != SWP_MSG_FLASH_STATUS || status != SWP_OK) {
            fail(tr("The hub refused to start the update: %1.").arg(describeHubError(status)),
                 status);
            return;
        }
        ackedOffset_ = sendOffset_ = reply.message.body.flashStatus.nextOffset;
        startSending();
    }));
}

// ---- Sending ----

QByteArray FlashSession::encodeChunk(quint32 offset, quint32* inflatedLen, quint8* encoding) const
{
    const quint32 cap = static_cast<quint32>(link_->maxPayload()) - kChunkHeaderBytes;
    const quint32 remaining = static_cast<quint32>(image_.bytes.size()) - offset;
    const auto* data = reinterpret_cast<const uint8_t*>(image_.bytes.constData()) + offset;
    const quint32 rawLen = std::min(cap, remaining);
    if (useRle_) {
        // The longest run of input whose RLE encoding fits in one payload (binary search:
        // the encoded length grows with the input length).
        quint32 lo = rawLen;
        quint32 hi = std::min(kMaxInflatedChunk, remaining);
        QByteArray best;
        QByteArray buffer(static_cast<qsizetype>(SWP_RLE_MAX_ENCODED(kMaxInflatedChunk)),
                          Qt::Uninitialized);
        auto* out = reinterpret_cast<uint8_t*>(buffer.data());
        quint32 bestLen = 0;
        while (lo <= hi) {
            const quint32 mid = lo + (hi - lo) / 2;
            const size_t n = swp_rle_encode(data, mid, out, static_cast<size_t>(buffer.size()));
            if (n > 0 && n <= cap) {
                bestLen = mid;
                best = QByteArray(buffer.constData(), static_cast<qsizetype>(n));
                lo = mid + 1;
            } else {
                if (mid == 0) {
                    break;
                }
                hi = mid - 1;
            }
        }
        // Compression must pay: an incompressible stretch goes raw.
        if (bestLen > rawLen) {
            *inflatedLen = bestLen;
            *encoding = SWP_ENCODING_RLE;
            return best;
        }
    }
    *inflatedLen = rawLen;
    *encoding = SWP_ENCODING_RAW;
    return QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(rawLen));
}

void FlashSession::shrinkWindow()
{
    window_ = std::max(1, window_ / 2);
    cleanAcks_ = 0;
}

void FlashSession::startSending()
{
    enter(FlashState::Sending);
    ++generation_;
    chunksInFlight_ = 0;
    // Keep what this flash learnt about the hub across resumes.
    const int advertised = std::max<int>(1, link_->hello().window);
    window_ = window_ == 0 ? advertised : std::min(window_, advertised);
    cleanAcks_ = 0;
    updateProgress(true);
    fillWindow();
}

void FlashSession::fillWindow()
{
    const auto size = static_cast<quint32>(image_.bytes.size());
    if (ackedOffset_ >= size) {
        startVerifying();
        return;
    }
    while (state_ == FlashState::Sending && chunksInFlight_ < window_ && sendOffset_ < size) {
        sendChunk();
    }
}

void FlashSession::sendChunk()
{
    quint32 inflatedLen = 0;
    quint8 encoding = SWP_ENCODING_RAW;
    const QByteArray data = encodeChunk(sendOffset_, &inflatedLen, &encoding);
    swp_message chunk{};
    chunk.type = SWP_MSG_FLASH_CHUNK;
    chunk.body.flashChunk.offset = sendOffset_;
    chunk.body.flashChunk.encoding = encoding;
    chunk.body.flashChunk.data = reinterpret_cast<const uint8_t*>(data.constData());
    chunk.body.flashChunk.dataLen = static_cast<uint16_t>(data.size());
    const quint32 offset = sendOffset_;
    const int generation = generation_;
    sendOffset_ += inflatedLen;
    ++chunksInFlight_;
    link_->request(chunk, guarded([this, offset, inflatedLen, generation](const LinkReply& r) {
        onChunkReply(r, offset, inflatedLen, generation);
    }));
}

void FlashSession::onChunkReply(const LinkReply& reply, quint32 offset, quint32 inflatedLen,
                                int generation)
{
    Q_UNUSED(offset);
    Q_UNUSED(inflatedLen);
    --chunksInFlight_;
    if (reply.error == LinkError::Unplugged || reply.error == LinkError::Closed) {
        return;
    }
    if (reply.error == LinkError::Timeout) {
        shrinkWindow();
        lostLink(tr("no acknowledgement from the hub"));
        return;
    }
    if (!reply.ok() || reply.type != SWP_MSG_FLASH_STATUS) {
        fail(tr("The hub answered a chunk unexpectedly: %1.")
                 .arg(reply.ok() ? describeHubError(reply.hubStatus()) : reply.errorText));
        return;
    }
    const swp_flash_status& status = reply.message.body.flashStatus;
    switch (status.status) {
    case SWP_OK:
        if (!reply.retransmitted && ++cleanAcks_ >= window_ &&
            window_ < std::max<int>(1, link_->hello().window)) {
            ++window_;
            cleanAcks_ = 0;
        }
        if (status.nextOffset > ackedOffset_) {
            ackedOffset_ = status.nextOffset;
            stateTimer_.start(options_.stallTimeoutMs);  // progress: the stall clock restarts
            updateProgress(false);
        }
        break;
    case SWP_ERR_OFFSET:
        // A chunk was lost: every later one is refused with the hub's offset. Go back once
        // (the generation check ignores the refusals of chunks sent before the rewind).
        if (generation == generation_ && status.nextOffset < sendOffset_) {
            shrinkWindow();
            ++generation_;
            sendOffset_ = status.nextOffset;
            ackedOffset_ = std::max(ackedOffset_, status.nextOffset);
        }
        break;
    case SWP_ERR_ENCODING:
    case SWP_ERR_MALFORMED:
        if (useRle_) {
            useRle_ = false;  // the hub claimed RLE but cannot inflate it: go raw
            ++generation_;
            sendOffset_ = status.nextOffset;
            break;
        }
        fail(tr("The hub refused a chunk: %1.").arg(describeHubError(
                 static_cast<swp_status>(status.status))), static_cast<swp_status>(status.status));
        return;
    case SWP_ERR_STATE:
        lostLink(tr("the hub lost the update session"));  // e.g. it was reset: begin again
        return;
    default:
        fail(tr("The hub refused a chunk: %1.").arg(describeHubError(
                 static_cast<swp_status>(status.status))), static_cast<swp_status>(status.status));
        return;
    }
    fillWindow();
}

// ---- Verifying, Rebooting, Confirming ----

void FlashSession::startVerifying()
{
    updateProgress(true);
    enter(FlashState::Verifying);
    swp_message end{};
    end.type = SWP_MSG_FLASH_END;
    LinkTiming timing = options_.linkTiming;
    timing.replyTimeoutMs = std::max(timing.replyTimeoutMs, options_.verifyTimeoutMs / 4);
    link_->request(end, timing, guarded([this](const LinkReply& reply) {
        if (reply.error == LinkError::Unplugged || reply.error == LinkError::Closed) {
            return;
        }
        if (!reply.ok()) {
            onStateTimeout();
            return;
        }
        const swp_status status = reply.hubStatus();
        const quint32 next = reply.message.body.flashStatus.nextOffset;
        if (reply.type == SWP_MSG_FLASH_STATUS && status == SWP_ERR_OFFSET) {
            ackedOffset_ = sendOffset_ = next;  // the hub has less than we thought
            startSending();
            return;
        }
        if (status == SWP_ERR_HASH && hashFailures_++ == 0) {
            ackedOffset_ = sendOffset_ = 0;  // the hub dropped the session: send it all again
            startBegin();
            return;
        }
        if (status != SWP_OK) {
            fail(tr("The hub refused the image: %1. The running image stays.")
                     .arg(describeHubError(status)),
                 status);
            return;
        }
        if (!options_.rebootAndConfirm) {
            enter(FlashState::Done);
            Q_EMIT finished(FlashState::Done, tr("Image %1 transferred and verified; reboot the "
                                                 "hub to test it.")
                                                  .arg(image_.versionText()));
            return;
        }
        startRebooting();
    }));
}

void FlashSession::startRebooting()
{
    enter(FlashState::Rebooting);
    swp_message reboot{};
    reboot.type = SWP_MSG_REBOOT;
    reboot.body.reboot.mode = SWP_REBOOT_TEST_NEW_IMAGE;
    link_->request(reboot, guarded([this](const LinkReply& reply) {
        if (reply.ok() && reply.hubStatus() != SWP_OK) {
            fail(tr("The hub refused to reboot into the new image: %1.")
                     .arg(describeHubError(reply.hubStatus())),
                 reply.hubStatus());
            return;
        }
        if (reply.error == LinkError::Closed) {
            return;
        }
        startConfirming();  // a lost reply is normal: the hub may reset before it is sent
    }));
}

void FlashSession::startConfirming()
{
    enter(FlashState::Confirming);
    reconnectTimer_.start(options_.reconnectIntervalMs);  // give the hub time to reset
}

// ---- Progress ----

void FlashSession::updateProgress(bool force)
{
    progress_.bytesDone = ackedOffset_;
    progress_.wireBytesSent = link_->stats().bytesSent;
    const qint64 now = clock_.elapsed();
    rateSamples_.emplace_back(now, progress_.bytesDone);
    while (rateSamples_.size() > 2 && now - rateSamples_.front().first > kRateWindowMs) {
        rateSamples_.pop_front();
    }
    const auto& [t0, b0] = rateSamples_.front();
    if (now > t0 && progress_.bytesDone > b0) {
        progress_.bytesPerSecond = (progress_.bytesDone - b0) * 1000.0 / (now - t0);
        progress_.secondsLeft =
            (progress_.bytesTotal - progress_.bytesDone) / progress_.bytesPerSecond;
    }
    if (force || lastProgressSignal_.elapsed() >= kProgressSignalMs ||
        progress_.bytesDone == progress_.bytesTotal) {
        lastProgressSignal_.restart();
        Q_EMIT progressChanged(progress_);
    }
}

QString FlashSession::describeHubError(swp_status status) const
{
    switch (status) {
    case SWP_ERR_UNCONFIRMED:
        return tr("the hub runs a test image that is not confirmed yet; reboot it (it rolls "
                  "back) or finish the previous update first");
    case SWP_ERR_SIZE: return tr("the image is larger than a slot");
    case SWP_ERR_HASH:
        return tr("the received bytes do not match the image's SHA-256 (corrupted in transfer)");
    case SWP_ERR_IMAGE_MAGIC: return tr("not a Swarmergy image");
    case SWP_ERR_IMAGE_HEADER: return tr("the image header is invalid");
    case SWP_ERR_IMAGE_TRUNCATED: return tr("the image is truncated");
    case SWP_ERR_IMAGE_HASH: return tr("the image is corrupted (content does not match its hash)");
    case SWP_ERR_IMAGE_SIGNATURE:
        return tr("the image is not signed by the cooperative's firmware key");
    case SWP_ERR_IMAGE_DOWNGRADE:
        return tr("the image is older than the hub's version floor (downgrade refused)");
    case SWP_ERR_FLASH_IO: return tr("the hub's flash failed to write");
    default: return QString::fromLatin1(swp_status_text(status));
    }
}

}  // namespace swarmergy::drivers
