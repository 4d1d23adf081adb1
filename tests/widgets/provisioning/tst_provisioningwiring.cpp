// app/ProvisioningWiring: the action opens the wizard with the snapshot's ruches and alvéoles
// (numbered for the hub), and in the demo offers three virtual hubs to connect to.

#include "app/ProvisioningWiring.h"
#include "widgets/provisioning/ProvisioningWizard.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QListWidget>
#include <QMainWindow>
#include <QTest>

using namespace swarmergy;

class TstProvisioningWiring : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void actionOpensTheWizardWithTheSnapshotsTargets();
};

void TstProvisioningWiring::actionOpensTheWizardWithTheSnapshotsTargets()
{
    auto snapshot = std::make_shared<model::EssaimSnapshot>();
    snapshot->ruches.resize(2);
    snapshot->ruches[0].id = "r01";
    snapshot->ruches[1].id = "r02";
    auto rows = std::make_shared<std::vector<model::AlveoleRow>>(3);
    (*rows)[0].id = "r01-a001";
    (*rows)[1].id = "r02-a001";
    (*rows)[1].rucheIndex = 1;
    (*rows)[2].id = "r02-a002";
    (*rows)[2].rucheIndex = 1;
    snapshot->alveoles = rows;

    QMainWindow window;
    app::ProvisioningWiring wiring(&window, [snapshot] { return snapshot; }, nullptr, true);
    QVERIFY(wiring.openAction());
    wiring.openAction()->trigger();
    auto* wizard = window.findChild<widgets::ProvisioningWizard*>();
    QVERIFY(wizard);
    const auto& targets = wizard->targets();
    QCOMPARE(targets.size(), size_t(2));
    QCOMPARE(targets[1].rucheId, std::string("r02"));
    QCOMPARE(targets[1].rucheNumber, 2u);
    QCOMPARE(targets[1].alveoles.size(), size_t(2));
    QCOMPARE(targets[1].alveoles[1].id, std::string("r02-a002"));
    QCOMPARE(targets[1].alveoles[1].number, 3u);

    auto* ports = wizard->findChild<QListWidget*>(QStringLiteral("ports"));
    QVERIFY(ports);
    int demoHubs = 0;
    for (int i = 0; i < ports->count(); ++i) {
        demoHubs += ports->item(i)->text().contains(QStringLiteral("demo hub")) ? 1 : 0;
    }
    QCOMPARE(demoHubs, 3);
    wizard->close();
}

QTEST_MAIN(TstProvisioningWiring)
#include "tst_provisioningwiring.moc"
