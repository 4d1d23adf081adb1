#pragma once
// Provisioning over the hub link (docs/protocol.md): PROVISION_CHALLENGE gives a fresh
// nonce, the technician's credential answers HMAC-SHA256(key, nonce) (RFC 2104), and
// PROVISION carries the ruche, the alvéole and the LoRaWAN 1.0 session keys. The hub makes
// its identity key (it never leaves the hub) and returns its Ethereum-style address and
// public key, which the console then registers on the ledger.
//
// Protocol 1.1 (hubs with SWP_CAP_LEDGER_READING): PROVISION also carries the ledger domain,
// the chain id and the NRGcoin contract address the hub signs its readings for
// (ledger/contracts/README.md, "Signed reading format"). A 1.0 hub gets the short PROVISION.

#include "drivers/serial/HubLink.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <optional>

namespace swarmergy::drivers {

// The demo ledger (app/LedgerService, `swarmergy-node devnet`): chain 2468, NRGcoin at 0x…1001.
inline constexpr quint64 kDemoLedgerChainId = 2468;
QByteArray demoNrgTokenAddress();  // 20 bytes
// "0x" + 40 hex digits (either case) as 20 bytes; nullopt otherwise.
std::optional<QByteArray> parseAddress(const QString& text);

struct ProvisioningRequest {
    quint32 rucheId = 0;
    quint32 alveoleId = 0;
    quint32 devAddr = 0;       // LoRaWAN device address
    QByteArray nwkSKey;        // 16 bytes
    QByteArray appSKey;        // 16 bytes
    QByteArray technicianKey;  // the HMAC key of the technician credential (32 bytes)
    quint64 chainId = kDemoLedgerChainId;          // the ledger the readings are minted on
    QByteArray nrgToken = demoNrgTokenAddress();   // its NRGcoin contract (20 bytes)

    // Fresh random session keys and a device address derived from the ids (LoRaWAN 1.0
    // ABP: the network server learns them from the console's registration).
    void generateNetworkKeys();
};

struct ProvisioningResult {
    bool ok = false;
    QString errorText;            // what went wrong and what to do next
    swp_status hubStatus = SWP_OK;
    QByteArray address;           // 20 bytes
    QByteArray publicKey;         // 64 bytes, X || Y
    bool ledgerDomainSet = false; // the hub took chainId and nrgToken (protocol 1.1)
    QString addressText() const;  // EIP-55 "0x..."
};

class ProvisioningClient final : public QObject {
    Q_OBJECT
public:
    explicit ProvisioningClient(HubLink* link, QObject* parent = nullptr);

    // Asynchronous: emits finished() once, always from the event loop (never inside this
    // call). Returns false when a run is already going.
    bool provision(const ProvisioningRequest& request);
    bool busy() const { return busy_; }

Q_SIGNALS:
    void finished(const swarmergy::drivers::ProvisioningResult& result);

private:
    void requestChallenge();
    void sendProvision(const QByteArray& nonce);
    void finish(ProvisioningResult result);

    HubLink* link_;
    ProvisioningRequest request_;
    bool busy_ = false;
};

// Reads a technician credential file: 64 hex digits, lines starting with '#' ignored (the
// format of resources/keys/technician-demo.key). nullopt and *error on failure.
std::optional<QByteArray> loadTechnicianKey(const QString& path, QString* error);

}  // namespace swarmergy::drivers

Q_DECLARE_METATYPE(swarmergy::drivers::ProvisioningResult)
