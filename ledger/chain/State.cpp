#include "ledger/chain/State.h"

#include "ledger/chain/Rlp.h"
#include "ledger/chain/Trie.h"
#include "ledger/crypto/Keccak.h"

#include <cstring>
#include <set>

namespace swarmergy::ledger {

Account StateOverlay::account(const Address& address) const {
    auto it = changes_.accounts.find(address);
    return it != changes_.accounts.end() ? it->second : parent_->account(address);
}

U256 StateOverlay::storage(const Address& address, const Hash256& slot) const {
    auto it = changes_.storage.find({address, slot});
    return it != changes_.storage.end() ? it->second : parent_->storage(address, slot);
}

void StateOverlay::mergeInto(StateOverlay& parent) {
    for (auto& [a, acc] : changes_.accounts) parent.changes_.accounts[a] = acc;
    for (auto& [k, v] : changes_.storage) parent.changes_.storage[k] = v;
    changes_ = {};
}

Account WorldState::account(const Address& address) const {
    auto it = accounts_.find(address);
    return it != accounts_.end() ? it->second : Account{};
}

U256 WorldState::storage(const Address& address, const Hash256& slot) const {
    auto it = storage_.find(address);
    if (it == storage_.end()) return U256();
    auto s = it->second.find(slot);
    return s != it->second.end() ? s->second : U256();
}

StateChanges WorldState::apply(const StateChanges& changes) {
    StateChanges undo;
    for (const auto& [address, acc] : changes.accounts) undo.accounts[address] = account(address);
    for (const auto& [key, value] : changes.storage) undo.storage[key] = storage(key.first, key.second);
    for (const auto& [address, acc] : changes.accounts) {
        if (acc == Account{}) accounts_.erase(address);
        else accounts_[address] = acc;
        dirty_.insert(address);
    }
    for (const auto& [key, value] : changes.storage) {
        auto& slots = storage_[key.first];
        const Hash256 hashedSlot = keccak256(view(key.second));
        if (value.isZero()) {
            slots.erase(key.second);
            storageTries_[key.first].erase(view(hashedSlot));
        } else {
            slots[key.second] = value;
            storageTries_[key.first].put(view(hashedSlot), rlp::encodeUint(value));
        }
        if (slots.empty()) storage_.erase(key.first);
        dirty_.insert(key.first);
    }
    return undo;
}

Hash256 WorldState::stateRoot() const {
    static const Hash256 kEmptyCodeHash = keccak256(ByteView{});
    for (const Address& address : dirty_) {
        Hash256 storageRoot = emptyTrieRoot();
        if (auto t = storageTries_.find(address); t != storageTries_.end()) {
            if (t->second.size() == 0) storageTries_.erase(t);
            else storageRoot = t->second.root();
        }
        const Account acc = account(address);
        const Hash256 key = keccak256(view(address));
        if (acc == Account{} && storageRoot == emptyTrieRoot()) {
            accountTrie_.erase(view(key));   // empty accounts are absent (EIP-161)
            continue;
        }
        accountTrie_.put(view(key), rlp::encodeList({rlp::encodeUint(acc.nonce), rlp::encodeUint(acc.balance),
                                                     rlp::encodeBytes(view(storageRoot)), rlp::encodeBytes(view(kEmptyCodeHash))}));
    }
    dirty_.clear();
    return accountTrie_.root();
}

Hash256 slotOf(std::uint64_t position) { return U256(position).toBigEndian(); }

Hash256 mappingSlot(ByteView key32, const Hash256& mappingPosition) {
    std::array<std::uint8_t, 64> buf{};
    std::memcpy(buf.data() + 32 - key32.size(), key32.data(), key32.size());
    std::memcpy(buf.data() + 32, mappingPosition.data(), 32);
    return keccak256(view(buf));
}

Hash256 mappingSlot(const Address& key, const Hash256& mappingPosition) { return mappingSlot(view(key), mappingPosition); }

Hash256 mappingSlot(const U256& key, const Hash256& mappingPosition) {
    const auto be = key.toBigEndian();
    return mappingSlot(view(be), mappingPosition);
}

Hash256 addToSlot(const Hash256& slot, std::uint64_t offset) {
    // Slot arithmetic wraps modulo 2^256, as in the EVM.
    Hash256 out = slot;
    unsigned carry = 0;
    for (int i = 31; i >= 0; --i) {
        const unsigned sum = out[i] + static_cast<unsigned>(offset & 0xff) + carry;
        out[i] = static_cast<std::uint8_t>(sum);
        carry = sum >> 8;
        offset >>= 8;
    }
    return out;
}

}  // namespace swarmergy::ledger
