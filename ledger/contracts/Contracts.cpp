#include "ledger/contracts/ContractSupport.h"

#include <cstring>

namespace swarmergy::ledger::contracts {

std::shared_ptr<NativeContract> makeNrgToken(const ContractsConfig& config);
std::shared_ptr<NativeContract> makeHubRegistry();
std::shared_ptr<NativeContract> makeSettlement();

void installContracts(ContractHost& host, const ContractsConfig& config) {
    host.install(kNrgToken, makeNrgToken(config));
    host.install(kHubRegistry, makeHubRegistry());
    host.install(kSettlement, makeSettlement());
}

StateChanges genesisContractState(const ContractsConfig& config) {
    StateChanges changes;
    U256 supply;
    for (const auto& [owner, amount] : config.genesisNrg) {
        changes.storage[{kNrgToken, mappingSlot(owner, slotOf(0))}] = amount;
        const auto sum = checkedAdd(supply, amount);
        if (!sum) throw std::invalid_argument("genesis NRG allocation overflows the total supply");
        supply = *sum;
    }
    changes.storage[{kNrgToken, slotOf(2)}] = supply;
    return changes;
}

Hash256 idFromString(std::string_view id) {
    if (id.empty() || id.size() > 32)
        throw std::invalid_argument("id \"" + std::string(id) + "\": must be 1 to 32 bytes of UTF-8");
    Hash256 h{};
    std::memcpy(h.data(), id.data(), id.size());
    return h;
}

std::string idToString(const Hash256& id) {
    std::size_t n = 32;
    while (n > 0 && id[n - 1] == 0) --n;
    return std::string(id.begin(), id.begin() + static_cast<std::ptrdiff_t>(n));
}

SignedAmount SignedAmount::of(std::int64_t v) {
    SignedAmount s;
    s.negative = v < 0;
    // -(v + 1) + 1 avoids overflow at INT64_MIN.
    s.magnitude = v < 0 ? U256(static_cast<std::uint64_t>(-(v + 1)) + 1) : U256(static_cast<std::uint64_t>(v));
    return s;
}

SignedAmount SignedAmount::fromTwos(const U256& v) {
    SignedAmount s;
    s.negative = v.isNegativeTwos();
    s.magnitude = s.negative ? v.negateTwos() : v;
    return s;
}

namespace detail {

Bytes Dispatcher::dispatch(ExecutionEnv& env, const char* contractName) const {
    const ByteView input = env.input();
    if (input.size() < 4) env.revert(std::string(contractName) + ": no function selector (no fallback function)");
    const Selector sel{input[0], input[1], input[2], input[3]};
    auto it = table_.find(sel);
    if (it == table_.end())
        env.revert(std::string(contractName) + ": unknown function selector " + toHex(input.subspan(0, 4)));
    if (!env.value().isZero()) env.revert(std::string(contractName) + ": function is not payable");
    try {
        return it->second(env, AbiReader(input.subspan(4)));
    } catch (const AbiError& e) {
        env.revert(std::string(contractName) + ": invalid arguments: " + e.what());
    }
}

void requireAuthority(ExecutionEnv& env, const char* action) {
    if (!env.block().isAuthority(env.caller()))
        env.revert(std::string(action) + ": caller " + toChecksumAddress(env.caller()) + " is not an authority");
}

Hash256 addressTopic(const Address& a) {
    Hash256 t{};
    std::memcpy(t.data() + 12, a.data(), 20);
    return t;
}

Hash256 uintTopic(const U256& v) { return v.toBigEndian(); }

Address wordToAddress(const U256& v) {
    const auto be = v.toBigEndian();
    Address a{};
    std::memcpy(a.data(), be.data() + 12, 20);
    return a;
}

}  // namespace detail

namespace topic {
Hash256 transfer() {
    static const Hash256 t = eventTopic("Transfer(address,address,uint256)");
    return t;
}
Hash256 approval() {
    static const Hash256 t = eventTopic("Approval(address,address,uint256)");
    return t;
}
Hash256 readingRecorded() {
    static const Hash256 t = eventTopic("ReadingRecorded(address,uint64,address,uint64,uint64,uint256)");
    return t;
}
Hash256 hubRegistered() {
    static const Hash256 t = eventTopic("HubRegistered(address,bytes32,bytes32,address)");
    return t;
}
Hash256 hubRevoked() {
    static const Hash256 t = eventTopic("HubRevoked(address,bytes32)");
    return t;
}
Hash256 settlementRecorded() {
    static const Hash256 t = eventTopic("SettlementRecorded(uint64,uint256,uint256)");
    return t;
}
Hash256 settlementEntry() {
    static const Hash256 t = eventTopic("SettlementEntry(uint64,bytes32,int256,uint256,int256)");
    return t;
}
}  // namespace topic

}  // namespace swarmergy::ledger::contracts
