#pragma once
// The byte pipe under a hub link (QGroundControl's LinkInterface): a serial port, a mock with
// scripted faults, or a pseudo-terminal. The session layer (HubLink) only sees this interface,
// so flashing and provisioning run the same code against hardware and against the mock.
//
// Every signal is delivered on the thread the transport object lives in (the caller's thread),
// whatever thread does the I/O underneath.

#include <QByteArray>
#include <QObject>
#include <QString>

namespace swarmergy::drivers {

class HubTransport : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~HubTransport() override = default;

    // Asynchronous: emits opened() or openFailed(reason).
    virtual void open() = 0;
    // Closes the port; emits closed(). Safe to call when already closed.
    virtual void close() = 0;
    // Queues bytes for the wire; ignored (with errorOccurred) when not open.
    virtual void write(const QByteArray& bytes) = 0;
    virtual bool isOpen() const = 0;
    // Human-readable name of the endpoint ("/dev/ttyUSB0", "mock").
    virtual QString endpointName() const = 0;

Q_SIGNALS:
    void opened();
    void openFailed(const QString& reason);
    void bytesReceived(const QByteArray& bytes);
    // The device went away (cable pulled, hub reset its USB bridge): distinct from other errors
    // because the flasher resumes after a reconnect instead of failing.
    void unplugged(const QString& reason);
    void errorOccurred(const QString& reason);
    void closed();
};

}  // namespace swarmergy::drivers
