#include "drivers/mock/FakeHub.h"

#include "drivers/flash/FirmwareImage.h"
#include "firmware/protocol/swp_crc32.h"
#include "firmware/protocol/swp_rle.h"

#include <QMessageAuthenticationCode>

#include <algorithm>
#include <cstring>

namespace swarmergy::drivers {

namespace {

constexpr int kReplyCacheSize = 16;
constexpr quint32 kSlotCapacity = 0x44000u - 0x1000u;  // swh_flash_area.h slot minus trailer
constexpr int kMaxInflatedChunk = 4096;                // SWH_UPDATE_MAX_INFLATED

template <size_t N>
void copyBytes(uint8_t (&dst)[N], const QByteArray& src)
{
    std::memset(dst, 0, N);
    std::memcpy(dst, src.constData(), std::min<size_t>(N, static_cast<size_t>(src.size())));
}

QByteArray randomBytes(QRandomGenerator& random, int n)
{
    QByteArray out(n, '\0');
    for (char& c : out) {
        c = static_cast<char>(random.bounded(256));
    }
    return out;
}

}  // namespace

FakeHub::FakeHub(FakeHubConfig config)
    : config_(std::move(config)),
      decoder_(std::make_unique<swp_decoder>()),
      random_(config_.seed),
      firmwareVersion_(config_.firmwareVersion),
      versionFloor_(config_.versionFloor)
{
    swp_decoder_init(decoder_.get());
}

FakeHub::~FakeHub() = default;

int FakeHub::framesRejected() const { return static_cast<int>(decoder_->errorCount); }

void FakeHub::resetLink()
{
    swp_decoder_init(decoder_.get());
    replyCache_.clear();
}

void FakeHub::powerCycle()
{
    resetLink();
    sessionActive_ = false;
    sessionVerified_ = false;
    received_.clear();
}

QByteArray FakeHub::receive(const QByteArray& bytes)
{
    QByteArray out;
    for (const char c : bytes) {
        swp_frame frame{};
        if (swp_decoder_push(decoder_.get(), static_cast<uint8_t>(c), &frame) != SWP_DECODE_FRAME) {
            continue;
        }
        const QByteArray payload(reinterpret_cast<const char*>(frame.payload),
                                 frame.header.length);
        out += onFrame(frame.header.type, frame.header.seq, payload);
    }
    return out;
}

QByteArray FakeHub::onFrame(quint8 type, quint8 seq, const QByteArray& payload)
{
    // A retransmission is the same seq with the same bytes: answer it from the cache without
    // executing it again (a second FLASH_END or PROVISION must not run twice).
    // HELLO starts a new session first: the seqs of an old one mean nothing, and a host that
    // restarts at seq 1 must not get the previous session's replies (e.g. a used nonce).
    if (type == SWP_MSG_HELLO) {
        replyCache_.clear();
    }
    const QByteArray request = QByteArray(1, static_cast<char>(type)) + payload;
    for (const CachedReply& cached : replyCache_) {
        if (cached.seq == seq && cached.request == request) {
            return cached.reply;
        }
    }
    ++uptimeS_;
    const swp_message answer = handle(type, payload);
    const QByteArray frame = encodeReply(answer, seq);
    if (type == SWP_MSG_REBOOT && answer.type == SWP_MSG_RESULT &&
        answer.body.result.status == SWP_OK) {
        reboot();
        return frame;
    }
    replyCache_.append({seq, request, frame});
    if (replyCache_.size() > kReplyCacheSize) {
        replyCache_.removeFirst();
    }
    return frame;
}

QByteArray FakeHub::encodeReply(const swp_message& message, quint8 ack)
{
    uint8_t payload[SWP_MAX_PAYLOAD];
    size_t len = 0;
    if (swp_message_encode(&message, payload, sizeof payload, &len) != SWP_OK) {
        return {};
    }
    seq_ = static_cast<quint8>(seq_ == 255 ? 1 : seq_ + 1);
    const swp_header header{SWP_PROTOCOL_VERSION, message.type, seq_, ack,
                            static_cast<uint16_t>(len)};
    QByteArray wire(SWP_MAX_WIRE_FRAME, Qt::Uninitialized);
    const size_t n = swp_frame_encode(&header, payload, reinterpret_cast<uint8_t*>(wire.data()),
                                      static_cast<size_t>(wire.size()));
    wire.truncate(static_cast<qsizetype>(n));
    return wire;
}

swp_message FakeHub::result(quint8 requestType, swp_status status)
{
    swp_message m{};
    m.type = SWP_MSG_RESULT;
    m.body.result.requestType = requestType;
    m.body.result.status = static_cast<uint8_t>(status);
    return m;
}

swp_message FakeHub::flashStatus(swp_status status, quint32 next, quint32 size)
{
    swp_message m{};
    m.type = SWP_MSG_FLASH_STATUS;
    m.body.flashStatus.status = static_cast<uint8_t>(status);
    m.body.flashStatus.nextOffset = next;
    m.body.flashStatus.imageSize = size;
    return m;
}

swp_message FakeHub::handle(quint8 type, const QByteArray& payload)
{
    swp_message request{};
    const swp_status decoded = swp_message_decode(
        type, reinterpret_cast<const uint8_t*>(payload.constData()),
        static_cast<size_t>(payload.size()), &request);
    if (decoded != SWP_OK) {
        return result(type, decoded);
    }
    switch (type) {
    case SWP_MSG_HELLO: return helloReply();
    case SWP_MSG_INFO: return infoReply();
    case SWP_MSG_FLASH_BEGIN: return onFlashBegin(request.body.flashBegin);
    case SWP_MSG_FLASH_CHUNK: return onFlashChunk(request.body.flashChunk);
    case SWP_MSG_FLASH_END: return onFlashEnd();
    case SWP_MSG_REBOOT: return onReboot(request.body.reboot);
    case SWP_MSG_CONFIRM:
        imageConfirmed_ = true;
        return result(type, SWP_OK);
    case SWP_MSG_PROVISION_CHALLENGE: {
        nonce_ = randomBytes(random_, 32);
        swp_message m{};
        m.type = SWP_MSG_CHALLENGE;
        copyBytes(m.body.challenge.nonce, nonce_);
        return m;
    }
    case SWP_MSG_PROVISION: return onProvision(request.body.provision);
    default: return result(type, SWP_ERR_UNKNOWN_TYPE);
    }
}

swp_message FakeHub::helloReply() const
{
    swp_message m{};
    m.type = SWP_MSG_HELLO_REPLY;
    swp_hello_reply& r = m.body.helloReply;
    r.protocolVersion = SWP_PROTOCOL_VERSION;
    r.maxPayload = config_.maxPayload;
    r.window = config_.window;
    r.capabilities = config_.capabilities;
    r.firmwareVersion = firmwareVersion_;
    copyBytes(r.model, QByteArrayLiteral("SWH-FAKE"));
    return m;
}

swp_message FakeHub::infoReply() const
{
    swp_message m{};
    m.type = SWP_MSG_INFO_REPLY;
    swp_info_reply& r = m.body.infoReply;
    r.firmwareVersion = firmwareVersion_;
    r.bootloaderVersion = config_.bootloaderVersion;
    r.versionFloor = versionFloor_;
    r.activeSlot = activeSlot_;
    r.imageState = imageConfirmed_ ? 0 : 1;
    r.provisioned = provisioned_ ? 1 : 0;
    copyBytes(r.address, address_);
    r.rucheId = rucheId_;
    r.alveoleId = alveoleId_;
    r.uptimeS = uptimeS_;
    copyBytes(r.serial, config_.serial);
    return m;
}

swp_message FakeHub::onFlashBegin(const swp_flash_begin& begin)
{
    const QByteArray sha(reinterpret_cast<const char*>(begin.sha256), 32);
    if (!imageConfirmed_) {
        return flashStatus(SWP_ERR_UNCONFIRMED, 0, begin.imageSize);
    }
    if (begin.imageSize == 0 || begin.imageSize > kSlotCapacity) {
        return flashStatus(SWP_ERR_SIZE, 0, begin.imageSize);
    }
    if (sessionActive_ && !sessionVerified_ && imageSize_ == begin.imageSize &&
        expectedSha_ == sha) {
        return flashStatus(SWP_OK, static_cast<quint32>(received_.size()), imageSize_);  // resume
    }
    sessionActive_ = true;
    sessionVerified_ = false;
    imageSize_ = begin.imageSize;
    expectedSha_ = sha;
    received_.clear();
    return flashStatus(SWP_OK, 0, imageSize_);
}

swp_message FakeHub::onFlashChunk(const swp_flash_chunk& chunk)
{
    const auto next = static_cast<quint32>(received_.size());
    if (!sessionActive_ || sessionVerified_) {
        return flashStatus(SWP_ERR_STATE, next, imageSize_);
    }
    if (chunk.offset != next) {
        // An already received chunk is acknowledged again; one from the future is refused.
        return flashStatus(chunk.offset < next ? SWP_OK : SWP_ERR_OFFSET, next, imageSize_);
    }
    QByteArray inflated(kMaxInflatedChunk, Qt::Uninitialized);
    long n = -2;
    if (chunk.encoding == SWP_ENCODING_RAW && chunk.dataLen <= kMaxInflatedChunk) {
        n = chunk.dataLen;
        std::memcpy(inflated.data(), chunk.data, chunk.dataLen);
    } else if (chunk.encoding == SWP_ENCODING_RLE && (config_.capabilities & SWP_CAP_FLASH_RLE)) {
        n = swp_rle_decode(chunk.data, chunk.dataLen, reinterpret_cast<uint8_t*>(inflated.data()),
                           static_cast<size_t>(inflated.size()));
        if (n < 0) {
            return flashStatus(SWP_ERR_MALFORMED, next, imageSize_);
        }
    }
    if (n < 0) {
        return flashStatus(SWP_ERR_ENCODING, next, imageSize_);
    }
    if (static_cast<quint32>(n) > imageSize_ - next) {
        return flashStatus(SWP_ERR_SIZE, next, imageSize_);
    }
    received_.append(inflated.constData(), static_cast<qsizetype>(n));
    ++chunksReceived_;
    return flashStatus(SWP_OK, static_cast<quint32>(received_.size()), imageSize_);
}

swp_message FakeHub::onFlashEnd()
{
    const auto next = static_cast<quint32>(received_.size());
    if (!sessionActive_) {
        return flashStatus(SWP_ERR_STATE, next, imageSize_);
    }
    if (sessionVerified_) {
        return flashStatus(SWP_OK, next, imageSize_);
    }
    if (next != imageSize_) {
        return flashStatus(SWP_ERR_OFFSET, next, imageSize_);
    }
    if (QCryptographicHash::hash(received_, QCryptographicHash::Sha256) != expectedSha_) {
        sessionActive_ = false;
        return flashStatus(SWP_ERR_HASH, next, imageSize_);
    }
    QString error;
    const auto image = parseFirmwareImage(received_, QStringLiteral("received"), &error);
    if (!image) {
        sessionActive_ = false;
        return flashStatus(SWP_ERR_IMAGE_HEADER, next, imageSize_);
    }
    if (image->version < versionFloor_) {
        sessionActive_ = false;
        return flashStatus(SWP_ERR_IMAGE_DOWNGRADE, next, imageSize_);
    }
    sessionVerified_ = true;
    receivedVersion_ = image->version;
    return flashStatus(SWP_OK, next, imageSize_);
}

swp_message FakeHub::onReboot(const swp_reboot& reboot)
{
    if (reboot.mode == SWP_REBOOT_TEST_NEW_IMAGE) {
        if (!sessionVerified_) {
            return result(SWP_MSG_REBOOT, SWP_ERR_STATE);
        }
        pendingTestBoot_ = true;
    } else if (reboot.mode != SWP_REBOOT_NORMAL) {
        return result(SWP_MSG_REBOOT, SWP_ERR_RANGE);
    }
    return result(SWP_MSG_REBOOT, SWP_OK);
}

void FakeHub::reboot()
{
    ++rebootCount_;
    if (pendingTestBoot_) {
        previousVersion_ = firmwareVersion_;
        firmwareVersion_ = receivedVersion_;
        installedImage_ = received_;
        activeSlot_ = static_cast<quint8>(1 - activeSlot_);
        imageConfirmed_ = false;
        pendingTestBoot_ = false;
    } else if (!imageConfirmed_) {
        // A test image that was not confirmed: the bootloader rolls back.
        firmwareVersion_ = previousVersion_;
        activeSlot_ = static_cast<quint8>(1 - activeSlot_);
        imageConfirmed_ = true;
    }
    uptimeS_ = 0;
    powerCycle();
}

swp_message FakeHub::onProvision(const swp_provision& provision)
{
    swp_message m{};
    m.type = SWP_MSG_PROVISION_REPLY;
    const QByteArray expected = QMessageAuthenticationCode::hash(
        nonce_, config_.technicianKey, QCryptographicHash::Sha256);
    const QByteArray response(reinterpret_cast<const char*>(provision.response), 32);
    const bool granted = !nonce_.isEmpty() && response == expected;
    nonce_.clear();  // single use, granted or not
    if (!granted) {
        m.body.provisionReply.status = SWP_ERR_DENIED;
        return m;
    }
    // A new identity, with the address derived as Ethereum does (last 20 bytes of the
    // Keccak-256 of X || Y). The key is random, not a curve point: enough for the desktop.
    const QByteArray publicKey = randomBytes(random_, 64);
    address_ = QCryptographicHash::hash(publicKey, QCryptographicHash::Keccak_256).right(20);
    provisioned_ = true;
    rucheId_ = provision.rucheId;
    alveoleId_ = provision.alveoleId;
    ledgerChainId_ = provision.hasLedgerDomain ? provision.chainId : 0;
    ledgerNrgToken_ = provision.hasLedgerDomain
                          ? QByteArray(reinterpret_cast<const char*>(provision.nrgToken), 20)
                          : QByteArray();
    m.body.provisionReply.status = SWP_OK;
    copyBytes(m.body.provisionReply.address, address_);
    copyBytes(m.body.provisionReply.publicKey, publicKey);
    return m;
}

}  // namespace swarmergy::drivers
