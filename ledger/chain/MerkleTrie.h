#pragma once
// An in-memory Merkle Patricia Trie with cached subtree references, for state roots that cost
// O(changed keys) rather than O(state) per block. The trie is the same as trieRoot() builds
// (Yellow Paper appendix D) — tests cross-check the two on random updates.
//
// How the cache works: the entries under a nibble prefix P form exactly one subtree (a leaf,
// an extension or a branch whose path starts at P), so the reference of the node at P (its
// RLP if < 32 bytes, else its hash) is a function of those entries alone. It is cached by P
// and dropped for every prefix of a key that changes; child ranges are found with ordered-map
// bounds, so recomputing a root visits only the changed paths.
#include "ledger/crypto/Bytes.h"

#include <map>
#include <string>
#include <unordered_map>

namespace swarmergy::ledger {

class MerkleTrie {
public:
    // An empty value erases the key (absent and empty are the same in a trie).
    void put(ByteView key, Bytes value);
    void erase(ByteView key);
    Hash256 root() const;
    std::size_t size() const { return entries_.size(); }

private:
    std::map<std::string, Bytes> entries_;   // key as nibbles (one char per nibble)
    mutable std::unordered_map<std::string, Bytes> refs_;   // nibble prefix -> child reference
    void invalidate(const std::string& nibbles);
    Bytes reference(const std::string& prefix) const;       // of the node holding the entries under prefix
    Bytes encodeNode(const std::string& prefix) const;
};

}  // namespace swarmergy::ledger
