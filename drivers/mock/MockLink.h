#pragma once
// A HubTransport to an in-process FakeHub with scripted faults, after QGroundControl's
// MockLink: drop, corrupt or delay the n-th frame in either direction, unplug (and replug
// after a while), random faults from a seed, and an optional line rate that serialises frames
// the way a 115,200-baud UART does (10 bits per byte: start, 8 data, stop). Time is real
// (QTimer), so the flasher's timeouts are exercised as they are on a cable.

#include "drivers/mock/FakeHub.h"
#include "drivers/serial/HubTransport.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTimer>

#include <deque>

namespace swarmergy::drivers {

enum class MockDirection { ToHub, ToHost };

struct MockFault {
    enum class Kind { Drop, Corrupt, Delay, Unplug };
    Kind kind = Kind::Drop;
    MockDirection direction = MockDirection::ToHub;
    quint64 frameNumber = 1;  // 1-based, counted per direction since the link was made
    int delayMs = 0;          // Delay: extra latency of that frame
    int replugAfterMs = -1;   // Unplug: replug after this long (-1: wait for replug())
};

class MockLink final : public HubTransport {
    Q_OBJECT
public:
    // The hub must outlive the link.
    explicit MockLink(FakeHub* hub, QObject* parent = nullptr);
    ~MockLink() override;

    void open() override;
    void close() override;
    void write(const QByteArray& bytes) override;
    bool isOpen() const override { return open_; }
    QString endpointName() const override { return QStringLiteral("mock"); }

    // 0 = unlimited. Bits per byte are 10 (8N1).
    void setLineRateBaud(int baud) { baud_ = baud; }
    void setLatencyMs(int latencyMs) { latencyMs_ = latencyMs; }
    void addFault(const MockFault& fault) { faults_.push_back(fault); }
    // Each frame, in both directions, is dropped or corrupted with these probabilities.
    void setRandomFaults(quint32 seed, double dropRate, double corruptRate);

    void unplug();
    void replug();
    bool pluggedIn() const { return pluggedIn_; }

    quint64 framesToHub() const { return framesSent_[0]; }
    quint64 framesToHost() const { return framesSent_[1]; }
    quint64 bytesToHub() const { return bytesSent_[0]; }
    quint64 faultsInjected() const { return faultsInjected_; }

Q_SIGNALS:
    void replugged();

private:
    struct InFlight {
        double deliverAtMs;
        QByteArray bytes;
    };
    static int index(MockDirection d) { return d == MockDirection::ToHub ? 0 : 1; }
    void sendFrames(MockDirection direction, const QByteArray& bytes);
    void sendFrame(MockDirection direction, QByteArray frame);
    void deliverDue();
    void schedule();
    void dropEverything();

    FakeHub* hub_;
    bool open_ = false;
    bool pluggedIn_ = true;
    int baud_ = 0;
    int latencyMs_ = 0;
    std::vector<MockFault> faults_;
    QRandomGenerator random_;
    double dropRate_ = 0;
    double corruptRate_ = 0;
    QByteArray partial_[2];      // bytes of an unfinished frame, per direction
    double lineBusyUntilMs_[2] = {0, 0};
    quint64 framesSent_[2] = {0, 0};
    quint64 bytesSent_[2] = {0, 0};
    quint64 faultsInjected_ = 0;
    std::deque<InFlight> inFlight_[2];
    QElapsedTimer clock_;
    QTimer timer_;
};

}  // namespace swarmergy::drivers
