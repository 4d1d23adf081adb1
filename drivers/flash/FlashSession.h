#pragma once
// The flasher, written as an explicit state machine with a timeout per state (QGroundControl's
// firmware upgrader is the model):
//
//   Idle -> Connecting -> Handshake -> Beginning -> Sending -> Verifying -> Rebooting
//        -> Confirming (reconnect, HELLO shows the new version, CONFIRM) -> Done
//   any state -> Failed | Cancelled
//
// Sending keeps up to the negotiated window of FLASH_CHUNKs in flight (RLE-compressed when
// the hub has SWP_CAP_FLASH_RLE and it helps). An unplug or a dead link in Beginning, Sending
// or Verifying goes back to Connecting and, once the hub answers again, FLASH_BEGIN with the
// same size and hash makes the hub report how far it got: the transfer resumes from there.
// Each state has its own timeout and retry budget; cancel() stops at once.

#include "drivers/flash/FirmwareImage.h"
#include "drivers/serial/HubLink.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>

namespace swarmergy::drivers {

enum class FlashState {
    Idle,
    Connecting,
    Handshake,
    Beginning,   // FLASH_BEGIN: the hub erases the other slot or reports a resume offset
    Sending,
    Verifying,   // FLASH_END: SHA-256 of everything received, then signature and version floor
    Rebooting,   // REBOOT into the new image for a test boot
    Confirming,  // the new image answers HELLO with its version; CONFIRM keeps it
    Done,
    Failed,
    Cancelled,
};

QString flashStateName(FlashState state);  // "Sending", for logs
bool isFinal(FlashState state);

struct FlashOptions {
    bool allowCompression = true;   // RLE chunks when the hub accepts them
    bool rebootAndConfirm = true;   // false: stop after Verifying (image staged)
    int connectTimeoutMs = 10000;   // first connection
    int resumeWaitMs = 120000;      // after an unplug: time the technician has to reconnect
    int reconnectIntervalMs = 250;
    int handshakeTimeoutMs = 3000;
    int beginTimeoutMs = 20000;     // erasing a 272 KiB slot takes seconds on real flash
    int stallTimeoutMs = 5000;      // Sending: no acknowledged byte for this long
    int verifyTimeoutMs = 15000;
    int rebootTimeoutMs = 30000;    // from REBOOT to the new image's HELLO
    int confirmTimeoutMs = 5000;
    int stateRetries = 2;           // re-entries of a state after its timeout
    int maxResumes = 10;            // reconnections during one flash
    LinkTiming linkTiming{};        // per-request timeout and retransmissions
};

struct FlashProgress {
    quint64 bytesDone = 0;       // image bytes the hub acknowledged
    quint64 bytesTotal = 0;
    double bytesPerSecond = 0;   // image bytes per second, over the last few seconds
    double secondsLeft = -1;     // -1 while unknown
    quint64 wireBytesSent = 0;   // bytes written on the link (frames, retransmissions)
    int percent() const
    {
        return bytesTotal == 0 ? 0 : static_cast<int>(bytesDone * 100 / bytesTotal);
    }
};

class FlashSession final : public QObject {
    Q_OBJECT
public:
    // The link (and its transport) must outlive the session.
    explicit FlashSession(HubLink* link, FlashOptions options = {}, QObject* parent = nullptr);
    ~FlashSession() override;

    // Starts flashing; returns false (and does nothing) unless Idle or final.
    bool start(const FirmwareImage& image);
    void cancel();

    FlashState state() const { return state_; }
    const FlashProgress& progress() const { return progress_; }
    QString errorText() const { return errorText_; }  // set in Failed
    swp_status hubStatus() const { return hubStatus_; }  // the hub's reason, when it gave one
    bool compressed() const { return useRle_; }
    int resumeCount() const { return resumes_; }
    quint32 newFirmwareVersion() const { return image_.version; }

Q_SIGNALS:
    void stateChanged(swarmergy::drivers::FlashState state);
    void progressChanged(const swarmergy::drivers::FlashProgress& progress);
    // The link went away mid-transfer; the session waits for the hub to come back.
    void waitingForReconnect(int percent, const QString& reason);
    void finished(swarmergy::drivers::FlashState finalState, const QString& message);

private:
    void enter(FlashState state);
    int timeoutFor(FlashState state) const;
    void onStateTimeout();
    void fail(const QString& message, swp_status hubStatus = SWP_OK);
    void lostLink(const QString& reason);

    void startConnecting();
    void tryOpen();
    void startHandshake();
    void startBegin();
    void startSending();
    void fillWindow();
    void sendChunk();
    void onChunkReply(const LinkReply& reply, quint32 offset, quint32 inflatedLen, int generation);
    void shrinkWindow();
    void startVerifying();
    void startRebooting();
    void startConfirming();
    void updateProgress(bool force);
    QByteArray encodeChunk(quint32 offset, quint32* inflatedLen, quint8* encoding) const;
    QString describeHubError(swp_status status) const;

    // Wraps a reply handler so it runs only while the session is alive and still in the
    // state (epoch) that sent the request.
    template <typename F>
    HubLink::ReplyHandler guarded(F handler);

    HubLink* link_;
    FlashOptions options_;
    FirmwareImage image_;
    FlashState state_ = FlashState::Idle;
    quint64 epoch_ = 0;
    int retriesLeft_ = 0;
    QTimer stateTimer_;
    QTimer reconnectTimer_;
    QString errorText_;
    swp_status hubStatus_ = SWP_OK;
    int hashFailures_ = 0;           // a hash mismatch restarts the transfer once
    bool resuming_ = false;          // Connecting after a lost link
    int resumes_ = 0;
    bool useRle_ = false;

    quint32 sendOffset_ = 0;         // next image byte to send
    quint32 ackedOffset_ = 0;        // the hub's next_offset
    int generation_ = 0;             // bumps at every rewind; older ERR_OFFSETs are stale
    int chunksInFlight_ = 0;
    // Chunks allowed in flight: halved on a loss, grown by one after a window of clean
    // acknowledgements (additive increase, multiplicative decrease, as TCP's congestion
    // window), so a hub whose receive buffer is smaller than its advertised window still
    // gets a steady stream instead of repeated overflows.
    int window_ = 0;  // 0 until the first Sending of a flash
    int cleanAcks_ = 0;

    FlashProgress progress_;
    QElapsedTimer clock_;
    QElapsedTimer lastProgressSignal_;
    std::deque<std::pair<qint64, quint64>> rateSamples_;  // (ms, bytesDone)
    QMetaObject::Connection unplugConnection_;
};

}  // namespace swarmergy::drivers

Q_DECLARE_METATYPE(swarmergy::drivers::FlashProgress)
