#include "drivers/service/HubLinkServiceImpl.h"

#include "drivers/serial/HubIdentity.h"
#include "drivers/serial/SerialTransport.h"

#include <QDir>
#include <QDirIterator>
#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace swarmergy::drivers {

namespace {

std::string utf8(const QString& s) { return s.toStdString(); }

app::FlashPhase toPhase(FlashState state)
{
    switch (state) {
    case FlashState::Idle:
    case FlashState::Connecting: return app::FlashPhase::Connecting;
    case FlashState::Handshake: return app::FlashPhase::Handshake;
    case FlashState::Beginning: return app::FlashPhase::Erasing;
    case FlashState::Sending: return app::FlashPhase::Sending;
    case FlashState::Verifying: return app::FlashPhase::Verifying;
    case FlashState::Rebooting: return app::FlashPhase::Rebooting;
    case FlashState::Confirming: return app::FlashPhase::Confirming;
    case FlashState::Done: return app::FlashPhase::Done;
    case FlashState::Failed: return app::FlashPhase::Failed;
    case FlashState::Cancelled: return app::FlashPhase::Cancelled;
    }
    return app::FlashPhase::Failed;
}

app::HubIdentityInfo toInfo(const HubIdentity& id)
{
    app::HubIdentityInfo info;
    info.model = utf8(id.model);
    info.serial = utf8(id.serialHex());
    info.firmwareVersion = utf8(formatFirmwareVersion(id.firmwareVersion));
    info.bootloaderVersion = utf8(formatFirmwareVersion(id.bootloaderVersion));
    info.versionFloor = utf8(formatFirmwareVersion(id.versionFloor));
    info.activeSlot = id.activeSlot == 0 ? 'A' : 'B';
    info.testBoot = id.testBoot;
    info.provisioned = id.provisioned;
    info.address = id.provisioned ? utf8(id.addressText()) : std::string();
    info.rucheNumber = id.rucheId;
    info.alveoleNumber = id.alveoleId;
    info.canFlash = (id.capabilities & SWP_CAP_FLASH) != 0;
    info.canProvision = (id.capabilities & SWP_CAP_PROVISION) != 0;
    return info;
}

}  // namespace

HubLinkServiceImpl::HubLinkServiceImpl(HubLinkServiceOptions options, QObject* parent)
    : QObject(parent), options_(std::move(options))
{
    if (!options_.transportFactory) {
        options_.transportFactory = [](const QString& path) -> std::unique_ptr<HubTransport> {
            return std::make_unique<SerialTransport>(SerialSettings{path, 115200});
        };
    }
}

HubLinkServiceImpl::~HubLinkServiceImpl()
{
    // Sessions first: they hold pointers to the link, which holds one to the transport.
    flash_.reset();
    provisioning_.reset();
    link_.reset();
    transport_.reset();
}

void HubLinkServiceImpl::addVirtualPort(const QString& path, const QString& description)
{
    virtualPorts_.push_back({utf8(path), utf8(description), true});
}

std::vector<app::HubPort> HubLinkServiceImpl::ports()
{
    std::vector<app::HubPort> out = virtualPorts_;
    for (const SerialPortDescription& port : availableSerialPorts()) {
        const std::string path = utf8(port.portName);
        const bool known = std::any_of(out.begin(), out.end(),
                                       [&](const app::HubPort& p) { return p.path == path; });
        if (!known) {
            out.push_back({path, utf8(port.description), false});
        }
    }
    return out;
}

namespace {

// Deleted from the event loop: disconnectHub() may run inside one of their own signals (the
// wizard reconnects from the flasher's finished()).
template <typename T>
void retire(std::unique_ptr<T>& object)
{
    if (object) {
        object.release()->deleteLater();
    }
}

}  // namespace

void HubLinkServiceImpl::disconnectHub()
{
    ++connectGeneration_;
    if (flash_) {
        flash_->disconnect(this);
        flash_->cancel();
    }
    if (provisioning_) {
        provisioning_->disconnect(this);
    }
    if (link_) {
        link_->cancelAll(LinkError::Closed, tr("disconnected"));
    }
    retire(flash_);
    retire(provisioning_);
    retire(link_);
    if (transport_) {
        transport_->close();
    }
    retire(transport_);
}

void HubLinkServiceImpl::connectHub(
    const std::string& portPath,
    std::function<void(const std::string&, const app::HubIdentityInfo&)> done)
{
    // The previous transport may still hold the port (and its lock file) until it is
    // deleted: open the new one only then.
    QPointer<HubTransport> previous = transport_.get();
    disconnectHub();
    const quint64 generation = connectGeneration_;
    transport_ = options_.transportFactory(QString::fromStdString(portPath));
    link_ = std::make_unique<HubLink>(transport_.get());
    link_->setDefaultTiming(options_.flash.linkTiming);
    auto reply = std::make_shared<decltype(done)>(std::move(done));
    auto stillCurrent = [self = QPointer<HubLinkServiceImpl>(this), generation] {
        return self && self->connectGeneration_ == generation;
    };
    connect(transport_.get(), &HubTransport::opened, this, [this, reply, stillCurrent] {
        if (stillCurrent() && !link_->handshakeDone()) {
            readIdentity(*reply);
        }
    }, Qt::SingleShotConnection);
    connect(transport_.get(), &HubTransport::openFailed, this,
            [reply, stillCurrent, portPath](const QString& why) {
                if (stillCurrent()) {
                    (*reply)(utf8(tr("Cannot open %1 (%2): check the cable and that no other "
                                     "program uses the port.")
                                      .arg(QString::fromStdString(portPath), why)),
                             {});
                }
            }, Qt::SingleShotConnection);
    if (previous) {
        connect(previous, &QObject::destroyed, transport_.get(), &HubTransport::open);
    } else {
        transport_->open();
    }
}

void HubLinkServiceImpl::readIdentity(
    std::function<void(const std::string&, const app::HubIdentityInfo&)> done)
{
    const quint64 generation = connectGeneration_;
    readHubIdentity(link_.get(), [self = QPointer<HubLinkServiceImpl>(this), generation,
                                  done = std::move(done)](const QString& error, const HubIdentity& id) {
        if (!self || self->connectGeneration_ != generation) {
            return;
        }
        if (!error.isEmpty()) {
            done(utf8(tr("The hub does not answer (%1): check that it is powered and that this "
                         "is its port.")
                          .arg(error)),
                 {});
            return;
        }
        done({}, toInfo(id));
    });
}

std::vector<app::FirmwareImageInfo> HubLinkServiceImpl::images()
{
    std::vector<app::FirmwareImageInfo> out;
    std::vector<std::pair<quint32, app::FirmwareImageInfo>> found;
    for (const QString& root : options_.imageRoots) {
        QDirIterator it(root, {QStringLiteral("*.swfw")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QString error;
            if (auto image = loadFirmwareImage(it.next(), &error)) {
                found.push_back({image->version,
                                 {utf8(image->path), utf8(image->versionText()),
                                  static_cast<std::uint64_t>(image->bytes.size())}});
            }
        }
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second.path < b.second.path;
    });
    for (auto& [version, info] : found) {
        out.push_back(std::move(info));
    }
    return out;
}

bool HubLinkServiceImpl::startFlash(const std::string& imagePath, app::FlashObserver observer,
                                    std::string* error)
{
    if (!link_) {
        *error = utf8(tr("No hub connected: pick a port first."));
        return false;
    }
    if (flash_ && !isFinal(flash_->state()) && flash_->state() != FlashState::Idle) {
        *error = utf8(tr("A flash is already running."));
        return false;
    }
    QString why;
    const auto image = loadFirmwareImage(QString::fromStdString(imagePath), &why);
    if (!image) {
        *error = utf8(why);
        return false;
    }
    flash_ = std::make_unique<FlashSession>(link_.get(), options_.flash);
    auto shared = std::make_shared<app::FlashObserver>(std::move(observer));
    connect(flash_.get(), &FlashSession::stateChanged, this, [shared](FlashState s) {
        if (shared->onPhase && !isFinal(s)) {
            shared->onPhase(toPhase(s));
        }
    });
    connect(flash_.get(), &FlashSession::progressChanged, this, [shared](const FlashProgress& p) {
        if (shared->onProgress) {
            shared->onProgress({p.bytesDone, p.bytesTotal, p.bytesPerSecond, p.secondsLeft, p.percent()});
        }
    });
    connect(flash_.get(), &FlashSession::waitingForReconnect, this,
            [shared](int percent, const QString& reason) {
                if (shared->onUnplugged) {
                    shared->onUnplugged(percent, utf8(reason));
                }
            });
    connect(flash_.get(), &FlashSession::finished, this,
            [shared](FlashState s, const QString& message) {
                if (shared->onFinished) {
                    shared->onFinished(toPhase(s), utf8(message));
                }
            });
    flash_->start(*image);
    return true;
}

void HubLinkServiceImpl::cancelFlash()
{
    if (flash_) {
        flash_->cancel();
    }
}

void HubLinkServiceImpl::provision(std::uint32_t rucheNumber, std::uint32_t alveoleNumber,
                                   std::function<void(const app::ProvisioningOutcome&)> done)
{
    auto fail = [&done](const QString& why) {
        QTimer::singleShot(0, [done, why] { done({false, utf8(why), {}, {}}); });
    };
    if (!link_) {
        fail(tr("No hub connected: pick a port first."));
        return;
    }
    if (options_.technicianKey.size() != 32) {
        fail(tr("No technician credential is loaded: set your key file in the settings."));
        return;
    }
    provisioning_ = std::make_unique<ProvisioningClient>(link_.get());
    ProvisioningRequest request;
    request.rucheId = rucheNumber;
    request.alveoleId = alveoleNumber;
    request.technicianKey = options_.technicianKey;
    request.chainId = options_.ledgerChainId;
    request.nrgToken = options_.nrgToken;
    request.generateNetworkKeys();
    connect(provisioning_.get(), &ProvisioningClient::finished, this,
            [done = std::move(done)](const ProvisioningResult& r) {
                done({r.ok, utf8(r.errorText), r.ok ? utf8(r.addressText()) : std::string(),
                      r.ok ? r.publicKey.toHex().toStdString() : std::string()});
            });
    provisioning_->provision(request);
}

void HubLinkServiceImpl::setLedgerDomain(quint64 chainId, const QByteArray& nrgToken)
{
    options_.ledgerChainId = chainId;
    options_.nrgToken = nrgToken;  // checked by ProvisioningClient before any I/O
}

// ---- DemoHubs ----

DemoHubs::DemoHubs(QObject* parent) : QObject(parent) {}

DemoHubs::~DemoHubs() = default;

QStringList DemoHubs::start(int count, const QString& stateRoot, const QString& factoryImage,
                            QString* error)
{
    QStringList paths;
    const QString program = findVirtualHubProgram();
    for (int i = 1; i <= count; ++i) {
        const QString dir = QDir(stateRoot).filePath(QStringLiteral("hub-%1").arg(i));
        QDir().mkpath(dir);
        if (!program.isEmpty()) {
            auto hub = std::make_unique<VirtualHubProcess>();
            if (hub->start(program, dir, factoryImage)) {
                paths << hub->ptyPath();
                processes_.push_back(std::move(hub));
                continue;
            }
            if (error) {
                *error = hub->errorText();
            }
        }
        FakeHubConfig config;
        config.serial = QStringLiteral("DEMO%1").arg(i, 4, 10, QLatin1Char('0')).toLatin1();
        config.seed = static_cast<quint32>(i);
        auto fake = std::make_unique<PtyFakeHub>(config);
        if (fake->start()) {
            paths << fake->ptyPath();
            fakes_.push_back(std::move(fake));
        } else if (error) {
            *error = fake->errorText();
        }
    }
    return paths;
}

}  // namespace swarmergy::drivers
