#pragma once
// The technician's wizard: pick the hub's port (real or virtual), read its identity and
// versions, flash a signed image (progress, speed, time left, cancel; resumes after an
// unplug), verify the hub runs it, provision it into a ruche and alvéole, and register its
// address on the ledger. It sees only app::HubLinkService and app::HubRegistrar.

#include "app/services/HubLinkService.h"
#include "app/services/HubRegistrar.h"

#include <QWizard>

#include <cstdint>
#include <string>
#include <vector>

namespace swarmergy::widgets {

// A ruche and its alvéoles as the technician picks them: domain ids for the ledger, numbers
// for the hub (the wire protocol carries 32-bit ids).
struct ProvisioningTarget {
    std::string rucheId;
    std::uint32_t rucheNumber = 0;
    struct Alveole {
        std::string id;
        std::uint32_t number = 0;
    };
    std::vector<Alveole> alveoles;
};

// What the wizard learnt so far; pages read and fill it.
struct ProvisioningState {
    bool connected = false;
    std::string portPath;
    app::HubIdentityInfo identity;
    bool flashed = false;            // flashed and verified in this run
    std::string flashedVersion;
    bool provisioned = false;
    std::string address;
    std::string rucheId;
    std::string alveoleId;
    bool registered = false;
};

class ProvisioningWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { HubPage, FirmwarePage, ProvisionPage, RegisterPage };

    ProvisioningWizard(app::HubLinkService* hubs, app::HubRegistrar* registrar,
                       std::vector<ProvisioningTarget> targets, QWidget* parent = nullptr);
    ~ProvisioningWizard() override;

    app::HubLinkService* hubs() const { return hubs_; }
    app::HubRegistrar* registrar() const { return registrar_; }
    const std::vector<ProvisioningTarget>& targets() const { return targets_; }
    ProvisioningState& state() { return state_; }

    void reject() override;  // cancels a running flash before closing

private:
    app::HubLinkService* hubs_;
    app::HubRegistrar* registrar_;
    std::vector<ProvisioningTarget> targets_;
    ProvisioningState state_;
};

}  // namespace swarmergy::widgets
