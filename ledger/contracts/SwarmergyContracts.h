#pragma once
// The native contracts of SwarmLedger, at fixed addresses, dispatched by 4-byte selector with
// Solidity ABI arguments, emitting standard logs (see README.md for every function, event,
// revert reason and storage slot):
//   NRGcoin      0x…1001  ERC-20 "NRGcoin"/"NRG"/18 + minting from signed hub readings
//   HubRegistry  0x…1002  authorities bind a hub address to (alvéole, ruche, account)
//   Settlement   0x…1003  authorities record an interval's settlement; NRG moves atomically
// Alvéole and ruche ids are bytes32: the UTF-8 id left-aligned, zero-padded (at most 32 bytes).
#include "ledger/chain/Execution.h"
#include "ledger/contracts/Abi.h"
#include "ledger/contracts/MeterReading.h"
#include "ledger/contracts/MintPolicy.h"

namespace swarmergy::ledger::contracts {

inline constexpr Address kNrgToken{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0x01};
inline constexpr Address kHubRegistry{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0x02};
inline constexpr Address kSettlement{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0x03};

struct ContractsConfig {
    std::shared_ptr<const MintPolicy> mintPolicy = std::make_shared<FlatMintPolicy>();
    std::map<Address, U256> genesisNrg;                  // NRG (wei) allocated at genesis
    std::uint64_t maxExportWhPerInterval = 250'000;      // 1 MW for 15 min: above is refused
};

// Installs the three contracts (they read authorities from BlockContext::config).
void installContracts(ContractHost& host, const ContractsConfig& config);
// Storage writes of the genesis NRG allocation (balances and totalSupply).
StateChanges genesisContractState(const ContractsConfig& config);

// bytes32 id from a text id; throws std::invalid_argument if longer than 32 bytes or empty.
Hash256 idFromString(std::string_view id);
std::string idToString(const Hash256& id);

// A signed quantity for ABI int256 (energy and amounts of a settlement).
struct SignedAmount {
    bool negative = false;
    U256 magnitude;
    static SignedAmount of(std::int64_t v);
    U256 twos() const { return negative ? magnitude.negateTwos() : magnitude; }
    static SignedAmount fromTwos(const U256& v);
};

struct SettlementEntry {
    Hash256 alveoleId{};
    SignedAmount energyWh;       // > 0 exported (sold), < 0 imported (bought)
    U256 priceWeiPerKwh;
    SignedAmount amountWei;      // > 0 the alvéole receives NRG, < 0 it pays
};

// Calldata builders (what a client or the node puts in a transaction's data / eth_call).
namespace call {
Bytes name();
Bytes symbol();
Bytes decimals();
Bytes totalSupply();
Bytes balanceOf(const Address& owner);
Bytes transfer(const Address& to, const U256& amount);
Bytes approve(const Address& spender, const U256& amount);
Bytes allowance(const Address& owner, const Address& spender);
Bytes transferFrom(const Address& from, const Address& to, const U256& amount);
Bytes submitReading(const MeterReading& reading, const Signature& signature);
Bytes readingRecorded(const Address& hub, std::uint64_t intervalStartUnix);
Bytes registerHub(const Address& hub, const Hash256& alveoleId, const Hash256& rucheId, const Address& account);
Bytes revokeHub(const Address& hub);
Bytes hubInfo(const Address& hub);
Bytes accountOf(const Hash256& alveoleId);
Bytes recordSettlement(std::uint64_t intervalStartUnix, const std::vector<SettlementEntry>& entries);
Bytes isSettled(std::uint64_t intervalStartUnix);
Bytes settlementOf(std::uint64_t intervalStartUnix, const Hash256& alveoleId);
}  // namespace call

// Event topics (topic 0).
namespace topic {
Hash256 transfer();          // Transfer(address,address,uint256)
Hash256 approval();          // Approval(address,address,uint256)
Hash256 readingRecorded();   // ReadingRecorded(address,uint64,address,uint64,uint64,uint256)
Hash256 hubRegistered();     // HubRegistered(address,bytes32,bytes32,address)
Hash256 hubRevoked();        // HubRevoked(address,bytes32)
Hash256 settlementRecorded();  // SettlementRecorded(uint64,uint256,uint256)
Hash256 settlementEntry();   // SettlementEntry(uint64,bytes32,int256,uint256,int256)
}  // namespace topic

}  // namespace swarmergy::ledger::contracts
