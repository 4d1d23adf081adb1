#include "drivers/provision/ProvisioningClient.h"

#include "drivers/serial/HubIdentity.h"

#include <QFile>
#include <QMessageAuthenticationCode>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <cctype>

namespace swarmergy::drivers {

namespace {

QByteArray secureRandom(int n)
{
    QByteArray out(n, '\0');
    QRandomGenerator::system()->generate(out.begin(), out.end());
    return out;
}

}  // namespace

QByteArray demoNrgTokenAddress()
{
    QByteArray token(20, '\0');
    token[18] = 0x10;
    token[19] = 0x01;
    return token;
}

std::optional<QByteArray> parseAddress(const QString& text)
{
    const QString t = text.trimmed();
    if (t.size() != 42 || !t.startsWith(QLatin1String("0x"), Qt::CaseInsensitive)) {
        return std::nullopt;
    }
    const QByteArray hex = t.mid(2).toLatin1();
    const bool isHex = std::all_of(hex.begin(), hex.end(),
                                   [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
    if (!isHex) {
        return std::nullopt;
    }
    return QByteArray::fromHex(hex);
}

void ProvisioningRequest::generateNetworkKeys()
{
    nwkSKey = secureRandom(16);
    appSKey = secureRandom(16);
    // 7-bit NwkID 0x13 (experimental range), then ruche and alvéole bits: unique per essaim
    // of up to 2^9 ruches of 2^16 alvéoles.
    devAddr = (0x13u << 25) | ((rucheId & 0x1FFu) << 16) | (alveoleId & 0xFFFFu);
}

QString ProvisioningResult::addressText() const { return checksumAddress(address); }

ProvisioningClient::ProvisioningClient(HubLink* link, QObject* parent)
    : QObject(parent), link_(link)
{
    qRegisterMetaType<ProvisioningResult>();
}

bool ProvisioningClient::provision(const ProvisioningRequest& request)
{
    if (busy_) {
        return false;
    }
    busy_ = true;
    request_ = request;
    // Refusals before any I/O still arrive from the event loop, never inside this call.
    auto refuse = [this](const QString& why, swp_status status) {
        QTimer::singleShot(0, this, [this, why, status] { finish({false, why, status, {}, {}}); });
        return true;
    };
    if (request_.technicianKey.isEmpty()) {
        return refuse(tr("No technician credential: load your key file first."), SWP_ERR_DENIED);
    }
    if (request_.nwkSKey.size() != 16 || request_.appSKey.size() != 16) {
        return refuse(tr("The LoRaWAN session keys must be 16 bytes each."), SWP_ERR_RANGE);
    }
    if (request_.chainId == 0 || request_.nrgToken.size() != 20) {
        return refuse(tr("The ledger domain is invalid (chain id %1, token address of %2 bytes): "
                         "give a chain id above 0 and a 20-byte NRGcoin address.")
                          .arg(request_.chainId)
                          .arg(request_.nrgToken.size()),
                      SWP_ERR_RANGE);
    }
    if (link_->handshakeDone()) {
        QTimer::singleShot(0, this, &ProvisioningClient::requestChallenge);
        return true;
    }
    link_->handshake([self = QPointer<ProvisioningClient>(this)](const LinkReply& reply,
                                                                   const HubHello&) {
        if (!self) {
            return;
        }
        if (!reply.ok()) {
            self->finish({false, tr("The hub does not answer (%1): check the cable and the port.")
                                     .arg(reply.errorText),
                          SWP_OK, {}, {}});
            return;
        }
        self->requestChallenge();
    });
    return true;
}

void ProvisioningClient::requestChallenge()
{
    if (!link_->hello().has(SWP_CAP_PROVISION)) {
        finish({false, tr("This hub cannot be provisioned over the link (no PROVISION capability)."),
                SWP_ERR_UNKNOWN_TYPE, {}, {}});
        return;
    }
    swp_message challenge{};
    challenge.type = SWP_MSG_PROVISION_CHALLENGE;
    link_->request(challenge, [self = QPointer<ProvisioningClient>(this)](const LinkReply& reply) {
        if (!self) {
            return;
        }
        if (!reply.ok() || reply.type != SWP_MSG_CHALLENGE) {
            self->finish({false, reply.ok() ? tr("The hub refused the challenge: %1.")
                                                  .arg(QString::fromLatin1(
                                                      swp_status_text(reply.hubStatus())))
                                            : tr("No challenge from the hub (%1): reconnect and "
                                                 "try again.")
                                                  .arg(reply.errorText),
                          reply.hubStatus(), {}, {}});
            return;
        }
        self->sendProvision(
            QByteArray(reinterpret_cast<const char*>(reply.message.body.challenge.nonce), 32));
    });
}

void ProvisioningClient::sendProvision(const QByteArray& nonce)
{
    const QByteArray response =
        QMessageAuthenticationCode::hash(nonce, request_.technicianKey, QCryptographicHash::Sha256);
    swp_message m{};
    m.type = SWP_MSG_PROVISION;
    swp_provision& p = m.body.provision;
    std::copy_n(response.constData(), 32, p.response);
    p.rucheId = request_.rucheId;
    p.alveoleId = request_.alveoleId;
    p.devAddr = request_.devAddr;
    std::copy_n(request_.nwkSKey.constData(), 16, p.nwkSKey);
    std::copy_n(request_.appSKey.constData(), 16, p.appSKey);
    // A 1.0 hub knows only the short PROVISION (it would answer MALFORMED to the long one).
    const bool sendDomain = link_->hello().has(SWP_CAP_LEDGER_READING);
    if (sendDomain) {
        p.hasLedgerDomain = 1;
        p.chainId = request_.chainId;
        std::copy_n(request_.nrgToken.constData(), 20, p.nrgToken);
    }
    // Creating the identity key and writing the store takes a moment on the M4.
    LinkTiming timing = link_->defaultTiming();
    timing.replyTimeoutMs = std::max(timing.replyTimeoutMs, 2000);
    link_->request(m, timing, [self = QPointer<ProvisioningClient>(this), sendDomain](const LinkReply& reply) {
        if (!self) {
            return;
        }
        if (!reply.ok() || reply.type != SWP_MSG_PROVISION_REPLY) {
            self->finish({false, reply.ok() ? tr("The hub refused provisioning: %1.")
                                                  .arg(QString::fromLatin1(
                                                      swp_status_text(reply.hubStatus())))
                                            : tr("No answer to PROVISION (%1): reconnect and "
                                                 "provision again.")
                                                  .arg(reply.errorText),
                          reply.hubStatus(), {}, {}});
            return;
        }
        const swp_provision_reply& r = reply.message.body.provisionReply;
        ProvisioningResult result;
        result.hubStatus = static_cast<swp_status>(r.status);
        result.ledgerDomainSet = sendDomain && r.status == SWP_OK;
        if (r.status == SWP_ERR_DENIED) {
            result.errorText = tr("The hub refused the technician credential: check your key "
                                  "file, then provision again.");
        } else if (r.status != SWP_OK) {
            result.errorText = tr("The hub could not store its provisioning: %1.")
                                   .arg(QString::fromLatin1(swp_status_text(r.status)));
        } else {
            result.ok = true;
            result.address = QByteArray(reinterpret_cast<const char*>(r.address), 20);
            result.publicKey = QByteArray(reinterpret_cast<const char*>(r.publicKey), 64);
        }
        self->finish(result);
    });
}

void ProvisioningClient::finish(ProvisioningResult result)
{
    busy_ = false;
    Q_EMIT finished(result);
}

std::optional<QByteArray> loadTechnicianKey(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error) {
            *error = QObject::tr("%1: cannot read the technician key (%2)")
                         .arg(path, file.errorString());
        }
        return std::nullopt;
    }
    QByteArray hex;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty() || line.startsWith('#')) {
            continue;
        }
        hex += line;
    }
    const bool isHex = std::all_of(hex.begin(), hex.end(),
                                   [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
    if (hex.size() != 64 || !isHex) {
        if (error) {
            *error = QObject::tr("%1: expected 64 hex digits (a 32-byte key), found %2 characters")
                         .arg(path)
                         .arg(hex.size());
        }
        return std::nullopt;
    }
    return QByteArray::fromHex(hex);
}

}  // namespace swarmergy::drivers
