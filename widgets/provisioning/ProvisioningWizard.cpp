#include "widgets/provisioning/ProvisioningWizard.h"

#include "widgets/provisioning/ProvisioningPages.h"

namespace swarmergy::widgets {

ProvisioningWizard::ProvisioningWizard(app::HubLinkService* hubs, app::HubRegistrar* registrar,
                                       std::vector<ProvisioningTarget> targets, QWidget* parent)
    : QWizard(parent), hubs_(hubs), registrar_(registrar), targets_(std::move(targets))
{
    setObjectName(QStringLiteral("provisioningWizard"));
    setWindowTitle(tr("Install a Smart Hub"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setPage(HubPage, new HubPortPage(this));
    setPage(FirmwarePage, new swarmergy::widgets::FirmwarePage(this));
    setPage(ProvisionPage, new swarmergy::widgets::ProvisionPage(this));
    setPage(RegisterPage, new swarmergy::widgets::RegisterPage(this));
    resize(640, 480);
}

ProvisioningWizard::~ProvisioningWizard()
{
    if (hubs_) {
        hubs_->disconnectHub();
    }
}

void ProvisioningWizard::reject()
{
    if (auto* firmware = qobject_cast<swarmergy::widgets::FirmwarePage*>(page(FirmwarePage));
        firmware && firmware->flashing()) {
        firmware->cancelFlash();
    }
    hubs_->disconnectHub();
    QWizard::reject();
}

}  // namespace swarmergy::widgets
