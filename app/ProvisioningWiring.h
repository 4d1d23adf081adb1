#pragma once
// Wires the technician's wizard (widgets/provisioning) to the hub link service of drivers/:
// makes the service (image folders, technician credential), starts a few virtual hubs in the
// demo, builds the ruche/alvéole choices from the latest snapshot and opens the wizard.
// MainWindow only adds openAction() to a menu.

#include "engine/model/Snapshot.h"

#include <QObject>

#include <functional>
#include <memory>

class QAction;
class QWidget;

namespace swarmergy::drivers {
class DemoHubs;
class HubLinkServiceImpl;
}

namespace swarmergy::app {

class HubRegistrar;

class ProvisioningWiring : public QObject {
    Q_OBJECT
public:
    using SnapshotSource = std::function<model::EssaimSnapshotPtr()>;

    // window: parent of the wizard. registrar may be null until the ledger is wired (the last
    // page then says so). demo: offer virtual hubs and the DEMO technician credential.
    ProvisioningWiring(QWidget* window, SnapshotSource snapshots, HubRegistrar* registrar,
                       bool demo, QObject* parent = nullptr);
    ~ProvisioningWiring() override;

    QAction* openAction() const { return openAction_; }
    void setRegistrar(HubRegistrar* registrar) { registrar_ = registrar; }
    void openWizard();

    // The link service, made on first use (for tests: the wizard's hubs and ports).
    drivers::HubLinkServiceImpl* service() const { return service_.get(); }

private:
    void ensureService();
    void applyLedgerDomain();

    QWidget* window_;
    SnapshotSource snapshots_;
    HubRegistrar* registrar_;
    bool demo_;
    QAction* openAction_;
    std::unique_ptr<drivers::HubLinkServiceImpl> service_;
    std::unique_ptr<drivers::DemoHubs> demoHubs_;
};

}  // namespace swarmergy::app
