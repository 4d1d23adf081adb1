#pragma once
// Who a hub is and what it runs: HELLO then INFO, gathered into one value for the wizard,
// swarmergy-hubctl info and the console.

#include "drivers/serial/HubLink.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace swarmergy::drivers {

struct HubIdentity {
    QString model;                 // "SWH-M4", "SWH-HOST"
    quint32 capabilities = 0;
    quint32 firmwareVersion = 0;
    quint32 bootloaderVersion = 0;
    quint32 versionFloor = 0;
    int activeSlot = 0;            // 0 = A, 1 = B
    bool testBoot = false;         // running a test image that awaits CONFIRM
    bool provisioned = false;
    QByteArray address;            // 20 bytes, zeros when not provisioned
    quint32 rucheId = 0;
    quint32 alveoleId = 0;
    quint32 uptimeS = 0;
    QByteArray serial;             // 8 bytes

    QString serialHex() const { return QString::fromLatin1(serial.toHex()); }
    QString addressText() const;   // EIP-55 checksummed "0x..." or empty when none
};

// HELLO (unless the link already did it) then INFO; done(error text or empty, identity).
void readHubIdentity(HubLink* link, std::function<void(const QString&, const HubIdentity&)> done);

// EIP-55 mixed-case checksum address of 20 bytes (https://eips.ethereum.org/EIPS/eip-55).
QString checksumAddress(const QByteArray& address20);

}  // namespace swarmergy::drivers
