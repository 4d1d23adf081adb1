#pragma once
// Root hash of a Merkle Patricia Trie (Ethereum Yellow Paper, appendix D) built from a
// complete key -> value set: leaf, extension and branch nodes with hex-prefix paths, nodes
// shorter than 32 bytes embedded in their parent, the root always hashed. The empty trie's
// root is keccak256(rlp("")) = 0x56e81f17...b421. Used for transactionsRoot, receiptsRoot
// (keys rlp(index)) and the state root (secure trie: keys keccak256(address or slot)).
// The trie is rebuilt from the sorted set every time (no node database): O(n) hashes.
#include "ledger/crypto/Bytes.h"

#include <map>

namespace swarmergy::ledger {

// Bytewise key order. A plain loop rather than std::less<std::vector>: GCC 12 at -O3 misreads
// the latter's memcmp bound (-Wstringop-overread false positive).
struct BytesLess {
    bool operator()(const Bytes& a, const Bytes& b) const {
        const std::size_t n = a.size() < b.size() ? a.size() : b.size();
        for (std::size_t i = 0; i < n; ++i)
            if (a[i] != b[i]) return a[i] < b[i];
        return a.size() < b.size();
    }
};
using TrieEntries = std::map<Bytes, Bytes, BytesLess>;

Hash256 emptyTrieRoot();
// Keys must be distinct; values must be non-empty (an empty value means "absent").
Hash256 trieRoot(const TrieEntries& entries);
// The ordered-list trie of transactions and receipts: key rlp(i), value item i.
Hash256 orderedTrieRoot(const std::vector<Bytes>& items);

}  // namespace swarmergy::ledger
