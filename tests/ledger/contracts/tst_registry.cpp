// HubRegistry: only authorities register and revoke; events; one account per alvéole;
// re-registration after revocation; lookups.
#include "tests/ledger/contracts/ContractsFixture.h"

using namespace swarmergy::ledger_test;

int main() {
    ContractsFixture f;
    const Address hub = addressOf(generatePrivateKey()), hub2 = addressOf(generatePrivateKey());
    const Address account = addressOf(f.carol), other = addressOf(f.bob);
    const Hash256 alveole = idFromString("a-0001"), ruche = idFromString("r-01");

    CHECK(f.reverts(f.alice, kHubRegistry, call::registerHub(hub, alveole, ruche, account), "is not an authority"));
    Receipt r = f.send(f.authority, kHubRegistry, call::registerHub(hub, alveole, ruche, account));
    CHECK(r.success && r.logs.size() == 1 && r.logs[0].topics[0] == topic::hubRegistered());
    CHECK(r.logs[0].address == kHubRegistry && r.logs[0].topics[2] == alveole);
    const CallOutcome info = f.simulate(other, kHubRegistry, call::hubInfo(hub));
    AbiReader reader(view(info.returnData));
    CHECK(reader.boolean(0) && reader.bytes32(1) == alveole && reader.bytes32(2) == ruche && reader.address(3) == account);
    CHECK(AbiReader(view(f.simulate(other, kHubRegistry, call::accountOf(alveole)).returnData)).address(0) == account);
    CHECK(abiWord(view(f.simulate(other, kHubRegistry, AbiWriter().address(addressOf(f.authority)).finishCall(selectorOf("isAuthority(address)"))).returnData), 0) == U256(1));

    CHECK(f.reverts(f.authority, kHubRegistry, call::registerHub(hub, alveole, ruche, account), "already registered"));
    CHECK(f.reverts(f.authority, kHubRegistry, call::registerHub(hub2, alveole, ruche, other), "bound to another account"));
    CHECK(f.reverts(f.authority, kHubRegistry, call::registerHub(Address{}, alveole, ruche, account), "zero address"));
    CHECK(f.reverts(f.authority, kHubRegistry, call::registerHub(hub2, alveole, ruche, Address{}), "zero address"));
    CHECK(f.reverts(f.authority, kHubRegistry, call::registerHub(hub2, Hash256{}, ruche, account), "empty"));
    // A second hub for the same alvéole and account is fine.
    CHECK(f.send(f.authority, kHubRegistry, call::registerHub(hub2, alveole, ruche, account)).success);

    CHECK(f.reverts(f.bob, kHubRegistry, call::revokeHub(hub), "is not an authority"));
    r = f.send(f.authority, kHubRegistry, call::revokeHub(hub));
    CHECK(r.success && r.logs.size() == 1 && r.logs[0].topics[0] == topic::hubRevoked() && r.logs[0].topics[2] == alveole);
    CHECK(!AbiReader(view(f.simulate(other, kHubRegistry, call::hubInfo(hub)).returnData)).boolean(0));
    CHECK(f.reverts(f.authority, kHubRegistry, call::revokeHub(hub), "not registered"));
    CHECK(f.send(f.authority, kHubRegistry, call::registerHub(hub, alveole, ruche, account)).success);   // re-provisioned
    CHECK(AbiReader(view(f.simulate(other, kHubRegistry, call::hubInfo(hub)).returnData)).boolean(0));

    // A consensus-provided authority set (e.g. a voted-in Clique signer) replaces the genesis list.
    const PrivateKey voted = generatePrivateKey();
    const Address hub3 = addressOf(generatePrivateKey());
    CHECK(f.reverts(voted, kHubRegistry, call::registerHub(hub3, alveole, ruche, account), "is not an authority"));
    f.ctx.authorityCheck = [&](const Address& who, std::uint64_t) { return who == addressOf(voted); };
    CHECK(f.send(voted, kHubRegistry, call::registerHub(hub3, alveole, ruche, account)).success);
    CHECK(f.reverts(f.authority, kHubRegistry, call::revokeHub(hub3), "is not an authority"));
    return swarmergy::ledger_test::testResult("tst_ledger_registry");
}
