// HubRegistry: the cooperative's authorities bind a hub's signing address to an alvéole, its
// ruche and the alvéole's NRG account (the last step of provisioning), and revoke it.
// Storage: 0 hubs[hub] = {status, alveoleId, rucheId, account} at base+0..3,
//          1 alveoleAccount[alveoleId] = account.
#include "ledger/contracts/ContractSupport.h"

namespace swarmergy::ledger::contracts {

using namespace detail;

namespace {

const Hash256 kHubs = slotOf(0), kAlveoleAccounts = slotOf(1);

Hash256 hubBase(const Address& hub) { return mappingSlot(hub, kHubs); }
Hash256 alveoleSlot(const Hash256& alveole) { return mappingSlot(view(alveole), kAlveoleAccounts); }

U256 addressWord(const Address& a) { return U256::fromBigEndian(view(a)); }

class HubRegistry : public NativeContract {
public:
    HubRegistry() {
        d_.on("registerHub(address,bytes32,bytes32,address)", [](ExecutionEnv& env, const AbiReader& a) {
            registerHub(env, a.address(0), a.bytes32(1), a.bytes32(2), a.address(3));
            return Bytes{};
        });
        d_.on("revokeHub(address)", [](ExecutionEnv& env, const AbiReader& a) {
            revokeHub(env, a.address(0));
            return Bytes{};
        });
        d_.on("hubInfo(address)", [](ExecutionEnv& env, const AbiReader& a) {
            const auto r = registry::hub(env, a.address(0));
            return AbiWriter().boolean(r.active).bytes32(r.alveoleId).bytes32(r.rucheId).address(r.account).finish();
        });
        d_.on("accountOf(bytes32)", [](ExecutionEnv& env, const AbiReader& a) {
            return AbiWriter().address(registry::accountOf(env, a.bytes32(0))).finish();
        });
        d_.on("isAuthority(address)", [](ExecutionEnv& env, const AbiReader& a) {
            return AbiWriter().boolean(env.block().isAuthority(a.address(0))).finish();
        });
    }
    Bytes call(ExecutionEnv& env) override { return d_.dispatch(env, "HubRegistry"); }

private:
    Dispatcher d_;

    static void registerHub(ExecutionEnv& env, const Address& hub, const Hash256& alveole, const Hash256& ruche, const Address& account) {
        requireAuthority(env, "HubRegistry.registerHub");
        if (hub == Address{}) env.revert("HubRegistry: hub is the zero address");
        if (account == Address{}) env.revert("HubRegistry: account is the zero address");
        if (alveole == Hash256{} || ruche == Hash256{}) env.revert("HubRegistry: empty alvéole or ruche id");
        if (registry::hub(env, hub).active) env.revert("HubRegistry: hub already registered");
        const Address bound = registry::accountOf(env, alveole);
        if (bound != Address{} && bound != account)
            env.revert("HubRegistry: alvéole " + idToString(alveole) + " is bound to another account");
        const Hash256 base = hubBase(hub);
        env.store(kHubRegistry, base, U256(1));
        env.store(kHubRegistry, addToSlot(base, 1), U256::fromBigEndian(view(alveole)));
        env.store(kHubRegistry, addToSlot(base, 2), U256::fromBigEndian(view(ruche)));
        env.store(kHubRegistry, addToSlot(base, 3), addressWord(account));
        if (bound == Address{}) env.store(kHubRegistry, alveoleSlot(alveole), addressWord(account));
        env.emitLog(kHubRegistry, {topic::hubRegistered(), addressTopic(hub), alveole},
                    AbiWriter().bytes32(ruche).address(account).finish());
    }

    static void revokeHub(ExecutionEnv& env, const Address& hub) {
        requireAuthority(env, "HubRegistry.revokeHub");
        const auto record = registry::hub(env, hub);
        if (!record.active) env.revert("HubRegistry: hub is not registered");
        env.store(kHubRegistry, hubBase(hub), U256(2));   // 2 = revoked (kept for the history)
        env.emitLog(kHubRegistry, {topic::hubRevoked(), addressTopic(hub), record.alveoleId}, {});
    }
};

}  // namespace

std::shared_ptr<NativeContract> makeHubRegistry() { return std::make_shared<HubRegistry>(); }

namespace detail::registry {

HubRecord hub(ExecutionEnv& env, const Address& hub) {
    const Hash256 base = hubBase(hub);
    HubRecord r;
    r.active = env.load(kHubRegistry, base) == U256(1);
    if (!r.active) return r;
    r.alveoleId = env.load(kHubRegistry, addToSlot(base, 1)).toBigEndian();
    r.rucheId = env.load(kHubRegistry, addToSlot(base, 2)).toBigEndian();
    r.account = wordToAddress(env.load(kHubRegistry, addToSlot(base, 3)));
    return r;
}

Address accountOf(ExecutionEnv& env, const Hash256& alveoleId) { return wordToAddress(env.load(kHubRegistry, alveoleSlot(alveoleId))); }

}  // namespace detail::registry

namespace call {
Bytes registerHub(const Address& hub, const Hash256& alveoleId, const Hash256& rucheId, const Address& account) {
    return AbiWriter().address(hub).bytes32(alveoleId).bytes32(rucheId).address(account).finishCall(
        selectorOf("registerHub(address,bytes32,bytes32,address)"));
}
Bytes revokeHub(const Address& hub) { return AbiWriter().address(hub).finishCall(selectorOf("revokeHub(address)")); }
Bytes hubInfo(const Address& hub) { return AbiWriter().address(hub).finishCall(selectorOf("hubInfo(address)")); }
Bytes accountOf(const Hash256& alveoleId) { return AbiWriter().bytes32(alveoleId).finishCall(selectorOf("accountOf(bytes32)")); }
}  // namespace call

}  // namespace swarmergy::ledger::contracts
