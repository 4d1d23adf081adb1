#include "ledger/chain/Trie.h"

#include "ledger/chain/Rlp.h"
#include "ledger/crypto/Keccak.h"

#include <stdexcept>

namespace swarmergy::ledger {

namespace {

struct Entry {
    Bytes nibbles;
    const Bytes* value;
};
using Range = std::vector<Entry>::const_iterator;

// Hex-prefix encoding (Yellow Paper, appendix C): flag 2 for leaves, +1 for odd length.
Bytes hexPrefix(const Bytes& nibbles, std::size_t from, std::size_t to, bool leaf) {
    const std::size_t n = to - from;
    Bytes out;
    const std::uint8_t flag = static_cast<std::uint8_t>((leaf ? 2 : 0) + (n % 2));
    std::size_t i = from;
    if (n % 2 == 1) out.push_back(static_cast<std::uint8_t>(flag << 4 | nibbles[i++]));
    else out.push_back(static_cast<std::uint8_t>(flag << 4));
    for (; i < to; i += 2) out.push_back(static_cast<std::uint8_t>(nibbles[i] << 4 | nibbles[i + 1]));
    return out;
}

Bytes encodeNode(Range first, Range last, std::size_t depth);

// A child reference: the node itself when its encoding is shorter than 32 bytes, else its hash.
Bytes childReference(Range first, Range last, std::size_t depth) {
    if (first == last) return rlp::encodeBytes({});
    Bytes node = encodeNode(first, last, depth);
    if (node.size() < 32) return node;
    const Hash256 h = keccak256(view(node));
    return rlp::encodeBytes(view(h));
}

std::size_t commonPrefix(const Entry& a, const Entry& b, std::size_t depth) {
    std::size_t n = depth;
    while (n < a.nibbles.size() && n < b.nibbles.size() && a.nibbles[n] == b.nibbles[n]) ++n;
    return n - depth;
}

Bytes encodeNode(Range first, Range last, std::size_t depth) {
    if (last - first == 1) {
        return rlp::encodeList({rlp::encodeBytes(view(hexPrefix(first->nibbles, depth, first->nibbles.size(), true))),
                                rlp::encodeBytes(view(*first->value))});
    }
    // Sorted keys: the prefix common to all is the one shared by the first and the last.
    const std::size_t shared = commonPrefix(*first, *(last - 1), depth);
    if (shared > 0) {
        return rlp::encodeList({rlp::encodeBytes(view(hexPrefix(first->nibbles, depth, depth + shared, false))),
                                childReference(first, last, depth + shared)});
    }
    std::vector<Bytes> branch;
    branch.reserve(17);
    Range it = first;
    Bytes valueHere = rlp::encodeBytes({});
    if (it->nibbles.size() == depth) valueHere = rlp::encodeBytes(view(*(it++)->value));
    for (std::uint8_t nibble = 0; nibble < 16; ++nibble) {
        Range end = it;
        while (end != last && end->nibbles[depth] == nibble) ++end;
        branch.push_back(childReference(it, end, depth + 1));
        it = end;
    }
    branch.push_back(valueHere);
    return rlp::encodeList(branch);
}

}  // namespace

Hash256 emptyTrieRoot() { return keccak256(view(rlp::encodeBytes({}))); }

Hash256 trieRoot(const TrieEntries& entries) {
    if (entries.empty()) return emptyTrieRoot();
    std::vector<Entry> sorted;
    sorted.reserve(entries.size());
    for (const auto& [key, value] : entries) {
        if (value.empty()) throw std::invalid_argument("trie: empty value (absent keys are not stored)");
        Entry e{Bytes(key.size() * 2), &value};
        for (std::size_t i = 0; i < key.size(); ++i) {
            e.nibbles[2 * i] = key[i] >> 4;
            e.nibbles[2 * i + 1] = key[i] & 0x0f;
        }
        sorted.push_back(std::move(e));
    }
    // std::map orders keys bytewise, which is also the nibble order.
    const Bytes root = encodeNode(sorted.cbegin(), sorted.cend(), 0);
    return keccak256(view(root));
}

Hash256 orderedTrieRoot(const std::vector<Bytes>& items) {
    TrieEntries entries;
    for (std::size_t i = 0; i < items.size(); ++i) entries.emplace(rlp::encodeUint(static_cast<std::uint64_t>(i)), items[i]);
    return trieRoot(entries);
}

}  // namespace swarmergy::ledger
