#include "ledger/chain/MerkleTrie.h"

#include "ledger/chain/Rlp.h"
#include "ledger/crypto/Keccak.h"

namespace swarmergy::ledger {

namespace {

std::string toNibbles(ByteView key) {
    std::string n(key.size() * 2, '\0');
    for (std::size_t i = 0; i < key.size(); ++i) {
        n[2 * i] = static_cast<char>(key[i] >> 4);
        n[2 * i + 1] = static_cast<char>(key[i] & 0x0f);
    }
    return n;
}

bool startsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// Hex-prefix encoding (Yellow Paper, appendix C).
Bytes hexPrefix(const std::string& nibbles, std::size_t from, std::size_t to, bool leaf) {
    const std::size_t n = to - from;
    Bytes out;
    const auto flag = static_cast<std::uint8_t>((leaf ? 2 : 0) + (n % 2));
    std::size_t i = from;
    if (n % 2 == 1) out.push_back(static_cast<std::uint8_t>(flag << 4 | nibbles[i++]));
    else out.push_back(static_cast<std::uint8_t>(flag << 4));
    for (; i < to; i += 2) out.push_back(static_cast<std::uint8_t>(nibbles[i] << 4 | nibbles[i + 1]));
    return out;
}

}  // namespace

void MerkleTrie::invalidate(const std::string& nibbles) {
    for (std::size_t len = 0; len <= nibbles.size(); ++len) refs_.erase(nibbles.substr(0, len));
}

void MerkleTrie::put(ByteView key, Bytes value) {
    if (value.empty()) return erase(key);
    std::string nibbles = toNibbles(key);
    invalidate(nibbles);
    entries_[std::move(nibbles)] = std::move(value);
}

void MerkleTrie::erase(ByteView key) {
    const std::string nibbles = toNibbles(key);
    if (entries_.erase(nibbles) > 0) invalidate(nibbles);
}

Bytes MerkleTrie::reference(const std::string& prefix) const {
    if (auto it = refs_.find(prefix); it != refs_.end()) return it->second;
    Bytes node = encodeNode(prefix);
    Bytes ref = node.size() < 32 ? node : rlp::encodeBytes(view(keccak256(view(node))));
    refs_.emplace(prefix, ref);
    return ref;
}

// The node for the (non-empty) set of entries whose keys start with `prefix`, at depth |prefix|.
Bytes MerkleTrie::encodeNode(const std::string& prefix) const {
    const auto first = entries_.lower_bound(prefix);
    auto last = first;   // the last entry under prefix
    {
        std::string upper = prefix;
        upper.push_back(static_cast<char>(16));   // sorts after every nibble
        auto end = entries_.lower_bound(upper);
        last = std::prev(end);
    }
    const std::size_t depth = prefix.size();
    if (first == last)
        return rlp::encodeList({rlp::encodeBytes(view(hexPrefix(first->first, depth, first->first.size(), true))),
                                rlp::encodeBytes(view(first->second))});
    // Sorted keys: the prefix shared by all is the one shared by the first and the last.
    std::size_t shared = 0;
    const std::string& a = first->first;
    const std::string& b = last->first;
    while (depth + shared < a.size() && depth + shared < b.size() && a[depth + shared] == b[depth + shared]) ++shared;
    if (shared > 0)
        return rlp::encodeList({rlp::encodeBytes(view(hexPrefix(a, depth, depth + shared, false))),
                                reference(a.substr(0, depth + shared))});
    std::vector<Bytes> branch;
    branch.reserve(17);
    Bytes valueHere = rlp::encodeBytes({});
    if (a.size() == depth) valueHere = rlp::encodeBytes(view(first->second));
    for (char nibble = 0; nibble < 16; ++nibble) {
        std::string child = prefix;
        child.push_back(nibble);
        auto it = entries_.lower_bound(child);
        branch.push_back(it != entries_.end() && startsWith(it->first, child) ? reference(child) : rlp::encodeBytes({}));
    }
    branch.push_back(valueHere);
    return rlp::encodeList(branch);
}

Hash256 MerkleTrie::root() const {
    if (entries_.empty()) return keccak256(view(rlp::encodeBytes({})));
    // The root is always hashed, even when its encoding is shorter than 32 bytes.
    return keccak256(view(encodeNode(std::string())));
}

}  // namespace swarmergy::ledger
