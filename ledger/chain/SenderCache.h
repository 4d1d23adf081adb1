#pragma once
// A bounded, thread-safe map from transaction hash to its recovered sender, so a transaction
// already admitted to the pool (or already decoded in a block) is not recovered again when
// it arrives inside a block from a peer, is relayed, read back from the store or re-pooled
// after a reorganisation. Recovery is ~60 % of the cost of a transfer.
//
// Why it is safe: the hash is keccak256 of the complete signed encoding (signature
// included), and an entry is only written after the sender was recovered from exactly
// those bytes. Same hash => same bytes (Keccak collision resistance) => same sender. A
// transaction never seen before (any byte changed, e.g. a forged signature) has another
// hash and is recovered and checked as usual.
//
// Bounded with two generations: when the current one holds capacity/2 entries it becomes
// the previous one (the older previous is dropped), so memory stays O(capacity) and recent
// entries survive.
#include "ledger/crypto/Bytes.h"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace swarmergy::ledger {

class SenderCache {
public:
    explicit SenderCache(std::size_t capacity = 262'144) : half_(std::max<std::size_t>(1, capacity / 2)) {}

    std::optional<Address> find(const Hash256& txHash) const;
    void insert(const Hash256& txHash, const Address& sender);
    std::size_t size() const;

private:
    struct HashOfHash {
        std::size_t operator()(const Hash256& h) const {
            std::size_t v;
            std::memcpy(&v, h.data(), sizeof v);   // already uniformly distributed
            return v;
        }
    };
    using Map = std::unordered_map<Hash256, Address, HashOfHash>;
    std::size_t half_;
    mutable std::mutex mutex_;
    Map current_, previous_;
};

}  // namespace swarmergy::ledger
