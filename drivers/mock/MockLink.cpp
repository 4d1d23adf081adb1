#include "drivers/mock/MockLink.h"

#include <algorithm>
#include <cmath>

namespace swarmergy::drivers {

MockLink::MockLink(FakeHub* hub, QObject* parent) : HubTransport(parent), hub_(hub)
{
    clock_.start();
    timer_.setSingleShot(true);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &MockLink::deliverDue);
}

MockLink::~MockLink() = default;

void MockLink::setRandomFaults(quint32 seed, double dropRate, double corruptRate)
{
    random_.seed(seed);
    dropRate_ = dropRate;
    corruptRate_ = corruptRate;
}

void MockLink::open()
{
    // Signals go out from the event loop, as a real port's do, never inside the caller.
    QTimer::singleShot(0, this, [this] {
        if (!pluggedIn_) {
            Q_EMIT openFailed(tr("no such device (the mock hub is unplugged)"));
            return;
        }
        open_ = true;
        Q_EMIT opened();
    });
}

void MockLink::close()
{
    const bool wasOpen = open_;
    open_ = false;
    dropEverything();
    if (wasOpen) {
        QTimer::singleShot(0, this, [this] { Q_EMIT closed(); });
    }
}

void MockLink::unplug()
{
    pluggedIn_ = false;
    const bool wasOpen = open_;
    open_ = false;
    dropEverything();
    hub_->resetLink();
    if (wasOpen) {
        QTimer::singleShot(0, this, [this] {
            Q_EMIT unplugged(tr("the device was removed (mock unplug)"));
        });
    }
}

void MockLink::replug()
{
    pluggedIn_ = true;
    Q_EMIT replugged();
}

void MockLink::dropEverything()
{
    for (int d = 0; d < 2; ++d) {
        inFlight_[d].clear();
        partial_[d].clear();
        lineBusyUntilMs_[d] = 0;
    }
    timer_.stop();
}

void MockLink::write(const QByteArray& bytes)
{
    if (!open_) {
        QTimer::singleShot(0, this, [this] { Q_EMIT errorOccurred(tr("write on a closed port")); });
        return;
    }
    sendFrames(MockDirection::ToHub, bytes);
}

void MockLink::sendFrames(MockDirection direction, const QByteArray& bytes)
{
    QByteArray& partial = partial_[index(direction)];
    partial += bytes;
    qsizetype end = 0;
    while ((end = partial.indexOf('\0')) >= 0) {
        QByteArray frame = partial.left(end + 1);
        partial.remove(0, end + 1);
        sendFrame(direction, std::move(frame));
        if (!open_) {
            return;  // an unplug fault fired
        }
    }
}

void MockLink::sendFrame(MockDirection direction, QByteArray frame)
{
    const int d = index(direction);
    const quint64 number = ++framesSent_[d];
    bytesSent_[d] += static_cast<quint64>(frame.size());
    int extraDelayMs = 0;
    bool drop = dropRate_ > 0 && random_.generateDouble() < dropRate_;
    bool corrupt = corruptRate_ > 0 && random_.generateDouble() < corruptRate_;
    for (const MockFault& f : faults_) {
        if (f.direction != direction || f.frameNumber != number) {
            continue;
        }
        switch (f.kind) {
        case MockFault::Kind::Drop: drop = true; break;
        case MockFault::Kind::Corrupt: corrupt = true; break;
        case MockFault::Kind::Delay: extraDelayMs += f.delayMs; break;
        case MockFault::Kind::Unplug:
            ++faultsInjected_;
            unplug();
            if (f.replugAfterMs >= 0) {
                QTimer::singleShot(f.replugAfterMs, this, &MockLink::replug);
            }
            return;
        }
    }
    if (drop) {
        ++faultsInjected_;
        return;
    }
    if (corrupt && frame.size() > 2) {
        ++faultsInjected_;
        char& byte = frame[frame.size() / 2];
        byte = static_cast<char>(byte ^ 0x10);
        if (byte == '\0') {
            byte = static_cast<char>(0x01);  // keep the frame in one piece: the CRC catches it
        }
    }
    // The line carries one frame after another: 10 bits per byte at baud_.
    const double now = static_cast<double>(clock_.nsecsElapsed()) / 1e6;
    const double start = std::max(now, lineBusyUntilMs_[d]);
    const double wireMs = baud_ > 0 ? frame.size() * 10.0 * 1000.0 / baud_ : 0.0;
    lineBusyUntilMs_[d] = start + wireMs;
    inFlight_[d].push_back({start + wireMs + latencyMs_ + extraDelayMs, std::move(frame)});
    schedule();
}

void MockLink::schedule()
{
    double next = -1;
    for (const auto& queue : inFlight_) {
        for (const InFlight& f : queue) {
            next = next < 0 ? f.deliverAtMs : std::min(next, f.deliverAtMs);
        }
    }
    if (next < 0) {
        return;
    }
    const double now = static_cast<double>(clock_.nsecsElapsed()) / 1e6;
    timer_.start(std::max(0, static_cast<int>(std::ceil(next - now))));
}

void MockLink::deliverDue()
{
    const double now = static_cast<double>(clock_.nsecsElapsed()) / 1e6;
    for (int d = 0; d < 2 && open_; ++d) {
        auto& queue = inFlight_[d];
        // Frames can overtake one another only through a Delay fault: deliver every due one.
        for (auto it = queue.begin(); it != queue.end() && open_;) {
            if (it->deliverAtMs > now) {
                ++it;
                continue;
            }
            const QByteArray bytes = std::move(it->bytes);
            it = queue.erase(it);
            if (d == 0) {
                const QByteArray answer = hub_->receive(bytes);
                if (!answer.isEmpty()) {
                    sendFrames(MockDirection::ToHost, answer);
                }
            } else {
                Q_EMIT bytesReceived(bytes);
            }
            it = queue.begin();  // the queue may have changed under us
        }
    }
    schedule();
}

}  // namespace swarmergy::drivers
