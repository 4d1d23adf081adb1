#pragma once
// app::HubLinkService over the drivers: SerialTransport + HubLink per connected hub,
// FlashSession for flashing, ProvisioningClient for provisioning, image files found under
// the configured folders. Lives on the GUI thread; the serial I/O runs on the transport's
// own thread, and every callback arrives through queued signals on the GUI thread.
//
// DemoHubs starts a few virtual hubs on ptys (the firmware's host build when present,
// otherwise the in-process fake hub) so that the wizard can be tried without hardware.

#include "app/services/HubLinkService.h"
#include "drivers/flash/FlashSession.h"
#include "drivers/provision/ProvisioningClient.h"
#include "drivers/serial/HubLink.h"
#include "drivers/virtual/VirtualHubs.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace swarmergy::drivers {

struct HubLinkServiceOptions {
    QStringList imageRoots;       // folders searched (recursively) for *.swfw
    QByteArray technicianKey;     // 32 bytes; provisioning is refused without it
    FlashOptions flash{};
    // The ledger provisioned hubs sign their readings for (protocol 1.1); default: the demo
    // ledger's (chain 2468, NRGcoin at 0x…1001).
    quint64 ledgerChainId = kDemoLedgerChainId;
    QByteArray nrgToken = demoNrgTokenAddress();   // 20 bytes
    // Makes the transport for a port path; default: SerialTransport at 115,200 baud.
    std::function<std::unique_ptr<HubTransport>(const QString& path)> transportFactory;
};

class HubLinkServiceImpl final : public QObject, public app::HubLinkService {
    Q_OBJECT
public:
    explicit HubLinkServiceImpl(HubLinkServiceOptions options, QObject* parent = nullptr);
    ~HubLinkServiceImpl() override;

    // Ports listed first by ports(), marked virtual.
    void addVirtualPort(const QString& path, const QString& description);

    std::vector<app::HubPort> ports() override;
    void connectHub(const std::string& portPath,
                    std::function<void(const std::string&, const app::HubIdentityInfo&)> done) override;
    void disconnectHub() override;
    std::vector<app::FirmwareImageInfo> images() override;
    bool startFlash(const std::string& imagePath, app::FlashObserver observer,
                    std::string* error) override;
    void cancelFlash() override;
    void provision(std::uint32_t rucheNumber, std::uint32_t alveoleNumber,
                   std::function<void(const app::ProvisioningOutcome&)> done) override;

    // The ledger domain of the next provisioning (e.g. the console's ledger once it runs).
    void setLedgerDomain(quint64 chainId, const QByteArray& nrgToken);

    HubLink* link() const { return link_.get(); }  // for tests

private:
    void readIdentity(std::function<void(const std::string&, const app::HubIdentityInfo&)> done);

    HubLinkServiceOptions options_;
    std::vector<app::HubPort> virtualPorts_;
    std::unique_ptr<HubTransport> transport_;
    std::unique_ptr<HubLink> link_;
    std::unique_ptr<FlashSession> flash_;
    std::unique_ptr<ProvisioningClient> provisioning_;
    quint64 connectGeneration_ = 0;
};

// A few virtual hubs for the demo, stopped when this object goes.
class DemoHubs final : public QObject {
    Q_OBJECT
public:
    explicit DemoHubs(QObject* parent = nullptr);
    ~DemoHubs() override;
    // Starts `count` hubs with their flash files under stateRoot/hub-N. factoryImage: the
    // image a fresh firmware hub boots (ignored by fake hubs). Returns the pty paths started;
    // *error says why a hub could not start.
    QStringList start(int count, const QString& stateRoot, const QString& factoryImage,
                      QString* error);

private:
    std::vector<std::unique_ptr<VirtualHubProcess>> processes_;
    std::vector<std::unique_ptr<PtyFakeHub>> fakes_;
};

}  // namespace swarmergy::drivers
