#include "drivers/mock/PacedTransport.h"

#include <algorithm>
#include <cmath>

namespace swarmergy::drivers {

PacedTransport::PacedTransport(HubTransport* inner, int baud, QObject* parent)
    : HubTransport(parent), inner_(inner), baud_(baud)
{
    clock_.start();
    timer_.setSingleShot(true);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &PacedTransport::release);
    connect(inner_, &HubTransport::opened, this, &HubTransport::opened);
    connect(inner_, &HubTransport::openFailed, this, &HubTransport::openFailed);
    connect(inner_, &HubTransport::bytesReceived, this, &HubTransport::bytesReceived);
    connect(inner_, &HubTransport::unplugged, this, [this](const QString& reason) {
        queue_.clear();
        Q_EMIT unplugged(reason);
    });
    connect(inner_, &HubTransport::errorOccurred, this, &HubTransport::errorOccurred);
    connect(inner_, &HubTransport::closed, this, &HubTransport::closed);
}

void PacedTransport::close()
{
    queue_.clear();
    timer_.stop();
    inner_->close();
}

void PacedTransport::write(const QByteArray& bytes)
{
    const double now = static_cast<double>(clock_.nsecsElapsed()) / 1e6;
    const double start = std::max(now, lineFreeAtMs_);
    lineFreeAtMs_ = start + bytes.size() * 10.0 * 1000.0 / baud_;
    queue_.emplace_back(lineFreeAtMs_, bytes);
    if (!timer_.isActive()) {
        timer_.start(std::max(0, static_cast<int>(std::ceil(queue_.front().first - now))));
    }
}

void PacedTransport::release()
{
    const double now = static_cast<double>(clock_.nsecsElapsed()) / 1e6;
    while (!queue_.empty() && queue_.front().first <= now) {
        inner_->write(queue_.front().second);
        queue_.pop_front();
    }
    if (!queue_.empty()) {
        timer_.start(std::max(0, static_cast<int>(std::ceil(queue_.front().first - now))));
    }
}

}  // namespace swarmergy::drivers
