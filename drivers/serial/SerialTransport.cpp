#include "drivers/serial/SerialTransport.h"

#include <QMetaObject>
#include <QSerialPort>
#include <QSerialPortInfo>

namespace swarmergy::drivers {

// Owns the QSerialPort on the I/O thread. Its signals reach SerialTransport queued.
class SerialPortWorker final : public QObject {
    Q_OBJECT
public:
    explicit SerialPortWorker(SerialSettings settings) : settings_(std::move(settings)) {}

    void openPort()
    {
        if (!port_) {
            port_ = new QSerialPort(this);
            connect(port_, &QSerialPort::readyRead, this,
                    [this] { Q_EMIT bytesReceived(port_->readAll()); });
            connect(port_, &QSerialPort::errorOccurred, this, &SerialPortWorker::onError);
        }
        port_->setPortName(settings_.portName);
        port_->setBaudRate(settings_.baudRate);
        port_->setDataBits(QSerialPort::Data8);
        port_->setParity(QSerialPort::NoParity);
        port_->setStopBits(QSerialPort::OneStop);
        port_->setFlowControl(QSerialPort::NoFlowControl);
        if (port_->open(QIODevice::ReadWrite)) {
            Q_EMIT opened();
        } else {
            Q_EMIT openFailed(port_->errorString());
        }
    }

    void closePort()
    {
        if (port_ && port_->isOpen()) {
            port_->close();
        }
        Q_EMIT closed();
    }

    void writeBytes(const QByteArray& bytes)
    {
        if (!port_ || !port_->isOpen()) {
            Q_EMIT errorOccurred(tr("write on a closed port"));
            return;
        }
        port_->write(bytes);
    }

Q_SIGNALS:
    void opened();
    void openFailed(const QString& reason);
    void bytesReceived(const QByteArray& bytes);
    void unplugged(const QString& reason);
    void errorOccurred(const QString& reason);
    void closed();

private:
    void onError(QSerialPort::SerialPortError error)
    {
        if (error == QSerialPort::NoError || !port_->isOpen()) {
            return;  // open failures are reported by openPort()
        }
        const QString reason = port_->errorString();
        // A pulled cable shows up as ResourceError (read fails with EIO) or DeviceNotFound,
        // often preceded by a burst of ReadErrors (Qt retries the read: ENOTTY, ENOENT);
        // the port is unusable afterwards, so close it at the first one and let the caller
        // reconnect. Qt reports nothing else that a working port recovers from.
        if (error == QSerialPort::ResourceError || error == QSerialPort::DeviceNotFoundError ||
            error == QSerialPort::ReadError || error == QSerialPort::WriteError ||
            error == QSerialPort::UnknownError) {
            port_->close();
            Q_EMIT unplugged(reason);
            return;
        }
        if (error == QSerialPort::TimeoutError) {
            return;  // only raised by the blocking API we do not use
        }
        Q_EMIT errorOccurred(reason);
    }

    SerialSettings settings_;
    QSerialPort* port_ = nullptr;
};

SerialTransport::SerialTransport(SerialSettings settings, QObject* parent)
    : HubTransport(parent), settings_(std::move(settings))
{
    worker_ = new SerialPortWorker(settings_);
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &SerialPortWorker::opened, this, [this] {
        open_ = true;
        Q_EMIT opened();
    });
    connect(worker_, &SerialPortWorker::openFailed, this, [this](const QString& reason) {
        open_ = false;
        Q_EMIT openFailed(reason);
    });
    connect(worker_, &SerialPortWorker::bytesReceived, this, &HubTransport::bytesReceived);
    connect(worker_, &SerialPortWorker::unplugged, this, [this](const QString& reason) {
        open_ = false;
        Q_EMIT unplugged(reason);
    });
    connect(worker_, &SerialPortWorker::errorOccurred, this, &HubTransport::errorOccurred);
    connect(worker_, &SerialPortWorker::closed, this, [this] {
        open_ = false;
        Q_EMIT closed();
    });
    thread_.setObjectName(QStringLiteral("serial %1").arg(settings_.portName));
    thread_.start();
}

SerialTransport::~SerialTransport()
{
    // Close on the I/O thread, then stop it: the worker (and its port) die with the thread.
    QMetaObject::invokeMethod(worker_, [w = worker_] { w->closePort(); },
                              Qt::BlockingQueuedConnection);
    thread_.quit();
    thread_.wait();
}

void SerialTransport::open()
{
    QMetaObject::invokeMethod(worker_, [w = worker_] { w->openPort(); }, Qt::QueuedConnection);
}

void SerialTransport::close()
{
    QMetaObject::invokeMethod(worker_, [w = worker_] { w->closePort(); }, Qt::QueuedConnection);
}

void SerialTransport::write(const QByteArray& bytes)
{
    QMetaObject::invokeMethod(worker_, [w = worker_, bytes] { w->writeBytes(bytes); },
                              Qt::QueuedConnection);
}

QList<SerialPortDescription> availableSerialPorts()
{
    QList<SerialPortDescription> ports;
    for (const QSerialPortInfo& info : QSerialPortInfo::availablePorts()) {
        ports.append({info.systemLocation(), info.description(), info.serialNumber()});
    }
    return ports;
}

}  // namespace swarmergy::drivers

#include "SerialTransport.moc"
