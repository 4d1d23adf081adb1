// Merkle Patricia Trie roots against ethereum/tests TrieTests and go-ethereum's TestInsert.
#include "ledger/chain/Trie.h"
#include "ledger/chain/MerkleTrie.h"

#include <random>
#include "ledger/chain/Rlp.h"
#include "tests/ledger/Check.h"

using namespace swarmergy::ledger;

namespace {
Bytes str(std::string_view s) { return Bytes(s.begin(), s.end()); }
std::string root(std::initializer_list<std::pair<const char*, const char*>> kv) {
    TrieEntries m;
    for (auto [k, v] : kv) m[str(k)] = str(v);
    return toHex(view(trieRoot(m)));
}
}  // namespace

int main() {
    CHECK_EQ(toHex(view(emptyTrieRoot())), "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
    CHECK_EQ(root({{"doe", "reindeer"}, {"dog", "puppy"}, {"dogglesworth", "cat"}}),
             "0x8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3");
    CHECK_EQ(root({{"A", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}}),
             "0xd23786fb4a010da3ce639d66d5e904a11dbc02746d1ce25029e53290cabf28ab");
    CHECK_EQ(root({{"do", "verb"}, {"horse", "stallion"}, {"doge", "coin"}, {"dog", "puppy"}}),
             "0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84");
    CHECK_EQ(root({{"foo", "bar"}, {"food", "bass"}}),
             "0x17beaa1648bafa633cda809c90c04af50fc8aed3cb40d16efbddee6fdf63c4c3");
    // A different value changes the root; an empty list of items is the empty root.
    CHECK(root({{"foo", "bar"}, {"food", "bas"}}) != root({{"foo", "bar"}, {"food", "bass"}}));
    CHECK(orderedTrieRoot({}) == emptyTrieRoot());
    CHECK_THROWS(std::invalid_argument, trieRoot({{str("k"), Bytes{}}}));

    // The incremental MerkleTrie equals a full rebuild after every batch of random puts,
    // overwrites and erases (short keys force shared prefixes, extensions and branch values).
    std::mt19937 rng(1234);
    MerkleTrie incremental;
    TrieEntries reference;
    CHECK(incremental.root() == emptyTrieRoot());
    for (int batch = 0; batch < 60; ++batch) {
        for (int op = 0; op < 25; ++op) {
            Bytes key(1 + rng() % 4);
            for (auto& b : key) b = static_cast<std::uint8_t>(rng() % 6 * 0x11);
            if (rng() % 4 == 0) {
                incremental.erase(view(key));
                reference.erase(key);
            } else {
                Bytes value(1 + rng() % 40, static_cast<std::uint8_t>(rng()));
                incremental.put(view(key), value);
                reference[key] = value;
            }
        }
        if (incremental.root() != trieRoot(reference)) {
            std::printf("FAIL incremental root differs after batch %d (%zu keys)\n", batch, reference.size());
            ++swarmergy::ledger_test::failures;
            break;
        }
    }
    CHECK(incremental.size() == reference.size());
    MerkleTrie dogs;
    dogs.put(view(str("doe")), str("reindeer"));
    dogs.put(view(str("dog")), str("puppy"));
    dogs.put(view(str("dogglesworth")), str("cat"));
    CHECK_EQ(toHex(view(dogs.root())), "0x8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3");
    dogs.erase(view(str("dogglesworth")));
    dogs.put(view(str("dogglesworth")), str("cat"));
    CHECK_EQ(toHex(view(dogs.root())), "0x8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3");
    return swarmergy::ledger_test::testResult("tst_ledger_trie");
}
