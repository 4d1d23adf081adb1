#include "ledger/chain/Execution.h"

#include <algorithm>

namespace swarmergy::ledger {

bool ChainConfig::isAuthority(const Address& a) const {
    return std::find(authorities.begin(), authorities.end(), a) != authorities.end();
}

ExecutionEnv::ExecutionEnv(StateOverlay& state, const BlockContext& block, const Address& caller, const Address& self,
                           const U256& value, ByteView input, std::uint64_t gasAvailable)
    : state_(state), block_(block), caller_(caller), self_(self), value_(value), input_(input), gasAvailable_(gasAvailable) {}

void ExecutionEnv::chargeGas(std::uint64_t amount) {
    if (amount > gasAvailable_ - gasUsed_) {
        gasUsed_ = gasAvailable_;
        throw OutOfGas();
    }
    gasUsed_ += amount;
}

U256 ExecutionEnv::load(const Address& contract, const Hash256& slot) {
    chargeGas(gas::kStorageRead);
    return state_.storage(contract, slot);
}

void ExecutionEnv::store(const Address& contract, const Hash256& slot, const U256& value) {
    const bool wasZero = state_.storage(contract, slot).isZero();
    chargeGas(wasZero && !value.isZero() ? gas::kStorageSet : gas::kStorageUpdate);
    state_.setStorage(contract, slot, value);
}

void ExecutionEnv::emitLog(const Address& contract, std::vector<Hash256> topics, Bytes data) {
    chargeGas(gas::kLog + gas::kLogTopic * topics.size() + gas::kLogDataByte * data.size());
    logs_.push_back(Log{contract, std::move(topics), std::move(data)});
}

void ContractHost::install(const Address& address, std::shared_ptr<NativeContract> contract) {
    contracts_[address] = std::move(contract);
}

NativeContract* ContractHost::contractAt(const Address& address) const {
    auto it = contracts_.find(address);
    return it == contracts_.end() ? nullptr : it->second.get();
}

Bytes encodeRevertReason(const std::string& reason) {
    Bytes out{0x08, 0xc3, 0x79, 0xa0};
    const auto offset = U256(32).toBigEndian();
    const auto length = U256(reason.size()).toBigEndian();
    append(out, view(offset));
    append(out, view(length));
    out.insert(out.end(), reason.begin(), reason.end());
    out.resize(4 + 64 + (reason.size() + 31) / 32 * 32, 0);
    return out;
}

std::uint64_t intrinsicGas(const Transaction& tx) {
    std::uint64_t g = gas::kTransaction;
    for (std::uint8_t b : tx.data) g += b == 0 ? gas::kDataZeroByte : gas::kDataNonZeroByte;
    for (const auto& e : tx.accessList) g += gas::kAccessListAddress + gas::kAccessListStorageKey * e.storageKeys.size();
    return g;
}

namespace {

std::optional<U256> upfrontCost(const Transaction& tx) {
    const auto gasCost = checkedMul(U256(tx.gasLimit), tx.maxGasPrice());
    return gasCost ? checkedAdd(*gasCost, tx.value) : std::nullopt;
}

void credit(StateOverlay& state, const Address& who, const U256& amount) {
    if (amount.isZero()) return;
    Account acc = state.account(who);
    const auto sum = checkedAdd(acc.balance, amount);
    if (!sum) throw Revert("balance overflow");
    acc.balance = *sum;
    state.setAccount(who, acc);
}

// Runs the call part of a transaction or eth_call on `callState`; the caller decides
// whether to keep its writes.
struct CallRun {
    bool success = false;
    Bytes output;
    std::string reason;
    std::uint64_t gasUsed = 0;
    std::vector<Log> logs;
};

CallRun runCall(StateOverlay& callState, const BlockContext& block, const ContractHost& contracts, const Address& from,
                const std::optional<Address>& to, const U256& value, ByteView data, std::uint64_t gasAvailable) {
    CallRun run;
    ExecutionEnv env(callState, block, from, to.value_or(Address{}), value, data, gasAvailable);
    try {
        Account sender = callState.account(from);
        const auto left = checkedSub(sender.balance, value);
        if (!left) throw Revert("insufficient balance for value transfer");
        sender.balance = *left;
        callState.setAccount(from, sender);
        credit(callState, *to, value);
        if (NativeContract* contract = contracts.contractAt(*to)) run.output = contract->call(env);
        run.success = true;
        run.logs = std::move(env.logs());
    } catch (const Revert& r) {
        run.reason = r.what();
        run.output = encodeRevertReason(run.reason);
    } catch (const OutOfGas&) {
        run.reason = "out of gas";
    }
    run.gasUsed = env.gasUsed();
    return run;
}

}  // namespace

std::optional<std::string> validateTransaction(const SignedTransaction& stx, const StateReader& state,
                                               const ChainConfig& config, std::uint64_t gasLeftInBlock) {
    const Transaction& tx = stx.tx;
    if (!tx.chainId) return "transaction without EIP-155 chain id refused";
    if (*tx.chainId != config.chainId)
        return "wrong chain id " + std::to_string(*tx.chainId) + " (this chain is " + std::to_string(config.chainId) + ")";
    if (!isLowS(tx.signature.s)) return "signature s is not low (EIP-2)";
    if (!tx.to) return "contract creation is not supported (native contracts only)";
    if (tx.type == TxType::DynamicFee && tx.maxPriorityFeePerGas > tx.maxFeePerGas)
        return "maxPriorityFeePerGas is higher than maxFeePerGas";
    const Account sender = state.account(stx.sender);
    if (tx.nonce < sender.nonce) return "nonce too low: " + std::to_string(tx.nonce) + " < " + std::to_string(sender.nonce) + " (replayed or already included)";
    if (tx.nonce > sender.nonce) return "nonce too high: " + std::to_string(tx.nonce) + " > " + std::to_string(sender.nonce);
    if (sender.nonce == ~0ULL) return "nonce at its maximum (EIP-2681)";
    if (tx.gasLimit < intrinsicGas(tx))
        return "intrinsic gas too low: gas " + std::to_string(tx.gasLimit) + ", need " + std::to_string(intrinsicGas(tx));
    if (tx.gasLimit > gasLeftInBlock) return "gas limit " + std::to_string(tx.gasLimit) + " exceeds the block's remaining gas";
    const auto cost = upfrontCost(tx);
    if (!cost) return "value + gasLimit * gasPrice overflows 256 bits";
    if (sender.balance < *cost)
        return "insufficient funds for gas * price + value: balance " + sender.balance.toDecimal() + ", need " + cost->toDecimal();
    return std::nullopt;
}

Receipt applyTransaction(StateOverlay& state, const SignedTransaction& stx, const BlockContext& block,
                         const ContractHost& contracts, std::uint64_t cumulativeGasBefore) {
    const Transaction& tx = stx.tx;
    const std::uint64_t gasLeft = block.config->blockGasLimit - std::min(block.config->blockGasLimit, cumulativeGasBefore);
    if (auto error = validateTransaction(stx, state, *block.config, gasLeft)) throw InvalidTransaction(*error);

    // Buy all gas up front and bump the nonce: these survive a failed call.
    const U256 price = tx.effectiveGasPrice(U256(0));
    Account sender = state.account(stx.sender);
    sender.nonce += 1;
    sender.balance = *checkedSub(sender.balance, *checkedMul(U256(tx.gasLimit), price));
    state.setAccount(stx.sender, sender);

    const std::uint64_t intrinsic = intrinsicGas(tx);
    StateOverlay callState(state);
    CallRun run = runCall(callState, block, contracts, stx.sender, tx.to, tx.value, view(tx.data), tx.gasLimit - intrinsic);
    if (run.success) callState.mergeInto(state);

    Receipt receipt;
    receipt.type = tx.type;
    receipt.success = run.success;
    receipt.gasUsed = intrinsic + run.gasUsed;
    receipt.cumulativeGasUsed = cumulativeGasBefore + receipt.gasUsed;
    receipt.effectiveGasPrice = price;
    receipt.logs = std::move(run.logs);
    receipt.finalizeBloom();

    // Refund unused gas; the fee for used gas goes to the sealer (nothing burnt, base fee 0).
    credit(state, stx.sender, *checkedMul(U256(tx.gasLimit - receipt.gasUsed), price));
    credit(state, block.sealer, *checkedMul(U256(receipt.gasUsed), price));
    return receipt;
}

CallOutcome simulateCall(const StateReader& state, const CallRequest& request, const BlockContext& block,
                         const ContractHost& contracts) {
    CallOutcome outcome;
    Transaction probe;
    probe.data = request.data;
    const std::uint64_t intrinsic = intrinsicGas(probe);
    if (!request.to) {
        outcome.revertReason = "contract creation is not supported (native contracts only)";
        outcome.returnData = encodeRevertReason(outcome.revertReason);
        return outcome;
    }
    if (request.gasLimit < intrinsic) {
        outcome.revertReason = "intrinsic gas too low";
        return outcome;
    }
    StateOverlay scratch(state);
    CallRun run = runCall(scratch, block, contracts, request.from, request.to, request.value, view(request.data),
                          request.gasLimit - intrinsic);
    outcome.success = run.success;
    outcome.returnData = std::move(run.output);
    outcome.revertReason = std::move(run.reason);
    outcome.gasUsed = intrinsic + run.gasUsed;
    outcome.logs = std::move(run.logs);
    return outcome;
}

BlockExecution executeTransactions(const StateReader& state, const std::vector<SignedTransaction>& txs,
                                   const BlockContext& block, const ContractHost& contracts) {
    BlockExecution result;
    StateOverlay blockState(state);
    for (std::size_t i = 0; i < txs.size(); ++i) {
        try {
            Receipt r = applyTransaction(blockState, txs[i], block, contracts, result.gasUsed);
            result.gasUsed = r.cumulativeGasUsed;
            result.logsBloom.merge(r.bloom);
            result.receipts.push_back(std::move(r));
        } catch (const InvalidTransaction& e) {
            throw InvalidTransaction("transaction " + std::to_string(i) + " (" + toHex(view(txs[i].hash)) + "): " + e.what());
        }
    }
    result.changes = blockState.changes();
    return result;
}

}  // namespace swarmergy::ledger
