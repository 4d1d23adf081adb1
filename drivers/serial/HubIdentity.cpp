#include "drivers/serial/HubIdentity.h"

#include <QCryptographicHash>

namespace swarmergy::drivers {

QString checksumAddress(const QByteArray& address20)
{
    const QByteArray hex = address20.toHex();
    const QByteArray hash =
        QCryptographicHash::hash(hex, QCryptographicHash::Keccak_256).toHex();
    QString out = QStringLiteral("0x");
    for (qsizetype i = 0; i < hex.size(); ++i) {
        const char c = hex[i];
        // A letter is upper case when the matching nibble of keccak256(lowercase hex) >= 8.
        const bool upper = c >= 'a' && c <= 'f' && QByteArray(1, hash[i]).toInt(nullptr, 16) >= 8;
        out += QLatin1Char(upper ? static_cast<char>(c - 'a' + 'A') : c);
    }
    return out;
}

QString HubIdentity::addressText() const
{
    if (address.size() != 20 || address.count('\0') == 20) {
        return {};
    }
    return checksumAddress(address);
}

namespace {

void readInfo(HubLink* link, const HubHello& hello,
              std::function<void(const QString&, const HubIdentity&)> done)
{
    swp_message info{};
    info.type = SWP_MSG_INFO;
    link->request(info, [hello, done = std::move(done)](const LinkReply& reply) {
        HubIdentity id;
        id.model = hello.model;
        id.capabilities = hello.capabilities;
        if (!reply.ok() || reply.type != SWP_MSG_INFO_REPLY) {
            done(reply.ok() ? QObject::tr("the hub refused INFO: %1")
                                  .arg(QString::fromLatin1(swp_status_text(reply.hubStatus())))
                            : reply.errorText,
                 id);
            return;
        }
        const swp_info_reply& r = reply.message.body.infoReply;
        id.firmwareVersion = r.firmwareVersion;
        id.bootloaderVersion = r.bootloaderVersion;
        id.versionFloor = r.versionFloor;
        id.activeSlot = r.activeSlot;
        id.testBoot = r.imageState != 0;
        id.provisioned = r.provisioned != 0;
        id.address = QByteArray(reinterpret_cast<const char*>(r.address), 20);
        id.rucheId = r.rucheId;
        id.alveoleId = r.alveoleId;
        id.uptimeS = r.uptimeS;
        id.serial = QByteArray(reinterpret_cast<const char*>(r.serial), 8);
        done(QString(), id);
    });
}

}  // namespace

void readHubIdentity(HubLink* link, std::function<void(const QString&, const HubIdentity&)> done)
{
    if (link->handshakeDone()) {
        readInfo(link, link->hello(), std::move(done));
        return;
    }
    link->handshake([link, done = std::move(done)](const LinkReply& reply, const HubHello& hello) {
        if (!reply.ok()) {
            done(reply.errorText, HubIdentity{});
            return;
        }
        readInfo(link, hello, done);
    });
}

}  // namespace swarmergy::drivers
