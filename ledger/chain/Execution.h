#pragma once
// Transaction validation and execution against native contracts (C++ code at fixed
// addresses; see ledger/contracts). There is no EVM: a call to an address with a native
// contract runs it, any other `to` receives a plain value transfer.
//
// Fee rule (this PoA, baseFeePerGas = 0): the sender must hold value + gasLimit * maxGasPrice
// (checked arithmetic); gasUsed * effectiveGasPrice is paid to the block's sealer, nothing is
// burnt. A gas price of 0 is allowed, so the fee may be 0; gas still bounds the work a
// transaction may cause. Intrinsic gas is Ethereum's: 21000 + 4 per zero and 16 per non-zero
// data byte + 2400 per access-list address and 1900 per storage key (EIP-2028, EIP-2930).
// Native contracts pay the schedule below, modelled on EIP-2929/EIP-2200 costs.
#include "ledger/chain/Block.h"
#include "ledger/chain/State.h"

#include <functional>
#include <map>
#include <memory>
#include <set>

namespace swarmergy::ledger {

namespace gas {
inline constexpr std::uint64_t kTransaction = 21000;
inline constexpr std::uint64_t kDataZeroByte = 4;
inline constexpr std::uint64_t kDataNonZeroByte = 16;
inline constexpr std::uint64_t kAccessListAddress = 2400;
inline constexpr std::uint64_t kAccessListStorageKey = 1900;
inline constexpr std::uint64_t kStorageRead = 2100;
inline constexpr std::uint64_t kStorageSet = 20000;      // zero -> non-zero
inline constexpr std::uint64_t kStorageUpdate = 5000;    // any other write
inline constexpr std::uint64_t kLog = 375;
inline constexpr std::uint64_t kLogTopic = 375;
inline constexpr std::uint64_t kLogDataByte = 8;
inline constexpr std::uint64_t kSignatureRecovery = 3000;   // as the ecrecover precompile
}  // namespace gas

struct ChainConfig {
    std::uint64_t chainId = 2468;
    std::uint64_t blockGasLimit = 1'000'000'000;
    std::vector<Address> authorities;          // genesis signers (also contract authorities)
    std::map<Address, U256> genesisBalances;   // native coin allocation
    std::uint64_t genesisTimestamp = 0;
    bool isAuthority(const Address& a) const;
};

// Who counts as an authority for the contracts (HubRegistry, Settlement) at a block: by
// default the genesis list (ChainConfig::authorities); the consensus layer may pass the
// Clique signer set in force at that block instead. Must be deterministic (consensus).
using AuthorityCheck = std::function<bool(const Address& who, std::uint64_t blockNumber)>;

struct BlockContext {
    std::uint64_t number = 0;
    std::uint64_t timestamp = 0;
    Address sealer{};                          // receives the fees
    const ChainConfig* config = nullptr;
    AuthorityCheck authorityCheck;             // empty: config->isAuthority
    bool isAuthority(const Address& who) const {
        if (authorityCheck) return authorityCheck(who, number);
        return config && config->isAuthority(who);
    }
};

// A native contract aborts its call by throwing Revert (state of the call dropped, status 0,
// the reason returned ABI-encoded as Error(string)) or OutOfGas (all gas consumed).
struct Revert : std::runtime_error {
    using std::runtime_error::runtime_error;
};
struct OutOfGas : std::runtime_error {
    OutOfGas() : std::runtime_error("out of gas") {}
};

class ExecutionEnv {
public:
    ExecutionEnv(StateOverlay& state, const BlockContext& block, const Address& caller, const Address& self,
                 const U256& value, ByteView input, std::uint64_t gasAvailable);
    U256 load(const Address& contract, const Hash256& slot);
    void store(const Address& contract, const Hash256& slot, const U256& value);
    void emitLog(const Address& contract, std::vector<Hash256> topics, Bytes data);
    void chargeGas(std::uint64_t amount);
    [[noreturn]] void revert(const std::string& reason) { throw Revert(reason); }

    const BlockContext& block() const { return block_; }
    const Address& caller() const { return caller_; }
    const Address& self() const { return self_; }
    const U256& value() const { return value_; }
    ByteView input() const { return input_; }
    std::uint64_t gasUsed() const { return gasUsed_; }
    std::vector<Log>& logs() { return logs_; }
    StateOverlay& state() { return state_; }

private:
    StateOverlay& state_;
    const BlockContext& block_;
    Address caller_, self_;
    U256 value_;
    ByteView input_;
    std::uint64_t gasAvailable_, gasUsed_ = 0;
    std::vector<Log> logs_;
};

class NativeContract {
public:
    virtual ~NativeContract() = default;
    // Returns the ABI-encoded return data, or throws Revert / OutOfGas.
    virtual Bytes call(ExecutionEnv& env) = 0;
};

// The contracts present at fixed addresses (part of consensus: every node must agree).
class ContractHost {
public:
    void install(const Address& address, std::shared_ptr<NativeContract> contract);
    NativeContract* contractAt(const Address& address) const;

private:
    std::map<Address, std::shared_ptr<NativeContract>> contracts_;
};

// ABI encoding of a revert reason: Error(string), selector 0x08c379a0 (Solidity docs).
Bytes encodeRevertReason(const std::string& reason);

std::uint64_t intrinsicGas(const Transaction& tx);

// Why a transaction cannot be included, or nullopt if it can. `gasLeftInBlock` bounds gasLimit.
std::optional<std::string> validateTransaction(const SignedTransaction& tx, const StateReader& state,
                                               const ChainConfig& config, std::uint64_t gasLeftInBlock);

// Thrown by applyTransaction for a transaction that fails validation (the block is invalid).
struct InvalidTransaction : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Validates and executes one transaction on `state`: nonce + 1, fee to the sealer, and the
// call's effects only if it succeeded. Returns its receipt (bloom filled).
Receipt applyTransaction(StateOverlay& state, const SignedTransaction& tx, const BlockContext& block,
                         const ContractHost& contracts, std::uint64_t cumulativeGasBefore);

// eth_call / eth_estimateGas: runs a call on a throwaway overlay; nothing is ever committed.
struct CallRequest {
    Address from{};
    std::optional<Address> to;
    U256 value;
    Bytes data;
    std::uint64_t gasLimit = 50'000'000;
};
struct CallOutcome {
    bool success = false;
    Bytes returnData;          // output, or Error(string) data when reverted
    std::string revertReason;  // plain text when reverted
    std::uint64_t gasUsed = 0; // including intrinsic gas (what eth_estimateGas answers)
    std::vector<Log> logs;
};
CallOutcome simulateCall(const StateReader& state, const CallRequest& request, const BlockContext& block,
                         const ContractHost& contracts);

// Executes a block's transactions in order on top of `state`.
struct BlockExecution {
    std::vector<Receipt> receipts;
    StateChanges changes;
    std::uint64_t gasUsed = 0;
    Bloom logsBloom;
};
BlockExecution executeTransactions(const StateReader& state, const std::vector<SignedTransaction>& txs,
                                   const BlockContext& block, const ContractHost& contracts);

}  // namespace swarmergy::ledger
