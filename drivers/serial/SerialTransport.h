#pragma once
// HubTransport over QSerialPort. The port lives on its own QThread (ARCHITECTURE.md: serial
// I/O on a driver thread), so a busy GUI never delays bytes and a blocked port never freezes
// the GUI; this object stays on the caller's thread and relays signals as queued calls.

#include "drivers/serial/HubTransport.h"

#include <QThread>

namespace swarmergy::drivers {

class SerialPortWorker;

struct SerialSettings {
    QString portName;          // "/dev/ttyUSB0", "/dev/pts/5" or "ttyUSB0"
    qint32 baudRate = 115200;  // ignored by ptys; the hubs' UART default
};

class SerialTransport final : public HubTransport {
    Q_OBJECT
public:
    explicit SerialTransport(SerialSettings settings, QObject* parent = nullptr);
    ~SerialTransport() override;

    void open() override;
    void close() override;
    void write(const QByteArray& bytes) override;
    bool isOpen() const override { return open_; }
    QString endpointName() const override { return settings_.portName; }

private:
    SerialSettings settings_;
    QThread thread_;
    SerialPortWorker* worker_ = nullptr;  // lives on thread_
    bool open_ = false;
};

// Ports that may hold a hub: USB serial adapters, and pseudo-terminals named by the caller.
struct SerialPortDescription {
    QString portName;
    QString description;  // "CP2102 USB to UART", "virtual hub"
    QString serialNumber;
};
QList<SerialPortDescription> availableSerialPorts();

}  // namespace swarmergy::drivers
