// The technician's wizard end to end, driven through its widgets offscreen: against the
// firmware's host virtual hub when it is built (the in-process fake hub on a pty otherwise),
// and against the mock link for an unplug mid-flash (the page says where it stopped and
// resumes) and a cancel.

#include "drivers/flash/FirmwareImage.h"
#include "drivers/mock/MockLink.h"
#include "drivers/service/HubLinkServiceImpl.h"
#include "drivers/virtual/VirtualHubs.h"
#include "widgets/provisioning/ProvisioningWizard.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace swarmergy;
using namespace swarmergy::drivers;
using swarmergy::widgets::ProvisioningWizard;

namespace {

constexpr int kWaitMs = 30000;

class FakeRegistrar : public app::HubRegistrar {
public:
    app::HubRegistration registerHub(const std::string& address, const std::string& alveole,
                                     const std::string& ruche) override
    {
        calls.push_back({address, alveole, ruche});
        return {true, {}};
    }
    struct Call {
        std::string address, alveole, ruche;
    };
    std::vector<Call> calls;
};

std::vector<widgets::ProvisioningTarget> targets()
{
    return {{"r01", 1, {{"r01-a001", 1}, {"r01-a002", 2}}}, {"r02", 2, {{"r02-a001", 3}}}};
}

QByteArray payload(int codeBytes, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray p(codeBytes, '\0');
    for (char& c : p) {
        c = static_cast<char>(random.bounded(256));
    }
    return p + QByteArray(codeBytes, '\xFF');
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

template <typename T>
T* child(QWidget* wizard, const char* name)
{
    T* w = wizard->findChild<T*>(QString::fromLatin1(name));
    Q_ASSERT_X(w, "child", name);
    return w;
}

QString text(QWidget* wizard, const char* label) { return child<QLabel>(wizard, label)->text(); }

void clickNext(QWizard& wizard) { QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton); }

}  // namespace

class TstProvisioningWizard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void installsAHubEndToEnd();
    void unplugMidFlashSaysWhereAndResumes();
    void cancelMidFlashSaysHowToResume();
    void wrongCredentialSaysWhatToDo();

private:
    void connectFirstPort(ProvisioningWizard& wizard);

    QTemporaryDir dir_;
    QString imageRoot_;
    QString oldImage_, newImage_;
    bool signedImages_ = false;
};

void TstProvisioningWizard::initTestCase()
{
    QVERIFY(dir_.isValid());
    imageRoot_ = dir_.filePath(QStringLiteral("images"));
    QDir().mkpath(imageRoot_);
    oldImage_ = imageRoot_ + QStringLiteral("/hub-1.0.0.swfw");
    newImage_ = imageRoot_ + QStringLiteral("/hub-1.1.0.swfw");
#ifdef FW_TOOL_PATH
    // Images signed with the demo key, so the firmware's virtual hub accepts them.
    const QStringList versions{QStringLiteral("1.0.0"), QStringLiteral("1.1.0")};
    for (int i = 0; i < versions.size(); ++i) {
        const QString bin = dir_.filePath(QStringLiteral("p%1.bin").arg(i));
        QVERIFY(writeFile(bin, payload(20000 + 4000 * i, static_cast<quint32>(i + 1))));
        QCOMPARE(QProcess::execute(QStringLiteral(FW_TOOL_PATH),
                                   {QStringLiteral("sign"), QStringLiteral("--key"),
                                    QStringLiteral(FIRMWARE_KEY_PATH), QStringLiteral("--version"),
                                    versions[i], bin, i == 0 ? oldImage_ : newImage_}),
                 0);
    }
    signedImages_ = true;
#else
    QVERIFY(writeFile(oldImage_, buildUnsignedImage(SWP_VERSION_PACK(1, 0, 0), payload(20000, 1))));
    QVERIFY(writeFile(newImage_, buildUnsignedImage(SWP_VERSION_PACK(1, 1, 0), payload(24000, 2))));
#endif
}

void TstProvisioningWizard::connectFirstPort(ProvisioningWizard& wizard)
{
    auto* ports = child<QListWidget>(&wizard, "ports");
    QVERIFY(ports->count() >= 1);
    QVERIFY(ports->item(0)->text().contains(QStringLiteral("virtual hub")));
    ports->setCurrentRow(0);
    QTest::mouseClick(child<QPushButton>(&wizard, "connectHub"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(text(&wizard, "hubIdentity").contains(QStringLiteral("Firmware: 1.0.0")),
                             kWaitMs);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
}

void TstProvisioningWizard::installsAHubEndToEnd()
{
    // The hub: the firmware's host build when it was built, else the fake hub on a pty.
    VirtualHubProcess process;
    PtyFakeHub fake;
    QString port;
    const QString program = findVirtualHubProgram();
    if (signedImages_ && !program.isEmpty()) {
        QVERIFY2(process.start(program, dir_.filePath(QStringLiteral("hub")), oldImage_),
                 qPrintable(process.errorText()));
        port = process.ptyPath();
    } else {
        QVERIFY(fake.start());
        port = fake.ptyPath();
    }
    HubLinkServiceOptions options;
    options.imageRoots = {imageRoot_};
    options.technicianKey = QByteArray::fromHex(
        "f1daeb84500ab631184842330dd4632126e6467eda0b255285b98b099de223c2");
    HubLinkServiceImpl service(options);
    service.addVirtualPort(port, QStringLiteral("test hub"));
    FakeRegistrar registrar;
    ProvisioningWizard wizard(&service, &registrar, targets());
    wizard.show();

    connectFirstPort(wizard);
    QVERIFY(!wizard.button(QWizard::BackButton)->isEnabled());
    clickNext(wizard);

    // Firmware: the newest image is preselected; flash, then the page verifies the version.
    QCOMPARE(wizard.currentId(), int(ProvisioningWizard::FirmwarePage));
    auto* images = child<QComboBox>(&wizard, "images");
    QCOMPARE(images->count(), 2);
    QVERIFY(images->currentText().startsWith(QStringLiteral("1.1.0")));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QTest::mouseClick(child<QPushButton>(&wizard, "startFlash"), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(text(&wizard, "flashStatus").startsWith(QStringLiteral("Verified")),
                              qPrintable(text(&wizard, "flashPhase") + QLatin1Char(' ') +
                                         text(&wizard, "flashStatus") + QLatin1Char('\n') + process.log()),
                              kWaitMs);
    QCOMPARE(child<QProgressBar>(&wizard, "flashProgress")->value(), 100);
    QVERIFY(text(&wizard, "flashSpeed").contains(QStringLiteral("/s")));
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QCOMPARE(wizard.state().identity.firmwareVersion, std::string("1.1.0"));
    clickNext(wizard);

    // Provision into ruche r02, alvéole r02-a001.
    auto* ruche = child<QComboBox>(&wizard, "ruche");
    ruche->setCurrentIndex(1);
    auto* alveole = child<QComboBox>(&wizard, "alveole");
    QCOMPARE(alveole->count(), 1);
    QCOMPARE(alveole->currentText(), QStringLiteral("r02-a001"));
    QTest::mouseClick(child<QPushButton>(&wizard, "provision"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.state().provisioned, kWaitMs);
    const std::string address = wizard.state().address;
    QVERIFY(address.size() == 42 && address.rfind("0x", 0) == 0);
    QVERIFY(text(&wizard, "provisionStatus").contains(QString::fromStdString(address)));
    clickNext(wizard);

    // Register: the registrar gets the address and the domain ids; Finish is offered.
    QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
    QTest::mouseClick(child<QPushButton>(&wizard, "registerHub"), Qt::LeftButton);
    QCOMPARE(registrar.calls.size(), size_t(1));
    QCOMPARE(registrar.calls[0].address, address);
    QCOMPARE(registrar.calls[0].alveole, std::string("r02-a001"));
    QCOMPARE(registrar.calls[0].ruche, std::string("r02"));
    QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());

    // The hub itself says so.
    std::string error = "pending";
    app::HubIdentityInfo id;
    service.connectHub(port.toStdString(), [&](const std::string& e, const app::HubIdentityInfo& i) {
        error = e;
        id = i;
    });
    QTRY_VERIFY_WITH_TIMEOUT(error != "pending", kWaitMs);
    QVERIFY2(error.empty(), error.c_str());
    QVERIFY(id.provisioned);
    QCOMPARE(id.rucheNumber, 2u);
    QCOMPARE(id.alveoleNumber, 3u);
    QCOMPARE(id.address, address);
    QCOMPARE(id.firmwareVersion, std::string("1.1.0"));
}

namespace {

// A service whose one "port" is a mock link to an in-process fake hub.
struct MockRig {
    MockRig(int baud, const QString& imageRoot)
    {
        HubLinkServiceOptions options;
        options.imageRoots = {imageRoot};
        options.technicianKey = FakeHubConfig{}.technicianKey;
        options.flash.resumeWaitMs = 10000;
        options.flash.reconnectIntervalMs = 50;
        options.flash.rebootTimeoutMs = 3000;
        options.transportFactory = [this, baud](const QString&) -> std::unique_ptr<HubTransport> {
            auto link = std::make_unique<MockLink>(&hub);
            link->setLineRateBaud(baud);
            for (const MockFault& f : faults) {
                link->addFault(f);
            }
            faults.clear();  // once: the verification reconnects through a clean link
            return link;
        };
        service = std::make_unique<HubLinkServiceImpl>(options);
        service->addVirtualPort(QStringLiteral("mock"), QStringLiteral("mock hub"));
    }
    FakeHub hub;
    std::vector<MockFault> faults;
    std::unique_ptr<HubLinkServiceImpl> service;
};

}  // namespace

void TstProvisioningWizard::unplugMidFlashSaysWhereAndResumes()
{
    const QString root = dir_.filePath(QStringLiteral("mock-unplug"));
    QDir().mkpath(root);
    QVERIFY(writeFile(root + QStringLiteral("/hub.swfw"),
                      buildUnsignedImage(SWP_VERSION_PACK(1, 2, 0), payload(20000, 9))));
    MockRig rig(0, root);
    rig.faults.push_back({MockFault::Kind::Unplug, MockDirection::ToHub, 22, 0, 1500});
    ProvisioningWizard wizard(rig.service.get(), nullptr, targets());
    wizard.show();
    connectFirstPort(wizard);
    clickNext(wizard);
    QCOMPARE(child<QComboBox>(&wizard, "images")->count(), 1);
    QTest::mouseClick(child<QPushButton>(&wizard, "startFlash"), Qt::LeftButton);
    // 40,128 bytes in 1,019-byte chunks: frame 22 to the hub is chunk 20, about 48 %.
    QTRY_VERIFY_WITH_TIMEOUT(text(&wizard, "flashStatus").startsWith(QStringLiteral("Unplugged at ")),
                             kWaitMs);
    const QString message = text(&wizard, "flashStatus");
    QVERIFY2(message.endsWith(QStringLiteral("reconnect to resume.")), qPrintable(message));
    const int percent = message.section(QLatin1Char(' '), 2, 2).toInt();
    QVERIFY2(percent >= 35 && percent <= 55, qPrintable(message));
    QTRY_VERIFY_WITH_TIMEOUT(text(&wizard, "flashStatus").startsWith(QStringLiteral("Verified")), kWaitMs);
    QCOMPARE(rig.hub.firmwareVersion(), SWP_VERSION_PACK(1, 2, 0));
    QVERIFY(rig.hub.imageConfirmed());
}

void TstProvisioningWizard::cancelMidFlashSaysHowToResume()
{
    const QString root = dir_.filePath(QStringLiteral("mock-cancel"));
    QDir().mkpath(root);
    QVERIFY(writeFile(root + QStringLiteral("/hub.swfw"),
                      buildUnsignedImage(SWP_VERSION_PACK(1, 3, 0), payload(20000, 10))));
    MockRig rig(400000, root);  // about 1 s for the image: time to cancel
    ProvisioningWizard wizard(rig.service.get(), nullptr, targets());
    wizard.show();
    connectFirstPort(wizard);
    clickNext(wizard);
    QTest::mouseClick(child<QPushButton>(&wizard, "startFlash"), Qt::LeftButton);
    auto* cancel = child<QPushButton>(&wizard, "cancelFlash");
    QVERIFY2(cancel->isEnabled(), qPrintable(text(&wizard, "flashStatus")));
    QTRY_VERIFY_WITH_TIMEOUT(child<QProgressBar>(&wizard, "flashProgress")->value() >= 10, kWaitMs);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(text(&wizard, "flashStatus").startsWith(QStringLiteral("Cancelled at ")), kWaitMs);
    QVERIFY(text(&wizard, "flashStatus").contains(QStringLiteral("resume")));
    QVERIFY(!cancel->isEnabled());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QCOMPARE(rig.hub.firmwareVersion(), SWP_VERSION_PACK(1, 0, 0));
}

void TstProvisioningWizard::wrongCredentialSaysWhatToDo()
{
    PtyFakeHub fake;
    QVERIFY(fake.start());
    HubLinkServiceOptions options;
    options.technicianKey = QByteArray(32, 'x');
    HubLinkServiceImpl service(options);
    service.addVirtualPort(fake.ptyPath(), QStringLiteral("fake"));
    ProvisioningWizard wizard(&service, nullptr, targets());
    wizard.show();
    connectFirstPort(wizard);
    clickNext(wizard);
    child<QCheckBox>(&wizard, "skipFlash")->setChecked(true);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    clickNext(wizard);
    QTest::mouseClick(child<QPushButton>(&wizard, "provision"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(text(&wizard, "provisionStatus").contains(QStringLiteral("technician credential")),
                             kWaitMs);
    QVERIFY(!wizard.state().provisioned);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(!fake.hub().provisioned());
}

QTEST_MAIN(TstProvisioningWizard)
#include "tst_provisioningwizard.moc"
