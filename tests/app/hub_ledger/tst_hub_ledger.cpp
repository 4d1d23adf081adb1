// A Smart Hub's readings minted on the console's ledger, end to end (issue 6):
//  - readingMintsOnceAndOnlyForRegisteredHubs: the firmware's virtual hub (host build) is
//    provisioned over its pty for the ledger's chain, closes a 15-minute period from sensor
//    feeds and answers READING_REQUEST with a signed reading; the ledger's own code
//    (ledger/contracts/MeterReading.h) recovers the hub's address from it; submitted to an
//    in-process app::LedgerService after registerHub, it mints MintPolicy's amount to the
//    alvéole's account; the same reading replayed mints nothing; a provisioned but
//    unregistered hub's reading is refused.
//  - wizardInstallsAHubWhoseReadingsMint: the technician's wizard opened by
//    app::ProvisioningWiring provisions a demo virtual hub and registers it on the
//    LedgerService (its HubRegistrar); that hub's signed reading then mints.
//  - wizardProvisionsForTheRegistrarsLedger: the wiring hands the registrar's reading domain
//    to the hub (protocol 1.1): a registrar naming another chain gets readings signed for it,
//    which this ledger refuses.
// Receipts are awaited by polling in the event loop with deadlines (QTRY_*), never by sleeps.

#include "app/LedgerService.h"
#include "app/ProvisioningWiring.h"
#include "drivers/provision/ProvisioningClient.h"
#include "drivers/serial/HubIdentity.h"
#include "drivers/serial/HubLink.h"
#include "drivers/serial/SerialTransport.h"
#include "drivers/service/HubLinkServiceImpl.h"
#include "drivers/virtual/VirtualHubs.h"
#include "firmware/core/swh_store.h"
#include "ledger/contracts/MintPolicy.h"
#include "ledger/contracts/SwarmergyContracts.h"
#include "widgets/provisioning/ProvisioningWizard.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMainWindow>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace swarmergy;
using namespace swarmergy::drivers;

namespace {

constexpr int kWaitMs = 30000;

// Runs the event loop until `done` holds or the deadline passes (what QTRY_* do, usable
// outside a test function); returns whether it holds.
template <typename Condition>
bool processEventsUntil(Condition done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired()) {
        QTest::qWait(10);
    }
    return done();
}
// The DEMO technician credential (resources/keys/technician-demo.key), as the virtual hub.
const char* const kTechnicianKeyHex = "f1daeb84500ab631184842330dd4632126e6467eda0b255285b98b099de223c2";

// The last closed 15-minute period the hub meters: two hours ago, so that the ledger's next
// block (wall-clock timestamps) is past its end.
std::uint32_t meteredPeriodStart()
{
    const auto now = static_cast<std::uint32_t>(QDateTime::currentSecsSinceEpoch());
    const std::uint32_t start = now - 7200;
    return start - start % 900;
}

// One hub on a pty, spoken to through the drivers (SerialTransport + HubLink), synchronously
// from the test's point of view: each call runs the event loop until the reply or a deadline.
class HubSession {
public:
    bool open(const QString& port, QString* error)
    {
        transport_ = std::make_unique<SerialTransport>(SerialSettings{port});
        link_ = std::make_unique<HubLink>(transport_.get());
        QSignalSpy opened(transport_.get(), &HubTransport::opened);
        transport_->open();
        if (!opened.wait(5000)) {
            *error = QStringLiteral("cannot open %1").arg(port);
            return false;
        }
        std::optional<LinkReply> hello;
        link_->handshake([&](const LinkReply& r, const HubHello&) { hello = r; });
        if (!waitUntil([&] { return hello.has_value(); }) || !hello->ok()) {
            *error = QStringLiteral("no HELLO from %1").arg(port);
            return false;
        }
        return true;
    }

    // Speaks over a link someone else holds open (the wizard's service).
    void attach(HubLink* link) { external_ = link; }

    HubLink* link() const { return external_ ? external_ : link_.get(); }

    LinkReply request(const swp_message& m)
    {
        std::optional<LinkReply> reply;
        link()->request(m, [&](const LinkReply& r) { reply = r; });
        if (!waitUntil([&] { return reply.has_value(); })) {
            LinkReply timedOut;
            timedOut.error = LinkError::Timeout;
            timedOut.errorText = QStringLiteral("no reply in time");
            return timedOut;
        }
        return *reply;
    }

    ProvisioningResult provision(quint32 ruche, quint32 alveole, quint64 chainId)
    {
        ProvisioningClient client(link());
        ProvisioningRequest request;
        request.rucheId = ruche;
        request.alveoleId = alveole;
        request.technicianKey = QByteArray::fromHex(kTechnicianKeyHex);
        request.chainId = chainId;
        request.generateNetworkKeys();
        std::optional<ProvisioningResult> result;
        QObject::connect(&client, &ProvisioningClient::finished,
                         [&](const ProvisioningResult& r) { result = r; });
        client.provision(request);
        if (!waitUntil([&] { return result.has_value(); })) {
            return {false, QStringLiteral("no provisioning result in time"), SWP_OK, {}, {}};
        }
        return *result;
    }

    // Feeds a sunny quarter hour (PV well above the load, battery full so the surplus is
    // exported) from periodStart to its end, then asks for that period's reading.
    std::optional<swp_reading> meterOnePeriod(std::uint32_t periodStart, QString* error)
    {
        swp_message soc{};
        soc.type = SWP_MSG_CONFIG_SET;
        soc.body.configSet = {SWH_CFG_SOC_PERMILLE, 950};
        if (!request(soc).ok()) {
            *error = QStringLiteral("CONFIG_SET SoC failed");
            return std::nullopt;
        }
        swp_message feed{};
        feed.type = SWP_MSG_SENSOR_FEED;
        for (std::uint32_t t = periodStart; t <= periodStart + 900; t += 60) {
            feed.body.sensorFeed = {t, 6000, 400, 1};
            const LinkReply r = request(feed);
            if (!r.ok() || r.type != SWP_MSG_TELEMETRY) {
                *error = QStringLiteral("SENSOR_FEED at %1: %2").arg(t).arg(r.errorText);
                return std::nullopt;
            }
        }
        swp_message ask{};
        ask.type = SWP_MSG_READING_REQUEST;
        ask.body.readingRequest.periodStartS = periodStart;
        const LinkReply reading = request(ask);
        if (!reading.ok() || reading.type != SWP_MSG_READING) {
            *error = QStringLiteral("no READING for %1 (%2, status %3)")
                         .arg(periodStart).arg(reading.errorText).arg(reading.hubStatus());
            return std::nullopt;
        }
        return reading.message.body.reading;
    }

private:
    template <typename Condition>
    static bool waitUntil(Condition done, int timeoutMs = 10000)
    {
        return processEventsUntil(done, timeoutMs);
    }

    std::unique_ptr<SerialTransport> transport_;
    std::unique_ptr<HubLink> link_;
    HubLink* external_ = nullptr;
};

ledger::MeterReading meterReading(const QByteArray& hubAddress, const swp_reading& r)
{
    ledger::MeterReading m;
    m.hub = ledger::addressFromBytes(ledger::ByteView(reinterpret_cast<const std::uint8_t*>(hubAddress.constData()),
                                                      static_cast<std::size_t>(hubAddress.size())));
    m.intervalStartUnix = r.periodStartS;
    m.exportedWh = r.exportWh;
    m.importedWh = r.importWh;
    return m;
}

ledger::Signature signatureOf(const swp_reading& r)
{
    return ledger::Signature::fromBytes65(ledger::ByteView(r.signature, 65));
}

// The ledger's policy, as consensus applies it: the exact NRG the reading must mint.
std::string expectedMintNrg(const ledger::MeterReading& m)
{
    const ledger::U256 wei = ledger::FlatMintPolicy().mintAmount(m.exportedWh, m.intervalStartUnix);
    return app::LedgerService::formatNrg(wei.toDecimal());
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

template <typename T>
T* child(QWidget* parent, const char* name)
{
    return parent->findChild<T*>(QString::fromLatin1(name));
}

}  // namespace

class TstHubLedger : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void readingMintsOnceAndOnlyForRegisteredHubs();
    void wizardInstallsAHubWhoseReadingsMint();
    void wizardProvisionsForTheRegistrarsLedger();

private:
    std::unique_ptr<app::ProvisioningWiring> makeWiring(QMainWindow& window, app::HubRegistrar* registrar,
                                                        const std::string& ruche, const std::string& alveole,
                                                        const QString& stateName);
    // Drives the wizard: first demo hub, no flashing, provision, register. The hub's address,
    // or "" when a step failed.
    static std::string installWithWizard(QMainWindow& window);
    // Submits and waits for the receipt: its status, or nullopt when none came in time.
    std::optional<bool> submitAndSeal(const ledger::MeterReading& m, const ledger::Signature& sig);
    bool startHub(VirtualHubProcess& hub, const QString& name);

    QTemporaryDir dir_;
    QString image_;
    QString hubProgram_;
    std::unique_ptr<app::LedgerService> ledger_;
};

void TstHubLedger::initTestCase()
{
    QVERIFY(dir_.isValid());
    hubProgram_ = findVirtualHubProgram();
    QVERIFY2(!hubProgram_.isEmpty(), "swarmergy-virtual-hub not found (SWARMERGY_VIRTUAL_HUB)");
    // A factory image for fresh virtual hubs, signed with the DEMO firmware key.
    const QString images = dir_.filePath(QStringLiteral("images"));
    QDir().mkpath(images);
    image_ = images + QStringLiteral("/hub-1.0.0.swfw");
    const QString bin = dir_.filePath(QStringLiteral("payload.bin"));
    QVERIFY(writeFile(bin, QByteArray(4096, '\x5A')));
    QCOMPARE(QProcess::execute(QStringLiteral(FW_TOOL_PATH),
                               {QStringLiteral("sign"), QStringLiteral("--key"), QStringLiteral(FIRMWARE_KEY_PATH),
                                QStringLiteral("--version"), QStringLiteral("1.0.0"), bin, image_}),
             0);
    ledger_ = std::make_unique<app::LedgerService>(dir_.filePath(QStringLiteral("ledger")).toStdString());
    ledger_->start();
    QVERIFY(ledger_->running());
}

void TstHubLedger::cleanupTestCase()
{
    if (ledger_) {
        ledger_->stop();
    }
}

bool TstHubLedger::startHub(VirtualHubProcess& hub, const QString& name)
{
    if (!hub.start(hubProgram_, dir_.filePath(name), image_)) {
        qWarning("%s: %s", qPrintable(name), qPrintable(hub.errorText()));
        return false;
    }
    return true;
}

std::optional<bool> TstHubLedger::submitAndSeal(const ledger::MeterReading& m, const ledger::Signature& sig)
{
    const app::LedgerSubmission sent = ledger_->submitReading(m, sig);
    if (!sent.ok) {
        qWarning("submission refused by the pool: %s", sent.error.c_str());
        return false;
    }
    // Blocks seal every second: poll the receipt in the event loop with a deadline.
    processEventsUntil([&] { return ledger_->receiptStatus(sent.transactionHash).has_value(); }, kWaitMs);
    return ledger_->receiptStatus(sent.transactionHash);
}

void TstHubLedger::readingMintsOnceAndOnlyForRegisteredHubs()
{
    const std::uint32_t period = meteredPeriodStart();
    VirtualHubProcess process;
    QVERIFY(startHub(process, QStringLiteral("hub-registered")));
    HubSession hub;
    QString error;
    QVERIFY2(hub.open(process.ptyPath(), &error), qPrintable(error));
    QVERIFY(hub.link()->hello().has(SWP_CAP_LEDGER_READING));

    // Provisioned over the link for the ledger's chain.
    const ProvisioningResult provisioned = hub.provision(5, 77, ledger_->chainId());
    QVERIFY2(provisioned.ok && provisioned.ledgerDomainSet, qPrintable(provisioned.errorText));
    const auto reading = hub.meterOnePeriod(period, &error);
    QVERIFY2(reading, qPrintable(error));
    QVERIFY2(reading->exportWh > 0, "the sunny quarter hour exported nothing: nothing to mint");

    // The ledger's own code recovers the hub's address from the reading.
    const ledger::MeterReading m = meterReading(provisioned.address, *reading);
    const ledger::Signature sig = signatureOf(*reading);
    const auto signer = ledger::recoverAddress(
        ledger::readingDigest(m, ledger_->chainId(), ledger::contracts::kNrgToken), sig);
    QVERIFY(signer.has_value());
    QCOMPARE(ledger::toChecksumAddress(*signer), provisioned.addressText().toStdString());

    // Registered for its alvéole, then minted: the account gets exactly the policy's amount.
    const std::string alveole = "r05-a077";
    const std::string account = app::LedgerService::alveoleAccount(alveole);
    QCOMPARE(ledger_->nrgBalance(account), std::optional<std::string>("0.000000000000000000"));
    const app::HubRegistration registration =
        ledger_->registerHub(provisioned.addressText().toStdString(), alveole, "r05");
    QVERIFY2(registration.ok, registration.error.c_str());
    QTRY_VERIFY_WITH_TIMEOUT(ledger_->registeredAlveole(provisioned.addressText().toStdString()) ==
                                 std::optional<std::string>(alveole),
                             kWaitMs);
    QCOMPARE(submitAndSeal(m, sig), std::optional<bool>(true));
    const std::string minted = expectedMintNrg(m);
    QCOMPARE(ledger_->nrgBalance(account), std::optional<std::string>(minted));

    // The same reading again: refused, nothing more minted.
    QCOMPARE(submitAndSeal(m, sig), std::optional<bool>(false));
    QCOMPARE(ledger_->nrgBalance(account), std::optional<std::string>(minted));

    // A hub provisioned the same way but never registered: its reading is refused.
    VirtualHubProcess strangerProcess;
    QVERIFY(startHub(strangerProcess, QStringLiteral("hub-unregistered")));
    HubSession stranger;
    QVERIFY2(stranger.open(strangerProcess.ptyPath(), &error), qPrintable(error));
    const ProvisioningResult strangerId = stranger.provision(5, 78, ledger_->chainId());
    QVERIFY2(strangerId.ok, qPrintable(strangerId.errorText));
    QVERIFY(strangerId.address != provisioned.address);
    const auto strangerReading = stranger.meterOnePeriod(period, &error);
    QVERIFY2(strangerReading, qPrintable(error));
    const ledger::MeterReading sm = meterReading(strangerId.address, *strangerReading);
    QCOMPARE(ledger::recoverAddress(ledger::readingDigest(sm, ledger_->chainId(), ledger::contracts::kNrgToken),
                                    signatureOf(*strangerReading)),
             std::optional<ledger::Address>(sm.hub));
    QCOMPARE(submitAndSeal(sm, signatureOf(*strangerReading)), std::optional<bool>(false));
    QCOMPARE(ledger_->nrgBalance(app::LedgerService::alveoleAccount("r05-a078")),
             std::optional<std::string>("0.000000000000000000"));
}

namespace {

// A registrar that registers on the ledger but names another ledger's domain: what the wizard
// then provisions must follow the registrar.
class OtherDomainRegistrar : public app::HubRegistrar {
public:
    explicit OtherDomainRegistrar(app::HubRegistrar* ledger) : ledger_(ledger) {}
    app::HubRegistration registerHub(const std::string& address, const std::string& alveole,
                                     const std::string& ruche) override
    {
        return ledger_->registerHub(address, alveole, ruche);
    }
    std::optional<app::LedgerReadingDomain> readingDomain() const override
    {
        return app::LedgerReadingDomain{31337, "0x00000000000000000000000000000000000a1001"};
    }

private:
    app::HubRegistrar* ledger_;
};

}  // namespace

std::string TstHubLedger::installWithWizard(QMainWindow& window)
{
    auto* wizard = window.findChild<widgets::ProvisioningWizard*>();
    if (!wizard) {
        return {};
    }
    // Port page: the first demo hub.
    auto* ports = child<QListWidget>(wizard, "ports");
    if (!ports || ports->count() < 1) {
        return {};
    }
    ports->setCurrentRow(0);
    QTest::mouseClick(child<QPushButton>(wizard, "connectHub"), Qt::LeftButton);
    if (!processEventsUntil([&] { return wizard->button(QWizard::NextButton)->isEnabled(); }, kWaitMs)) {
        return {};
    }
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    // Firmware page: the hub already runs the only image.
    if (wizard->currentId() != int(widgets::ProvisioningWizard::FirmwarePage)) {
        return {};
    }
    child<QCheckBox>(wizard, "skipFlash")->setChecked(true);
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    // Provision into the snapshot's only alvéole, then register on the ledger.
    QTest::mouseClick(child<QPushButton>(wizard, "provision"), Qt::LeftButton);
    if (!processEventsUntil([&] { return wizard->state().provisioned; }, kWaitMs)) {
        return {};
    }
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(wizard, "registerHub"), Qt::LeftButton);
    if (!wizard->state().registered) {
        qWarning("registration: %s", qPrintable(child<QLabel>(wizard, "registerStatus")->text()));
        return {};
    }
    return wizard->state().address;
}

// The wiring as the console makes it in the demo: virtual hubs booting the build's image
// (their state under our temporary directory), the DEMO credential, a snapshot with one
// ruche and one alvéole.
std::unique_ptr<app::ProvisioningWiring> TstHubLedger::makeWiring(QMainWindow& window, app::HubRegistrar* registrar,
                                                                  const std::string& ruche,
                                                                  const std::string& alveole,
                                                                  const QString& stateName)
{
    qputenv("SWARMERGY_IMAGE_DIR", QFileInfo(image_).absolutePath().toLocal8Bit());
    const QString temp = dir_.filePath(stateName);
    QDir().mkpath(temp);
    qputenv("TMPDIR", temp.toLocal8Bit());
    auto snapshot = std::make_shared<model::EssaimSnapshot>();
    snapshot->ruches.resize(1);
    snapshot->ruches[0].id = ruche;
    auto rows = std::make_shared<std::vector<model::AlveoleRow>>(1);
    (*rows)[0].id = alveole;
    snapshot->alveoles = rows;
    auto wiring = std::make_unique<app::ProvisioningWiring>(&window, [snapshot] { return snapshot; }, registrar, true);
    wiring->openAction()->trigger();
    return wiring;
}

void TstHubLedger::wizardInstallsAHubWhoseReadingsMint()
{
    QMainWindow window;
    auto wiring = makeWiring(window, ledger_.get(), "r09", "r09-a042", QStringLiteral("demo-ledger"));
    const std::string address = installWithWizard(window);
    QVERIFY(address.size() == 42);
    QTRY_VERIFY_WITH_TIMEOUT(ledger_->registeredAlveole(address) == std::optional<std::string>("r09-a042"), kWaitMs);

    // The installed hub, still on the wizard's link (closing the wizard lets it go), meters a
    // period; its reading mints for r09-a042's account.
    HubSession hub;
    QVERIFY(wiring->service()->link());
    hub.attach(wiring->service()->link());
    QString error;
    const auto reading = hub.meterOnePeriod(meteredPeriodStart(), &error);
    QVERIFY2(reading, qPrintable(error));
    QVERIFY(reading->exportWh > 0);
    const QByteArray hubAddress = *parseAddress(QString::fromStdString(address));
    const ledger::MeterReading m = meterReading(hubAddress, *reading);
    const std::string account = app::LedgerService::alveoleAccount("r09-a042");
    QCOMPARE(ledger_->nrgBalance(account), std::optional<std::string>("0.000000000000000000"));
    QCOMPARE(submitAndSeal(m, signatureOf(*reading)), std::optional<bool>(true));
    QCOMPARE(ledger_->nrgBalance(account), std::optional<std::string>(expectedMintNrg(m)));
}

void TstHubLedger::wizardProvisionsForTheRegistrarsLedger()
{
    OtherDomainRegistrar registrar(ledger_.get());
    QMainWindow window;
    auto wiring = makeWiring(window, &registrar, "r10", "r10-a001", QStringLiteral("demo-other"));
    const std::string address = installWithWizard(window);
    QVERIFY(address.size() == 42);
    QTRY_VERIFY_WITH_TIMEOUT(ledger_->registeredAlveole(address) == std::optional<std::string>("r10-a001"), kWaitMs);
    HubSession hub;
    QVERIFY(wiring->service()->link());
    hub.attach(wiring->service()->link());
    QString error;
    const auto reading = hub.meterOnePeriod(meteredPeriodStart(), &error);
    QVERIFY2(reading, qPrintable(error));
    // Signed for chain 31337 and its token, as the registrar said, not for this ledger:
    const QByteArray hubAddress = *parseAddress(QString::fromStdString(address));
    const ledger::MeterReading m = meterReading(hubAddress, *reading);
    const ledger::Address otherToken = ledger::parseAddress("0x00000000000000000000000000000000000a1001");
    QCOMPARE(ledger::recoverAddress(ledger::readingDigest(m, 31337, otherToken), signatureOf(*reading)),
             std::optional<ledger::Address>(m.hub));
    QVERIFY(ledger::recoverAddress(ledger::readingDigest(m, ledger_->chainId(), ledger::contracts::kNrgToken),
                                   signatureOf(*reading)) != std::optional<ledger::Address>(m.hub));
    // so this ledger, though the hub is registered on it, mints nothing from it.
    QCOMPARE(submitAndSeal(m, signatureOf(*reading)), std::optional<bool>(false));
    QCOMPARE(ledger_->nrgBalance(app::LedgerService::alveoleAccount("r10-a001")),
             std::optional<std::string>("0.000000000000000000"));
}

QTEST_MAIN(TstHubLedger)
#include "tst_hub_ledger.moc"
