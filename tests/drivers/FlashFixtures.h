#pragma once
// Test images and a flashing rig (fake hub + mock link + HubLink + FlashSession) shared by the
// driver tests.

#include "drivers/flash/FirmwareImage.h"
#include "drivers/flash/FlashSession.h"
#include "drivers/mock/FakeHub.h"
#include "drivers/mock/MockLink.h"
#include "drivers/serial/HubLink.h"

#include <QRandomGenerator>

#include <memory>

namespace swarmergy::drivers::testing {

// A firmware-like payload: incompressible code followed by zero and 0xFF padding.
inline QByteArray firmwarePayload(int codeBytes, int paddingBytes, quint32 seed = 7)
{
    QRandomGenerator random(seed);
    QByteArray payload(codeBytes, '\0');
    for (char& c : payload) {
        c = static_cast<char>(random.bounded(256));
    }
    payload += QByteArray(paddingBytes / 2, '\0');
    payload += QByteArray(paddingBytes - paddingBytes / 2, '\xFF');
    return payload;
}

inline FirmwareImage testImage(quint32 version, int codeBytes = 48 * 1024,
                               int paddingBytes = 16 * 1024)
{
    QString error;
    auto image = parseFirmwareImage(buildUnsignedImage(version, firmwarePayload(codeBytes, paddingBytes)),
                                    QStringLiteral("test.img"), &error);
    Q_ASSERT(image);
    return *image;
}

// Short timeouts so that failure paths finish in well under a second.
inline FlashOptions fastOptions()
{
    FlashOptions o;
    o.connectTimeoutMs = 1000;
    o.resumeWaitMs = 3000;
    o.reconnectIntervalMs = 50;
    o.handshakeTimeoutMs = 1500;
    o.beginTimeoutMs = 2000;
    o.stallTimeoutMs = 1500;
    o.verifyTimeoutMs = 2000;
    o.rebootTimeoutMs = 2000;
    o.confirmTimeoutMs = 1000;
    o.linkTiming = LinkTiming{150, 4};
    return o;
}

struct FlashRig {
    explicit FlashRig(FakeHubConfig config = {}, FlashOptions options = fastOptions())
        : hub(std::move(config)),
          link(&hub),
          hubLink(&link),
          session(&hubLink, options)
    {
    }
    FakeHub hub;
    MockLink link;
    HubLink hubLink;
    FlashSession session;
};

}  // namespace swarmergy::drivers::testing
