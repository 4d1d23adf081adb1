#pragma once
// An in-process Smart Hub that speaks the hub link protocol (firmware/protocol) well enough to
// flash, reboot, confirm and provision it: the same resume rules as firmware/boot/swh_update.c
// (same size and hash resumes, chunks at next_offset, duplicates acknowledged again), the same
// technician challenge (HMAC-SHA256 of the nonce), replies cached per seq so a retransmitted
// request is answered without being executed twice. It does not check image signatures (it
// has no firmware key); the host virtual hub of firmware/port/host does.
//
// Bytes in, bytes out: no threads, no timers. MockLink and PtyFakeHub carry its bytes.

#include "firmware/protocol/swp_frame.h"
#include "firmware/protocol/swp_messages.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QList>
#include <QRandomGenerator>

#include <memory>

namespace swarmergy::drivers {

struct FakeHubConfig {
    quint32 firmwareVersion = SWP_VERSION_PACK(1, 0, 0);
    quint32 bootloaderVersion = SWP_VERSION_PACK(1, 0, 0);
    quint32 versionFloor = SWP_VERSION_PACK(1, 0, 0);
    quint32 capabilities = SWP_CAP_FLASH | SWP_CAP_PROVISION | SWP_CAP_CONFIG | SWP_CAP_FLASH_RLE;
    quint16 maxPayload = SWP_MAX_PAYLOAD;
    quint8 window = 4;
    // The DEMO technician credential of resources/keys/technician-demo.key, as the firmware.
    QByteArray technicianKey = QByteArray::fromHex(
        "f1daeb84500ab631184842330dd4632126e6467eda0b255285b98b099de223c2");
    QByteArray serial = QByteArrayLiteral("FAKE0001");  // 8 bytes
    quint32 seed = 1;  // nonces and identity keys are reproducible
};

class FakeHub {
public:
    explicit FakeHub(FakeHubConfig config = {});
    ~FakeHub();

    // Feeds bytes from the host; returns the hub's answer bytes (possibly empty).
    QByteArray receive(const QByteArray& bytes);
    // A reset of the hub's link (the USB bridge lost power): the half-received frame and the
    // reply cache go; the flash session survives (it is in the hub's RAM, like swh_update).
    void resetLink();
    // A power cycle: the flash session is lost too.
    void powerCycle();

    // Observations for tests.
    quint32 firmwareVersion() const { return firmwareVersion_; }
    bool imageConfirmed() const { return imageConfirmed_; }
    bool provisioned() const { return provisioned_; }
    QByteArray address() const { return address_; }
    quint32 rucheId() const { return rucheId_; }
    quint32 alveoleId() const { return alveoleId_; }
    // The ledger domain of the last PROVISION (protocol 1.1 tail); chainId 0 when it had none.
    quint64 ledgerChainId() const { return ledgerChainId_; }
    QByteArray ledgerNrgToken() const { return ledgerNrgToken_; }
    QByteArray installedImage() const { return installedImage_; }  // last verified image
    int chunksReceived() const { return chunksReceived_; }
    int rebootCount() const { return rebootCount_; }
    int framesRejected() const;

private:
    struct CachedReply {
        quint8 seq;
        QByteArray request;  // type byte + payload
        QByteArray reply;    // the encoded reply frame
    };
    QByteArray onFrame(quint8 type, quint8 seq, const QByteArray& payload);
    swp_message handle(quint8 type, const QByteArray& payload);
    QByteArray encodeReply(const swp_message& message, quint8 ack);
    void reboot();
    swp_message helloReply() const;
    swp_message onFlashBegin(const swp_flash_begin& begin);
    swp_message onFlashChunk(const swp_flash_chunk& chunk);
    swp_message onFlashEnd();
    swp_message onReboot(const swp_reboot& reboot);
    swp_message onProvision(const swp_provision& provision);
    swp_message infoReply() const;
    static swp_message result(quint8 requestType, swp_status status);
    static swp_message flashStatus(swp_status status, quint32 next, quint32 size);

    FakeHubConfig config_;
    std::unique_ptr<swp_decoder> decoder_;
    QRandomGenerator random_;
    quint8 seq_ = 0;
    QList<CachedReply> replyCache_;  // newest last

    quint32 firmwareVersion_;
    quint32 versionFloor_;
    quint32 previousVersion_ = 0;
    bool imageConfirmed_ = true;
    quint8 activeSlot_ = 0;
    quint32 uptimeS_ = 0;

    // Flash session (swh_update semantics).
    bool sessionActive_ = false;
    bool sessionVerified_ = false;
    quint32 imageSize_ = 0;
    QByteArray expectedSha_;
    QByteArray received_;
    quint32 receivedVersion_ = 0;
    QByteArray installedImage_;
    bool pendingTestBoot_ = false;
    int chunksReceived_ = 0;
    int rebootCount_ = 0;

    // Identity and provisioning.
    QByteArray nonce_;
    bool provisioned_ = false;
    quint64 ledgerChainId_ = 0;
    QByteArray ledgerNrgToken_;
    QByteArray address_{20, '\0'};
    quint32 rucheId_ = 0;
    quint32 alveoleId_ = 0;
};

}  // namespace swarmergy::drivers
