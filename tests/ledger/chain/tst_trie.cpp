// Merkle Patricia Trie roots against ethereum/tests TrieTests and go-ethereum's TestInsert.
#include "ledger/chain/Trie.h"
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
    return swarmergy::ledger_test::testResult("tst_ledger_trie");
}
