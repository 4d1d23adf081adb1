#pragma once
// World state: accounts (nonce, balance) and the storage of native contracts (32-byte slots
// holding U256 values, laid out as Solidity lays out its variables).
//
// State root: a real Ethereum secure Merkle Patricia Trie, maintained incrementally (Yellow Paper 4.1): key
// keccak256(address) -> rlp([nonce, balance, storageRoot, codeHash]), storageRoot the trie of
// keccak256(slot) -> rlp(value). codeHash is keccak256("") for every account, native contracts
// included (their code is C++, not EVM bytecode). Empty accounts (nonce 0, balance 0, no
// storage) are absent, as after EIP-161. Zero storage values are absent.
//
// Layers: WorldState holds committed state; StateOverlay buffers writes above any
// StateReader (a block above the world state, a transaction above its block) and either
// merges into its parent or is dropped, which is how a reverted call leaves no trace.
#include "ledger/chain/MerkleTrie.h"
#include "ledger/crypto/U256.h"

#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

namespace swarmergy::ledger {

struct Account {
    std::uint64_t nonce = 0;
    U256 balance;
    friend bool operator==(const Account&, const Account&) = default;
};

using StorageKey = std::pair<Address, Hash256>;

// Hashes for the state maps: addresses and slots are (mostly) keccak outputs, so their
// leading bytes are already uniformly distributed.
struct AddressHash {
    std::size_t operator()(const Address& a) const {
        std::size_t h;
        std::memcpy(&h, a.data() + 12, sizeof h);
        return h;
    }
};
struct SlotHash {
    std::size_t operator()(const Hash256& s) const {
        std::size_t h, tail;
        std::memcpy(&h, s.data(), sizeof h);
        std::memcpy(&tail, s.data() + 24, sizeof tail);   // small slot numbers live at the end
        return h ^ (tail * 0x9e3779b97f4a7c15ULL);
    }
};
struct StorageKeyHash {
    std::size_t operator()(const StorageKey& k) const { return SlotHash{}(k.second) ^ (AddressHash{}(k.first) * 31); }
};
using AccountMap = std::unordered_map<Address, Account, AddressHash>;
using SlotMap = std::unordered_map<Hash256, U256, SlotHash>;
using StorageChangeMap = std::unordered_map<StorageKey, U256, StorageKeyHash>;

class StateReader {
public:
    virtual ~StateReader() = default;
    virtual Account account(const Address& address) const = 0;
    virtual U256 storage(const Address& address, const Hash256& slot) const = 0;
};

// The final values of every account and slot a block touched (a zero slot means deleted).
struct StateChanges {
    AccountMap accounts;
    StorageChangeMap storage;
    bool empty() const { return accounts.empty() && storage.empty(); }
};

class StateOverlay : public StateReader {
public:
    explicit StateOverlay(const StateReader& parent) : parent_(&parent) {}
    Account account(const Address& address) const override;
    U256 storage(const Address& address, const Hash256& slot) const override;
    void setAccount(const Address& address, const Account& account) { changes_.accounts[address] = account; }
    void setStorage(const Address& address, const Hash256& slot, const U256& value) {
        changes_.storage[{address, slot}] = value;
    }
    // Moves this overlay's writes into `parent` (which must be the reader it was built on).
    void mergeInto(StateOverlay& parent);
    const StateChanges& changes() const { return changes_; }

private:
    const StateReader* parent_;
    StateChanges changes_;
};

class WorldState : public StateReader {
public:
    Account account(const Address& address) const override;
    U256 storage(const Address& address, const Hash256& slot) const override;
    // Applies the changes and returns their undo (the previous values of every touched entry):
    // apply(undo) restores the state exactly, e.g. when an imported block's root mismatches.
    StateChanges apply(const StateChanges& changes);
    // Incremental: only the accounts and slots changed since the last call are rehashed.
    Hash256 stateRoot() const;

    const AccountMap& accounts() const { return accounts_; }
    const std::unordered_map<Address, SlotMap, AddressHash>& allStorage() const { return storage_; }

private:
    AccountMap accounts_;
    std::unordered_map<Address, SlotMap, AddressHash> storage_;
    // Tries mirror the maps above; accounts touched since the last stateRoot() are re-encoded then.
    mutable MerkleTrie accountTrie_;
    mutable std::unordered_map<Address, MerkleTrie, AddressHash> storageTries_;
    mutable std::set<Address> dirty_;
};

// Solidity storage layout helpers (docs.soliditylang.org, "Layout of State Variables"):
// a variable at slot p; mapping value for key k at keccak256(pad32(k) || pad32(p)).
Hash256 slotOf(std::uint64_t position);
Hash256 mappingSlot(ByteView key32, const Hash256& mappingPosition);
Hash256 mappingSlot(const Address& key, const Hash256& mappingPosition);
Hash256 mappingSlot(const U256& key, const Hash256& mappingPosition);
Hash256 addToSlot(const Hash256& slot, std::uint64_t offset);

}  // namespace swarmergy::ledger
