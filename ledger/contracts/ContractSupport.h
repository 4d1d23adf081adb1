#pragma once
// Internal helpers shared by the native contracts (not part of the public API).
#include "ledger/contracts/SwarmergyContracts.h"

#include <functional>
#include <unordered_map>

namespace swarmergy::ledger::contracts::detail {

using Handler = std::function<Bytes(ExecutionEnv&, const AbiReader&)>;

struct SelectorHash {
    std::size_t operator()(const Selector& s) const { return (std::size_t(s[0]) << 24) | (s[1] << 16) | (s[2] << 8) | s[3]; }
};

// Selector table of one contract; reverts on short input, unknown selector, sent value or
// malformed arguments (AbiError), so a handler only sees well-formed calls.
class Dispatcher {
public:
    void on(std::string_view signature, Handler handler) { table_[selectorOf(signature)] = std::move(handler); }
    Bytes dispatch(ExecutionEnv& env, const char* contractName) const;

private:
    std::unordered_map<Selector, Handler, SelectorHash> table_;
};

void requireAuthority(ExecutionEnv& env, const char* action);
Hash256 addressTopic(const Address& a);
Hash256 uintTopic(const U256& v);
Address wordToAddress(const U256& v);

// NRG ledger operations usable by other contracts (Settlement, minting); all emit Transfer
// from the token's address and revert with ERC-20 messages.
namespace nrg {
U256 balanceOf(ExecutionEnv& env, const Address& owner);
void move(ExecutionEnv& env, const Address& from, const Address& to, const U256& amount);
void mint(ExecutionEnv& env, const Address& to, const U256& amount);
}  // namespace nrg

// HubRegistry reads usable by other contracts.
namespace registry {
struct HubRecord {
    bool active = false;
    Hash256 alveoleId{};
    Hash256 rucheId{};
    Address account{};
};
HubRecord hub(ExecutionEnv& env, const Address& hub);
Address accountOf(ExecutionEnv& env, const Hash256& alveoleId);
}  // namespace registry

}  // namespace swarmergy::ledger::contracts::detail
