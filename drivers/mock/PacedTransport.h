#pragma once
// A HubTransport decorator that lets bytes out no faster than a UART at `baud` (10 bits per
// byte): the host half of a rate-limited link, for benches against the virtual hub on a pty
// (which paces its own output with --baud). A write is handed to the inner transport when its
// last byte would have left the UART.

#include "drivers/serial/HubTransport.h"

#include <QElapsedTimer>
#include <QTimer>

#include <deque>

namespace swarmergy::drivers {

class PacedTransport final : public HubTransport {
    Q_OBJECT
public:
    // inner must outlive this object.
    PacedTransport(HubTransport* inner, int baud, QObject* parent = nullptr);

    void open() override { inner_->open(); }
    void close() override;
    void write(const QByteArray& bytes) override;
    bool isOpen() const override { return inner_->isOpen(); }
    QString endpointName() const override { return inner_->endpointName(); }

private:
    void release();

    HubTransport* inner_;
    int baud_;
    QElapsedTimer clock_;
    double lineFreeAtMs_ = 0;
    std::deque<std::pair<double, QByteArray>> queue_;
    QTimer timer_;
};

}  // namespace swarmergy::drivers
