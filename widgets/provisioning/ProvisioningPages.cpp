#include "widgets/provisioning/ProvisioningPages.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace swarmergy::widgets {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

QLabel* makeStatus(QWidget* parent, const char* objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString formatRate(double bytesPerSecond)
{
    return bytesPerSecond >= 1024.0
               ? QObject::tr("%1 KiB/s").arg(bytesPerSecond / 1024.0, 0, 'f', 1)
               : QObject::tr("%1 B/s").arg(bytesPerSecond, 0, 'f', 0);
}

}  // namespace

// ---------------------------------------------------------------- HubPortPage

HubPortPage::HubPortPage(ProvisioningWizard* wizard) : wizard_(wizard)
{
    setTitle(tr("Connect the hub"));
    setSubTitle(tr("Plug the serial cable into the hub, pick its port and connect."));
    ports_ = new QListWidget(this);
    ports_->setObjectName(QStringLiteral("ports"));
    refresh_ = new QPushButton(tr("&Refresh"), this);
    refresh_->setObjectName(QStringLiteral("refreshPorts"));
    connect_ = new QPushButton(tr("&Connect"), this);
    connect_->setObjectName(QStringLiteral("connectHub"));
    status_ = makeStatus(this, "hubStatus");
    identity_ = makeStatus(this, "hubIdentity");

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(refresh_);
    buttons->addStretch();
    buttons->addWidget(connect_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(ports_);
    layout->addLayout(buttons);
    layout->addWidget(status_);
    layout->addWidget(identity_);

    connect(refresh_, &QPushButton::clicked, this, &HubPortPage::refreshPorts);
    connect(connect_, &QPushButton::clicked, this, &HubPortPage::connectSelected);
    connect(ports_, &QListWidget::itemDoubleClicked, this, &HubPortPage::connectSelected);
}

void HubPortPage::initializePage() { refreshPorts(); }

void HubPortPage::refreshPorts()
{
    ports_->clear();
    for (const app::HubPort& port : wizard_->hubs()->ports()) {
        const QString text = port.isVirtual
                                 ? tr("%1 — virtual hub (%2)").arg(qs(port.path), qs(port.description))
                                 : tr("%1 — %2").arg(qs(port.path), qs(port.description));
        auto* item = new QListWidgetItem(text, ports_);
        item->setData(Qt::UserRole, qs(port.path));
    }
    if (ports_->count() > 0) {
        ports_->setCurrentRow(0);
        status_->setText(tr("%n port(s) found.", nullptr, ports_->count()));
    } else {
        status_->setText(tr("No serial port found: plug the cable in, then Refresh."));
    }
    connect_->setEnabled(ports_->count() > 0);
}

void HubPortPage::connectSelected()
{
    QListWidgetItem* item = ports_->currentItem();
    if (!item) {
        status_->setText(tr("Pick a port first."));
        return;
    }
    const std::string path = item->data(Qt::UserRole).toString().toStdString();
    ProvisioningState& state = wizard_->state();
    state.connected = false;
    identity_->clear();
    connect_->setEnabled(false);
    status_->setText(tr("Connecting to %1…").arg(qs(path)));
    Q_EMIT completeChanged();
    wizard_->hubs()->connectHub(path, [self = QPointer<HubPortPage>(this), path](
                                          const std::string& error, const app::HubIdentityInfo& id) {
        if (!self) {
            return;
        }
        self->connect_->setEnabled(true);
        if (!error.empty()) {
            self->status_->setText(qs(error));
            return;
        }
        ProvisioningState& s = self->wizard_->state();
        s.connected = true;
        s.portPath = path;
        s.identity = id;
        self->status_->setText(tr("Connected to %1.").arg(qs(path)));
        self->showIdentity(id);
        Q_EMIT self->completeChanged();
    });
}

void HubPortPage::showIdentity(const app::HubIdentityInfo& id)
{
    const QString slot = id.testBoot ? tr("slot %1, test boot not confirmed").arg(QLatin1Char(id.activeSlot))
                                     : tr("slot %1, confirmed").arg(QLatin1Char(id.activeSlot));
    const QString provisioned =
        id.provisioned ? tr("yes — ruche %1, alvéole %2, address %3")
                             .arg(id.rucheNumber).arg(id.alveoleNumber).arg(qs(id.address))
                       : tr("no");
    identity_->setText(tr("Model: %1\nSerial: %2\nFirmware: %3 (%4)\nBootloader: %5, version "
                          "floor %6\nProvisioned: %7")
                           .arg(qs(id.model), qs(id.serial), qs(id.firmwareVersion), slot,
                                qs(id.bootloaderVersion), qs(id.versionFloor), provisioned));
}

bool HubPortPage::isComplete() const { return wizard_->state().connected; }

// ---------------------------------------------------------------- FirmwarePage

FirmwarePage::FirmwarePage(ProvisioningWizard* wizard) : wizard_(wizard)
{
    setTitle(tr("Flash the firmware"));
    setSubTitle(tr("Pick a signed image. The hub checks its signature, reboots into it and "
                   "keeps it only once it runs."));
    images_ = new QComboBox(this);
    images_->setObjectName(QStringLiteral("images"));
    skip_ = new QCheckBox(tr("Keep the firmware the hub runs now"), this);
    skip_->setObjectName(QStringLiteral("skipFlash"));
    flash_ = new QPushButton(tr("&Flash"), this);
    flash_->setObjectName(QStringLiteral("startFlash"));
    cancel_ = new QPushButton(tr("C&ancel flashing"), this);
    cancel_->setObjectName(QStringLiteral("cancelFlash"));
    cancel_->setEnabled(false);
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("flashProgress"));
    progress_->setRange(0, 100);
    progress_->setValue(0);
    phase_ = makeStatus(this, "flashPhase");
    speed_ = makeStatus(this, "flashSpeed");
    timeLeft_ = makeStatus(this, "flashTimeLeft");
    status_ = makeStatus(this, "flashStatus");

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(flash_);
    buttons->addWidget(cancel_);
    buttons->addStretch();
    auto* figures = new QHBoxLayout;
    figures->addWidget(phase_);
    figures->addStretch();
    figures->addWidget(speed_);
    figures->addWidget(timeLeft_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(images_);
    layout->addWidget(skip_);
    layout->addLayout(buttons);
    layout->addWidget(progress_);
    layout->addLayout(figures);
    layout->addWidget(status_);
    layout->addStretch();

    connect(flash_, &QPushButton::clicked, this, &FirmwarePage::startFlash);
    connect(cancel_, &QPushButton::clicked, this, &FirmwarePage::cancelFlash);
    connect(skip_, &QCheckBox::toggled, this, &FirmwarePage::completeChanged);
}

void FirmwarePage::initializePage()
{
    images_->clear();
    const std::string running = wizard_->state().identity.firmwareVersion;
    for (const app::FirmwareImageInfo& image : wizard_->hubs()->images()) {
        const QString text = tr("%1 — %2 (%3 KiB)%4")
                                 .arg(qs(image.version), qs(image.path))
                                 .arg(image.sizeBytes / 1024)
                                 .arg(image.version == running ? tr(", running now") : QString());
        images_->addItem(text, qs(image.path));
        images_->setItemData(images_->count() - 1, qs(image.version), Qt::UserRole + 1);
    }
    if (images_->count() > 0) {
        images_->setCurrentIndex(images_->count() - 1);  // the newest
        status_->setText(QString());
    } else {
        status_->setText(tr("No signed image found: build the firmware or keep the running one."));
    }
    flash_->setEnabled(images_->count() > 0);
}

void FirmwarePage::setFlashing(bool on)
{
    flashing_ = on;
    flash_->setEnabled(!on && images_->count() > 0);
    cancel_->setEnabled(on);
    images_->setEnabled(!on);
    skip_->setEnabled(!on);
    Q_EMIT completeChanged();
}

void FirmwarePage::startFlash()
{
    const std::string path = images_->currentData().toString().toStdString();
    const std::string version = images_->currentData(Qt::UserRole + 1).toString().toStdString();
    QPointer<FirmwarePage> self(this);
    app::FlashObserver observer;
    observer.onPhase = [self](app::FlashPhase p) { if (self) self->onPhase(p); };
    observer.onProgress = [self](const app::FlashProgressInfo& p) { if (self) self->onProgress(p); };
    observer.onUnplugged = [self](int percent, const std::string&) {
        if (self) {
            self->status_->setText(tr("Unplugged at %1 %: reconnect to resume.").arg(percent));
        }
    };
    observer.onFinished = [self, version](app::FlashPhase p, const std::string& message) {
        if (self) {
            self->onFinished(p, message);
            if (p == app::FlashPhase::Done) {
                self->verify(version);
            }
        }
    };
    std::string error;
    wizard_->state().flashed = false;
    progress_->setValue(0);
    status_->clear();
    if (!wizard_->hubs()->startFlash(path, std::move(observer), &error)) {
        status_->setText(qs(error));
        return;
    }
    setFlashing(true);
}

void FirmwarePage::cancelFlash() { wizard_->hubs()->cancelFlash(); }

void FirmwarePage::onPhase(app::FlashPhase phase)
{
    switch (phase) {
    case app::FlashPhase::Connecting: phase_->setText(tr("Connecting…")); break;
    case app::FlashPhase::Handshake: phase_->setText(tr("Talking to the hub…")); break;
    case app::FlashPhase::Erasing: phase_->setText(tr("Preparing the hub's spare slot…")); break;
    case app::FlashPhase::Sending:
        phase_->setText(tr("Sending the image…"));
        status_->clear();  // a resumed transfer clears the unplug message
        break;
    case app::FlashPhase::Verifying: phase_->setText(tr("The hub checks hash and signature…")); break;
    case app::FlashPhase::Rebooting: phase_->setText(tr("Rebooting into the new image…")); break;
    case app::FlashPhase::Confirming: phase_->setText(tr("Waiting for the new image to answer…")); break;
    default: break;
    }
}

void FirmwarePage::onProgress(const app::FlashProgressInfo& p)
{
    lastPercent_ = p.percent;
    progress_->setValue(p.percent);
    speed_->setText(formatRate(p.bytesPerSecond));
    timeLeft_->setText(p.secondsLeft < 0 ? QString()
                                         : tr("%n s left", nullptr, static_cast<int>(p.secondsLeft + 0.5)));
}

void FirmwarePage::onFinished(app::FlashPhase phase, const std::string& message)
{
    setFlashing(false);
    switch (phase) {
    case app::FlashPhase::Done: phase_->setText(tr("Flashed.")); break;
    case app::FlashPhase::Cancelled:
        phase_->setText(tr("Cancelled."));
        status_->setText(tr("Cancelled at %1 %: flash again to resume from there.").arg(lastPercent_));
        return;
    default:
        phase_->setText(tr("Flashing failed."));
        status_->setText(qs(message));
        return;
    }
    status_->setText(tr("Verifying the hub's firmware…"));
}

void FirmwarePage::verify(const std::string& expectedVersion)
{
    // Read the identity afresh: the hub must run the new image, confirmed.
    QPointer<FirmwarePage> self(this);
    wizard_->hubs()->connectHub(wizard_->state().portPath, [self, expectedVersion](
                                                               const std::string& error,
                                                               const app::HubIdentityInfo& id) {
        if (!self) {
            return;
        }
        ProvisioningState& s = self->wizard_->state();
        if (!error.empty()) {
            self->status_->setText(tr("Flashed, but the hub does not answer any more (%1): "
                                      "reconnect it and check its version on the first page.")
                                       .arg(qs(error)));
            return;
        }
        s.identity = id;
        if (id.firmwareVersion != expectedVersion || id.testBoot) {
            self->status_->setText(tr("The hub runs %1 (%2), not the confirmed %3: flash again.")
                                       .arg(qs(id.firmwareVersion),
                                            id.testBoot ? tr("unconfirmed") : tr("confirmed"),
                                            qs(expectedVersion)));
            return;
        }
        s.flashed = true;
        s.flashedVersion = expectedVersion;
        self->status_->setText(tr("Verified: the hub runs %1, confirmed.").arg(qs(expectedVersion)));
        Q_EMIT self->completeChanged();
    });
}

bool FirmwarePage::isComplete() const
{
    return !flashing_ && (wizard_->state().flashed || skip_->isChecked());
}

// ---------------------------------------------------------------- ProvisionPage

ProvisionPage::ProvisionPage(ProvisioningWizard* wizard) : wizard_(wizard)
{
    setTitle(tr("Provision the hub"));
    setSubTitle(tr("Choose the ruche and the alvéole this hub serves. The hub makes its own "
                   "identity key; your technician credential authorises it."));
    ruche_ = new QComboBox(this);
    ruche_->setObjectName(QStringLiteral("ruche"));
    alveole_ = new QComboBox(this);
    alveole_->setObjectName(QStringLiteral("alveole"));
    provision_ = new QPushButton(tr("&Provision"), this);
    provision_->setObjectName(QStringLiteral("provision"));
    status_ = makeStatus(this, "provisionStatus");
    auto* form = new QFormLayout;
    form->addRow(tr("Ruche:"), ruche_);
    form->addRow(tr("Alvéole:"), alveole_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(provision_);
    layout->addWidget(status_);
    layout->addStretch();
    connect(ruche_, &QComboBox::currentIndexChanged, this, &ProvisionPage::fillAlveoles);
    connect(provision_, &QPushButton::clicked, this, &ProvisionPage::provision);
}

void ProvisionPage::initializePage()
{
    ruche_->clear();
    for (const ProvisioningTarget& t : wizard_->targets()) {
        ruche_->addItem(qs(t.rucheId));
    }
    provision_->setEnabled(ruche_->count() > 0);
    status_->setText(ruche_->count() > 0 ? QString()
                                         : tr("No ruche is known to the console: load a scenario first."));
}

void ProvisionPage::fillAlveoles()
{
    alveole_->clear();
    const int r = ruche_->currentIndex();
    if (r < 0 || r >= static_cast<int>(wizard_->targets().size())) {
        return;
    }
    for (const auto& a : wizard_->targets()[static_cast<size_t>(r)].alveoles) {
        alveole_->addItem(qs(a.id));
    }
}

void ProvisionPage::provision()
{
    const int r = ruche_->currentIndex();
    const int a = alveole_->currentIndex();
    if (r < 0 || a < 0) {
        status_->setText(tr("Choose a ruche and an alvéole."));
        return;
    }
    const ProvisioningTarget& target = wizard_->targets()[static_cast<size_t>(r)];
    const auto& alveole = target.alveoles[static_cast<size_t>(a)];
    provision_->setEnabled(false);
    status_->setText(tr("Provisioning…"));
    QPointer<ProvisionPage> self(this);
    wizard_->hubs()->provision(
        target.rucheNumber, alveole.number,
        [self, rucheId = target.rucheId, alveoleId = alveole.id](const app::ProvisioningOutcome& out) {
            if (!self) {
                return;
            }
            self->provision_->setEnabled(true);
            if (!out.ok) {
                self->status_->setText(qs(out.error));
                return;
            }
            ProvisioningState& s = self->wizard_->state();
            s.provisioned = true;
            s.address = out.address;
            s.rucheId = rucheId;
            s.alveoleId = alveoleId;
            self->status_->setText(tr("Provisioned. The hub's address is %1.").arg(qs(out.address)));
            Q_EMIT self->completeChanged();
        });
}

bool ProvisionPage::isComplete() const { return wizard_->state().provisioned; }

// ---------------------------------------------------------------- RegisterPage

RegisterPage::RegisterPage(ProvisioningWizard* wizard) : wizard_(wizard)
{
    setTitle(tr("Register on the ledger"));
    setSubTitle(tr("The ledger accepts the hub's signed readings once its address is registered "
                   "for its alvéole."));
    summary_ = makeStatus(this, "registerSummary");
    register_ = new QPushButton(tr("&Register"), this);
    register_->setObjectName(QStringLiteral("registerHub"));
    status_ = makeStatus(this, "registerStatus");
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addWidget(register_);
    layout->addWidget(status_);
    layout->addStretch();
    connect(register_, &QPushButton::clicked, this, &RegisterPage::registerHub);
}

void RegisterPage::initializePage()
{
    const ProvisioningState& s = wizard_->state();
    summary_->setText(tr("Address %1\nAlvéole %2 in ruche %3")
                          .arg(qs(s.address), qs(s.alveoleId), qs(s.rucheId)));
    register_->setEnabled(!s.registered);
}

void RegisterPage::registerHub()
{
    ProvisioningState& s = wizard_->state();
    if (!wizard_->registrar()) {
        status_->setText(tr("No ledger is connected to this console: register the address later "
                            "from the ledger view."));
        return;
    }
    const app::HubRegistration result = wizard_->registrar()->registerHub(s.address, s.alveoleId, s.rucheId);
    if (!result.ok) {
        status_->setText(tr("The ledger refused the registration: %1").arg(qs(result.error)));
        return;
    }
    s.registered = true;
    register_->setEnabled(false);
    status_->setText(tr("Registered: the ledger now accepts this hub's readings."));
    Q_EMIT completeChanged();
}

bool RegisterPage::isComplete() const { return wizard_->state().registered; }

}  // namespace swarmergy::widgets
