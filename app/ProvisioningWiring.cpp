#include "app/ProvisioningWiring.h"

#include "drivers/provision/ProvisioningClient.h"
#include "drivers/service/HubLinkServiceImpl.h"
#include "widgets/provisioning/ProvisioningWizard.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QWidget>

namespace swarmergy::app {

namespace {

// The DEMO technician credential (resources/keys/technician-demo.key): public, demo only.
constexpr const char* kDemoTechnicianKeyHex =
    "f1daeb84500ab631184842330dd4632126e6467eda0b255285b98b099de223c2";

QStringList imageRoots()
{
    QStringList roots;
    const QString fromEnv = qEnvironmentVariable("SWARMERGY_IMAGE_DIR");
    if (!fromEnv.isEmpty()) {
        roots << fromEnv;
    }
    // Next to the program in a build tree (build/app/swarmergy -> build/firmware), then the
    // user's own folder of downloaded images.
    roots << QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../firmware"))
          << QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                 QStringLiteral("/firmware");
    return roots;
}

QByteArray technicianKey(bool demo)
{
    QString path = qEnvironmentVariable("SWARMERGY_TECHNICIAN_KEY");
    if (path.isEmpty()) {
        path = QSettings().value(QStringLiteral("provisioning/technicianKeyFile")).toString();
    }
    if (!path.isEmpty()) {
        QString error;
        if (auto key = drivers::loadTechnicianKey(path, &error)) {
            return *key;
        }
    }
    return demo ? QByteArray::fromHex(kDemoTechnicianKeyHex) : QByteArray();
}

std::vector<widgets::ProvisioningTarget> targetsFrom(const model::EssaimSnapshotPtr& snapshot)
{
    std::vector<widgets::ProvisioningTarget> targets;
    if (!snapshot) {
        return targets;
    }
    // Hubs carry numbers: ruche i is i + 1, an alvéole its row in the essaim + 1.
    for (size_t i = 0; i < snapshot->ruches.size(); ++i) {
        targets.push_back({snapshot->ruches[i].id, static_cast<std::uint32_t>(i + 1), {}});
    }
    if (snapshot->alveoles) {
        const auto& rows = *snapshot->alveoles;
        for (size_t a = 0; a < rows.size(); ++a) {
            const auto r = static_cast<size_t>(rows[a].rucheIndex);
            if (r < targets.size()) {
                targets[r].alveoles.push_back({rows[a].id, static_cast<std::uint32_t>(a + 1)});
            }
        }
    }
    return targets;
}

}  // namespace

ProvisioningWiring::ProvisioningWiring(QWidget* window, SnapshotSource snapshots,
                                       HubRegistrar* registrar, bool demo, QObject* parent)
    : QObject(parent), window_(window), snapshots_(std::move(snapshots)), registrar_(registrar),
      demo_(demo)
{
    openAction_ = new QAction(tr("&Install a hub…"), this);
    openAction_->setObjectName(QStringLiteral("installHubAction"));
    openAction_->setStatusTip(tr("Flash, provision and register a Smart Hub over its serial cable"));
    connect(openAction_, &QAction::triggered, this, &ProvisioningWiring::openWizard);
}

ProvisioningWiring::~ProvisioningWiring()
{
    service_.reset();   // closes the ports before the demo hubs stop
    demoHubs_.reset();
}

void ProvisioningWiring::ensureService()
{
    if (service_) {
        return;
    }
    drivers::HubLinkServiceOptions options;
    options.imageRoots = imageRoots();
    options.technicianKey = technicianKey(demo_);
    service_ = std::make_unique<drivers::HubLinkServiceImpl>(options);
    if (!demo_) {
        return;
    }
    // A few virtual hubs to try the wizard on, booting the oldest image the build produced
    // so that a newer one can be flashed.
    demoHubs_ = std::make_unique<drivers::DemoHubs>();
    const auto images = service_->images();
    const QString factory = images.empty() ? QString() : QString::fromStdString(images.front().path);
    const QString stateRoot = QStandardPaths::writableLocation(QStandardPaths::TempLocation) +
                              QStringLiteral("/swarmergy-demo-hubs-%1").arg(QCoreApplication::applicationPid());
    QString error;
    const QStringList ports = demoHubs_->start(3, stateRoot, factory, &error);
    for (int i = 0; i < ports.size(); ++i) {
        service_->addVirtualPort(ports[i], tr("demo hub %1").arg(i + 1));
    }
}

void ProvisioningWiring::applyLedgerDomain()
{
    if (!registrar_ || !service_) {
        return;
    }
    // The hub must sign for the ledger that will mint its readings; a registrar that cannot
    // say leaves the demo ledger's domain (HubLinkServiceOptions' default).
    if (const auto domain = registrar_->readingDomain()) {
        const auto token = drivers::parseAddress(QString::fromStdString(domain->nrgTokenAddress));
        service_->setLedgerDomain(domain->chainId, token.value_or(QByteArray()));
    }
}

void ProvisioningWiring::openWizard()
{
    ensureService();
    applyLedgerDomain();
    auto* wizard = new widgets::ProvisioningWizard(service_.get(), registrar_,
                                                   targetsFrom(snapshots_ ? snapshots_() : nullptr),
                                                   window_);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    wizard->show();
}

}  // namespace swarmergy::app
