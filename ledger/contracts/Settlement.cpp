// Settlement: an authority records the engine's settlement of one 15-minute interval; NRG
// moves from the alvéoles that pay to the ones paid, all or nothing, and an interval can be
// recorded only once. Payers pay into this contract's address (the clearing account), which
// then pays the payees: the clearing account ends every interval at zero.
// Storage: 0 entryCount[interval]; 1 entries[interval][alveole] = {energy, price, amount,
// recorded} at base+0..3.
#include "ledger/contracts/ContractSupport.h"

#include <set>

namespace swarmergy::ledger::contracts {

using namespace detail;

namespace {

const Hash256 kEntryCounts = slotOf(0), kEntries = slotOf(1);

Hash256 entryBase(std::uint64_t interval, const Hash256& alveole) {
    return mappingSlot(view(alveole), mappingSlot(U256(interval), kEntries));
}

struct Parsed {
    std::uint64_t interval = 0;
    std::vector<SettlementEntry> entries;
};

Parsed parse(ExecutionEnv& env, const AbiReader& a) {
    Parsed p;
    p.interval = a.uint64(0);
    const auto ids = a.bytes32Array(1);
    const auto energy = a.uintArray(2), price = a.uintArray(3), amount = a.uintArray(4);
    if (ids.empty()) env.revert("Settlement: no entries");
    if (energy.size() != ids.size() || price.size() != ids.size() || amount.size() != ids.size())
        env.revert("Settlement: arrays of different lengths");
    for (std::size_t i = 0; i < ids.size(); ++i)
        p.entries.push_back(SettlementEntry{ids[i], SignedAmount::fromTwos(energy[i]), price[i], SignedAmount::fromTwos(amount[i])});
    return p;
}

// Sum of credits must equal sum of debits: a settlement moves NRG, it never creates it.
void requireBalanced(ExecutionEnv& env, const std::vector<SettlementEntry>& entries) {
    U256 credits, debits;
    for (const auto& e : entries) {
        auto& side = e.amountWei.negative ? debits : credits;
        const auto sum = checkedAdd(side, e.amountWei.magnitude);
        if (!sum) env.revert("Settlement: amounts overflow");
        side = *sum;
    }
    if (credits != debits)
        env.revert("Settlement: does not balance (credits " + credits.toDecimal() + " != debits " + debits.toDecimal() + ")");
}

class Settlement : public NativeContract {
public:
    Settlement() {
        d_.on("recordSettlement(uint64,bytes32[],int256[],uint256[],int256[])",
              [](ExecutionEnv& env, const AbiReader& a) { return record(env, a); });
        d_.on("isSettled(uint64)", [](ExecutionEnv& env, const AbiReader& a) {
            return AbiWriter().boolean(!env.load(kSettlement, mappingSlot(U256(a.uint64(0)), kEntryCounts)).isZero()).finish();
        });
        d_.on("settlementOf(uint64,bytes32)", [](ExecutionEnv& env, const AbiReader& a) {
            const Hash256 base = entryBase(a.uint64(0), a.bytes32(1));
            return AbiWriter()
                .boolean(!env.load(kSettlement, addToSlot(base, 3)).isZero())
                .int256(env.load(kSettlement, base))
                .uint(env.load(kSettlement, addToSlot(base, 1)))
                .int256(env.load(kSettlement, addToSlot(base, 2)))
                .finish();
        });
    }
    Bytes call(ExecutionEnv& env) override { return d_.dispatch(env, "Settlement"); }

private:
    Dispatcher d_;

    static Bytes record(ExecutionEnv& env, const AbiReader& a) {
        requireAuthority(env, "Settlement.recordSettlement");
        const Parsed p = parse(env, a);
        if (p.interval % kReadingIntervalSeconds != 0) env.revert("Settlement: interval start is not a multiple of 900 s");
        const Hash256 countSlot = mappingSlot(U256(p.interval), kEntryCounts);
        if (!env.load(kSettlement, countSlot).isZero()) env.revert("Settlement: interval already recorded");
        requireBalanced(env, p.entries);

        std::set<Hash256> seen;
        std::vector<Address> accounts;
        for (const auto& e : p.entries) {
            if (!seen.insert(e.alveoleId).second) env.revert("Settlement: alvéole " + idToString(e.alveoleId) + " listed twice");
            const Address account = registry::accountOf(env, e.alveoleId);
            if (account == Address{}) env.revert("Settlement: unknown alvéole " + idToString(e.alveoleId));
            accounts.push_back(account);
        }
        // Debits first, into the clearing account, then credits out of it: any payer short of
        // NRG reverts the whole interval.
        U256 volume;
        for (std::size_t i = 0; i < p.entries.size(); ++i) {
            const auto& e = p.entries[i];
            if (!e.amountWei.negative || e.amountWei.magnitude.isZero()) continue;
            if (nrg::balanceOf(env, accounts[i]) < e.amountWei.magnitude)
                env.revert("Settlement: alvéole " + idToString(e.alveoleId) + " cannot pay " + e.amountWei.magnitude.toDecimal() + " wei");
            nrg::move(env, accounts[i], kSettlement, e.amountWei.magnitude);
            volume = *checkedAdd(volume, e.amountWei.magnitude);
        }
        for (std::size_t i = 0; i < p.entries.size(); ++i) {
            const auto& e = p.entries[i];
            if (!e.amountWei.negative && !e.amountWei.magnitude.isZero()) nrg::move(env, kSettlement, accounts[i], e.amountWei.magnitude);
        }
        for (const auto& e : p.entries) {
            const Hash256 base = entryBase(p.interval, e.alveoleId);
            env.store(kSettlement, base, e.energyWh.twos());
            env.store(kSettlement, addToSlot(base, 1), e.priceWeiPerKwh);
            env.store(kSettlement, addToSlot(base, 2), e.amountWei.twos());
            env.store(kSettlement, addToSlot(base, 3), U256(1));
            env.emitLog(kSettlement, {topic::settlementEntry(), uintTopic(U256(p.interval)), e.alveoleId},
                        AbiWriter().int256(e.energyWh.twos()).uint(e.priceWeiPerKwh).int256(e.amountWei.twos()).finish());
        }
        env.store(kSettlement, countSlot, U256(p.entries.size()));
        env.emitLog(kSettlement, {topic::settlementRecorded(), uintTopic(U256(p.interval))},
                    AbiWriter().uint(U256(p.entries.size())).uint(volume).finish());
        return AbiWriter().uint(volume).finish();
    }
};

}  // namespace

std::shared_ptr<NativeContract> makeSettlement() { return std::make_shared<Settlement>(); }

namespace call {
Bytes recordSettlement(std::uint64_t interval, const std::vector<SettlementEntry>& entries) {
    std::vector<Hash256> ids;
    std::vector<U256> energy, price, amount;
    for (const auto& e : entries) {
        ids.push_back(e.alveoleId);
        energy.push_back(e.energyWh.twos());
        price.push_back(e.priceWeiPerKwh);
        amount.push_back(e.amountWei.twos());
    }
    return AbiWriter().uint(U256(interval)).bytes32Array(ids).uintArray(energy).uintArray(price).uintArray(amount).finishCall(
        selectorOf("recordSettlement(uint64,bytes32[],int256[],uint256[],int256[])"));
}
Bytes isSettled(std::uint64_t interval) { return AbiWriter().uint(U256(interval)).finishCall(selectorOf("isSettled(uint64)")); }
Bytes settlementOf(std::uint64_t interval, const Hash256& alveoleId) {
    return AbiWriter().uint(U256(interval)).bytes32(alveoleId).finishCall(selectorOf("settlementOf(uint64,bytes32)"));
}
}  // namespace call

}  // namespace swarmergy::ledger::contracts
