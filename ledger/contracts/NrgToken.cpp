// NRGcoin: an ERC-20 (EIP-20) with OpenZeppelin's revert rules and messages, plus minting
// from signed hub readings (NRGcoin, Mihaylov et al. 2014).
// Storage (Solidity layout): 0 balances[address], 1 allowances[owner][spender],
// 2 totalSupply, 3 readingWindow[hub] = {newest interval index + 1, 256-bit bitmap}.
//
// One reading per (hub, interval) is enforced with a sliding window per hub rather than one
// slot per reading, so the state stays O(hubs) (50,000 hubs x 96 intervals a day would
// otherwise add 4.8 million slots a day): bit d of the bitmap says interval (newest - d) was
// recorded; readings more than 255 intervals (~64 h) older than the hub's newest are refused.
#include "ledger/contracts/ContractSupport.h"

namespace swarmergy::ledger::contracts {

using namespace detail;

namespace {

const Hash256 kBalances = slotOf(0), kAllowances = slotOf(1), kTotalSupply = slotOf(2), kReadings = slotOf(3);

Hash256 allowanceSlot(const Address& owner, const Address& spender) {
    return mappingSlot(spender, mappingSlot(owner, kAllowances));
}
constexpr std::uint64_t kWindowIntervals = 256;

struct ReadingWindow {
    Hash256 base{};
    std::uint64_t newestPlusOne = 0;   // 0 = no reading yet
    U256 bitmap;
};

ReadingWindow loadWindow(ExecutionEnv& env, const Address& hub) {
    ReadingWindow w;
    w.base = mappingSlot(hub, kReadings);
    w.newestPlusOne = env.load(kNrgToken, w.base).low64();
    w.bitmap = env.load(kNrgToken, addToSlot(w.base, 1));
    return w;
}

enum class WindowState { Free, Recorded, TooOld };

WindowState windowState(const ReadingWindow& w, std::uint64_t index) {
    if (w.newestPlusOne == 0 || index >= w.newestPlusOne) return WindowState::Free;
    const std::uint64_t age = w.newestPlusOne - 1 - index;
    if (age >= kWindowIntervals) return WindowState::TooOld;
    return w.bitmap.testBit(static_cast<unsigned>(age)) ? WindowState::Recorded : WindowState::Free;
}

void recordInWindow(ExecutionEnv& env, ReadingWindow w, std::uint64_t index) {
    if (w.newestPlusOne == 0 || index >= w.newestPlusOne) {
        const std::uint64_t shift = w.newestPlusOne == 0 ? kWindowIntervals : index + 1 - w.newestPlusOne;
        w.bitmap = (shift >= kWindowIntervals ? U256() : w.bitmap.shiftedLeft(static_cast<unsigned>(shift))).withBit(0);
        w.newestPlusOne = index + 1;
        env.store(kNrgToken, w.base, U256(w.newestPlusOne));
    } else {
        w.bitmap = w.bitmap.withBit(static_cast<unsigned>(w.newestPlusOne - 1 - index));
    }
    env.store(kNrgToken, addToSlot(w.base, 1), w.bitmap);
}

Bytes encodeBool(bool b) { return AbiWriter().boolean(b).finish(); }
Bytes encodeUint(const U256& v) { return AbiWriter().uint(v).finish(); }

void approveInternal(ExecutionEnv& env, const Address& owner, const Address& spender, const U256& amount) {
    if (spender == Address{}) env.revert("ERC20: approve to the zero address");
    env.store(kNrgToken, allowanceSlot(owner, spender), amount);
    env.emitLog(kNrgToken, {topic::approval(), addressTopic(owner), addressTopic(spender)}, encodeUint(amount));
}

class NrgToken : public NativeContract {
public:
    explicit NrgToken(ContractsConfig config) : config_(std::move(config)) {
        d_.on("name()", [](ExecutionEnv&, const AbiReader&) { return AbiWriter().string("NRGcoin").finish(); });
        d_.on("symbol()", [](ExecutionEnv&, const AbiReader&) { return AbiWriter().string("NRG").finish(); });
        d_.on("decimals()", [](ExecutionEnv&, const AbiReader&) { return encodeUint(U256(18)); });
        d_.on("totalSupply()", [](ExecutionEnv& env, const AbiReader&) { return encodeUint(env.load(kNrgToken, kTotalSupply)); });
        d_.on("balanceOf(address)", [](ExecutionEnv& env, const AbiReader& a) { return encodeUint(nrg::balanceOf(env, a.address(0))); });
        d_.on("allowance(address,address)", [](ExecutionEnv& env, const AbiReader& a) {
            return encodeUint(env.load(kNrgToken, allowanceSlot(a.address(0), a.address(1))));
        });
        d_.on("transfer(address,uint256)", [](ExecutionEnv& env, const AbiReader& a) {
            nrg::move(env, env.caller(), a.address(0), a.uint(1));
            return encodeBool(true);
        });
        d_.on("approve(address,uint256)", [](ExecutionEnv& env, const AbiReader& a) {
            approveInternal(env, env.caller(), a.address(0), a.uint(1));
            return encodeBool(true);
        });
        d_.on("transferFrom(address,address,uint256)", [](ExecutionEnv& env, const AbiReader& a) {
            const Address from = a.address(0), to = a.address(1);
            const U256 amount = a.uint(2);
            spendAllowance(env, from, env.caller(), amount);
            nrg::move(env, from, to, amount);
            return encodeBool(true);
        });
        d_.on("submitReading(address,uint64,uint64,uint64,bytes)",
              [this](ExecutionEnv& env, const AbiReader& a) { return submitReading(env, a); });
        // True when a reading for (hub, interval) can no longer be minted: recorded, or older
        // than the hub's window.
        d_.on("readingRecorded(address,uint64)", [](ExecutionEnv& env, const AbiReader& a) {
            const std::uint64_t interval = a.uint64(1);
            if (interval % kReadingIntervalSeconds != 0) return encodeBool(false);
            return encodeBool(windowState(loadWindow(env, a.address(0)), interval / kReadingIntervalSeconds) != WindowState::Free);
        });
    }

    Bytes call(ExecutionEnv& env) override { return d_.dispatch(env, "NRGcoin"); }

private:
    ContractsConfig config_;
    Dispatcher d_;

    // OpenZeppelin ERC20._spendAllowance: an infinite (max) allowance is never decreased.
    static void spendAllowance(ExecutionEnv& env, const Address& owner, const Address& spender, const U256& amount) {
        const Hash256 slot = allowanceSlot(owner, spender);
        const U256 current = env.load(kNrgToken, slot);
        if (current == U256::max()) return;
        const auto left = checkedSub(current, amount);
        if (!left) env.revert("ERC20: insufficient allowance");
        env.store(kNrgToken, slot, *left);
    }

    Bytes submitReading(ExecutionEnv& env, const AbiReader& a) {
        MeterReading reading{a.address(0), a.uint64(1), a.uint64(2), a.uint64(3)};
        const Bytes sigBytes = a.bytes(4);
        if (sigBytes.size() != 65) env.revert("reading: signature must be 65 bytes (r || s || v)");
        Signature sig = Signature::fromBytes65(view(sigBytes));
        if (sig.recoveryId >= 27) sig.recoveryId = static_cast<std::uint8_t>(sig.recoveryId - 27);   // accept v = 27/28 too
        if (reading.intervalStartUnix % kReadingIntervalSeconds != 0)
            env.revert("reading: interval start is not a multiple of 900 s");
        const std::uint64_t now = env.block().timestamp;   // written so that no addition can wrap
        if (reading.intervalStartUnix > now || now - reading.intervalStartUnix < kReadingIntervalSeconds)
            env.revert("reading: interval has not ended yet");
        if (reading.exportedWh > config_.maxExportWhPerInterval) env.revert("reading: exported energy above the per-interval maximum");
        env.chargeGas(gas::kSignatureRecovery);
        const auto signer = recoverAddress(readingDigest(reading, env.block().config->chainId, kNrgToken), sig);
        if (!signer || *signer != reading.hub) env.revert("reading: signature is not the hub's");
        const auto hub = registry::hub(env, reading.hub);
        if (!hub.active) env.revert("reading: hub is not registered (or revoked)");
        const std::uint64_t index = reading.intervalStartUnix / kReadingIntervalSeconds;
        const ReadingWindow window = loadWindow(env, reading.hub);
        switch (windowState(window, index)) {
        case WindowState::Recorded: env.revert("reading: already recorded for this hub and interval");
        case WindowState::TooOld: env.revert("reading: older than the 256 intervals after the hub's newest reading");
        case WindowState::Free: break;
        }
        recordInWindow(env, window, index);
        const U256 minted = config_.mintPolicy->mintAmount(reading.exportedWh, reading.intervalStartUnix);
        nrg::mint(env, hub.account, minted);
        env.emitLog(kNrgToken,
                    {topic::readingRecorded(), addressTopic(reading.hub), uintTopic(U256(reading.intervalStartUnix)), addressTopic(hub.account)},
                    AbiWriter().uint(U256(reading.exportedWh)).uint(U256(reading.importedWh)).uint(minted).finish());
        return encodeUint(minted);
    }
};

}  // namespace

std::shared_ptr<NativeContract> makeNrgToken(const ContractsConfig& config) { return std::make_shared<NrgToken>(config); }

namespace detail::nrg {

U256 balanceOf(ExecutionEnv& env, const Address& owner) { return env.load(kNrgToken, mappingSlot(owner, kBalances)); }

void move(ExecutionEnv& env, const Address& from, const Address& to, const U256& amount) {
    if (from == Address{}) env.revert("ERC20: transfer from the zero address");
    if (to == Address{}) env.revert("ERC20: transfer to the zero address");
    const Hash256 fromSlot = mappingSlot(from, kBalances);
    const auto left = checkedSub(env.load(kNrgToken, fromSlot), amount);
    if (!left) env.revert("ERC20: transfer amount exceeds balance");
    env.store(kNrgToken, fromSlot, *left);
    // Cannot overflow: the sum of all balances is the total supply, itself checked at mint.
    const Hash256 toSlot = mappingSlot(to, kBalances);
    env.store(kNrgToken, toSlot, *checkedAdd(env.load(kNrgToken, toSlot), amount));
    env.emitLog(kNrgToken, {topic::transfer(), addressTopic(from), addressTopic(to)}, encodeUint(amount));
}

void mint(ExecutionEnv& env, const Address& to, const U256& amount) {
    if (to == Address{}) env.revert("ERC20: mint to the zero address");
    const auto supply = checkedAdd(env.load(kNrgToken, kTotalSupply), amount);
    if (!supply) env.revert("NRGcoin: total supply would overflow");
    env.store(kNrgToken, kTotalSupply, *supply);
    const Hash256 toSlot = mappingSlot(to, kBalances);
    env.store(kNrgToken, toSlot, *checkedAdd(env.load(kNrgToken, toSlot), amount));
    env.emitLog(kNrgToken, {topic::transfer(), addressTopic(Address{}), addressTopic(to)}, encodeUint(amount));
}

}  // namespace detail::nrg

namespace call {
Bytes name() { return AbiWriter().finishCall(selectorOf("name()")); }
Bytes symbol() { return AbiWriter().finishCall(selectorOf("symbol()")); }
Bytes decimals() { return AbiWriter().finishCall(selectorOf("decimals()")); }
Bytes totalSupply() { return AbiWriter().finishCall(selectorOf("totalSupply()")); }
Bytes balanceOf(const Address& owner) { return AbiWriter().address(owner).finishCall(selectorOf("balanceOf(address)")); }
Bytes transfer(const Address& to, const U256& amount) {
    return AbiWriter().address(to).uint(amount).finishCall(selectorOf("transfer(address,uint256)"));
}
Bytes approve(const Address& spender, const U256& amount) {
    return AbiWriter().address(spender).uint(amount).finishCall(selectorOf("approve(address,uint256)"));
}
Bytes allowance(const Address& owner, const Address& spender) {
    return AbiWriter().address(owner).address(spender).finishCall(selectorOf("allowance(address,address)"));
}
Bytes transferFrom(const Address& from, const Address& to, const U256& amount) {
    return AbiWriter().address(from).address(to).uint(amount).finishCall(selectorOf("transferFrom(address,address,uint256)"));
}
Bytes submitReading(const MeterReading& r, const Signature& signature) {
    const auto sig = signature.toBytes65();
    return AbiWriter()
        .address(r.hub)
        .uint(U256(r.intervalStartUnix))
        .uint(U256(r.exportedWh))
        .uint(U256(r.importedWh))
        .bytes(view(sig))
        .finishCall(selectorOf("submitReading(address,uint64,uint64,uint64,bytes)"));
}
Bytes readingRecorded(const Address& hub, std::uint64_t interval) {
    return AbiWriter().address(hub).uint(U256(interval)).finishCall(selectorOf("readingRecorded(address,uint64)"));
}
}  // namespace call

}  // namespace swarmergy::ledger::contracts
