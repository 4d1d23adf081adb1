// ProvisioningClient against the fake hub: the challenge-response with the right credential
// returns the hub's address (Keccak-256 of its public key, EIP-55 text), a wrong one is
// refused with advice and changes nothing; the ledger domain (chain id, NRGcoin address) goes
// to a protocol 1.1 hub only, an invalid one is refused before any I/O; key files and EIP-55
// against the EIP's vectors.

#include "drivers/mock/FakeHub.h"
#include "drivers/mock/MockLink.h"
#include "drivers/provision/ProvisioningClient.h"
#include "drivers/serial/HubIdentity.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace swarmergy::drivers;

class TstProvisioningClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rightCredentialProvisions();
    void wrongCredentialIsRefused();
    void ledgerDomainGoesToProtocol11Hubs();
    void eip55MatchesTheSpecification();
    void technicianKeyFiles();

private:
    ProvisioningResult run(FakeHub& hub, const QByteArray& key, ProvisioningRequest* used = nullptr,
                           const std::function<void(ProvisioningRequest&)>& adjust = {});
};

ProvisioningResult TstProvisioningClient::run(FakeHub& hub, const QByteArray& key, ProvisioningRequest* used,
                                              const std::function<void(ProvisioningRequest&)>& adjust)
{
    MockLink mock(&hub);
    mock.open();
    HubLink link(&mock);
    ProvisioningClient client(&link);
    QSignalSpy finished(&client, &ProvisioningClient::finished);
    ProvisioningRequest request;
    request.rucheId = 7;
    request.alveoleId = 1234;
    request.technicianKey = key;
    request.generateNetworkKeys();
    if (adjust) {
        adjust(request);
    }
    if (used) {
        *used = request;
    }
    client.provision(request);
    if (!finished.wait(5000)) {
        return {false, QStringLiteral("no result"), SWP_OK, {}, {}};
    }
    return finished[0][0].value<ProvisioningResult>();
}

void TstProvisioningClient::rightCredentialProvisions()
{
    FakeHub hub;
    ProvisioningRequest request;
    const ProvisioningResult result = run(hub, FakeHubConfig{}.technicianKey, &request);
    QVERIFY2(result.ok, qPrintable(result.errorText));
    QCOMPARE(result.publicKey.size(), 64);
    QCOMPARE(result.address, QCryptographicHash::hash(result.publicKey, QCryptographicHash::Keccak_256).right(20));
    QCOMPARE(result.addressText().toLower(), QStringLiteral("0x") + QString::fromLatin1(result.address.toHex()));
    QVERIFY(hub.provisioned());
    QCOMPARE(hub.rucheId(), 7u);
    QCOMPARE(hub.alveoleId(), 1234u);
    QCOMPARE(hub.address(), result.address);
    QCOMPARE(request.nwkSKey.size(), 16);
    QVERIFY(request.nwkSKey != request.appSKey);
    QCOMPARE(request.devAddr >> 25, 0x13u);
    QCOMPARE(request.devAddr & 0xFFFFu, 1234u);
}

void TstProvisioningClient::wrongCredentialIsRefused()
{
    FakeHub hub;
    const ProvisioningResult result = run(hub, QByteArray(32, '\x01'));
    QVERIFY(!result.ok);
    QCOMPARE(result.hubStatus, SWP_ERR_DENIED);
    QVERIFY2(result.errorText.contains(QStringLiteral("technician credential")), qPrintable(result.errorText));
    QVERIFY(!hub.provisioned());
    const ProvisioningResult none = run(hub, QByteArray());
    QVERIFY(!none.ok);
    QVERIFY(none.errorText.contains(QStringLiteral("No technician credential")));
}

void TstProvisioningClient::ledgerDomainGoesToProtocol11Hubs()
{
    // A 1.1 hub gets the domain given (here not the demo one).
    FakeHubConfig config;
    config.capabilities |= SWP_CAP_LEDGER_READING;
    FakeHub modern(config);
    const QByteArray token = QByteArray::fromHex("00112233445566778899aabbccddeeff00112233");
    ProvisioningResult result = run(modern, config.technicianKey, nullptr, [&](ProvisioningRequest& r) {
        r.chainId = 31337;
        r.nrgToken = token;
    });
    QVERIFY2(result.ok, qPrintable(result.errorText));
    QVERIFY(result.ledgerDomainSet);
    QCOMPARE(modern.ledgerChainId(), quint64(31337));
    QCOMPARE(modern.ledgerNrgToken(), token);
    // By default, the demo ledger's.
    FakeHub modernDefault(config);
    result = run(modernDefault, config.technicianKey);
    QVERIFY2(result.ok, qPrintable(result.errorText));
    QVERIFY(result.ledgerDomainSet);
    QCOMPARE(modernDefault.ledgerChainId(), kDemoLedgerChainId);
    QCOMPARE(modernDefault.ledgerNrgToken(), QByteArray::fromHex("0000000000000000000000000000000000001001"));
    // Re-provisioning in a new session (same seqs as the first) gets a fresh challenge.
    result = run(modern, config.technicianKey);
    QVERIFY2(result.ok, qPrintable(result.errorText));
    QCOMPARE(modern.ledgerChainId(), kDemoLedgerChainId);
    QCOMPARE(parseAddress(QStringLiteral("0x0000000000000000000000000000000000001001")), demoNrgTokenAddress());
    QVERIFY(!parseAddress(QStringLiteral("0x1001")));
    QVERIFY(!parseAddress(QStringLiteral("0xZZ00000000000000000000000000000000001001")));

    // A 1.0 hub gets the short PROVISION (its decoder takes nothing else) and the result says so.
    FakeHub old;
    result = run(old, FakeHubConfig{}.technicianKey);
    QVERIFY2(result.ok, qPrintable(result.errorText));
    QVERIFY(!result.ledgerDomainSet);
    QCOMPARE(old.ledgerChainId(), quint64(0));

    // An invalid domain is refused before any I/O: the hub is left as it was.
    FakeHub fresh(config);
    result = run(fresh, config.technicianKey, nullptr, [](ProvisioningRequest& r) { r.chainId = 0; });
    QVERIFY(!result.ok);
    QVERIFY2(result.errorText.contains(QStringLiteral("chain id")), qPrintable(result.errorText));
    result = run(fresh, config.technicianKey, nullptr, [](ProvisioningRequest& r) { r.nrgToken.chop(1); });
    QVERIFY(!result.ok);
    QVERIFY(!fresh.provisioned());
}

void TstProvisioningClient::eip55MatchesTheSpecification()
{
    // Test vectors of https://eips.ethereum.org/EIPS/eip-55
    for (const char* expected : {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                                 "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                                 "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
                                 "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"}) {
        const QString text = QString::fromLatin1(expected);
        const QByteArray raw = QByteArray::fromHex(text.mid(2).toLatin1());
        QCOMPARE(checksumAddress(raw), text);
    }
}

void TstProvisioningClient::technicianKeyFiles()
{
    QString error;
    const auto demo = loadTechnicianKey(QStringLiteral(SWARMERGY_SOURCE_DIR "/resources/keys/technician-demo.key"), &error);
    QVERIFY2(demo, qPrintable(error));
    QCOMPARE(*demo, FakeHubConfig{}.technicianKey);
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.key"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("# comment\nnot-hex-at-all\n");
    f.close();
    QVERIFY(!loadTechnicianKey(bad, &error));
    QVERIFY2(error.contains(QStringLiteral("64 hex digits")) && error.startsWith(bad), qPrintable(error));
}

QTEST_GUILESS_MAIN(TstProvisioningClient)
#include "tst_provisioningclient.moc"
