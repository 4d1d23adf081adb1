// RLP: the encodings of the Yellow Paper / ethereum/tests RLPTests, and strict refusal of
// every non-canonical or truncated form.
#include "ledger/chain/Rlp.h"
#include "tests/ledger/Check.h"

using namespace swarmergy::ledger;

namespace {
std::string enc(const Bytes& b) { return toHex(view(b)); }
Bytes str(std::string_view s) { return Bytes(s.begin(), s.end()); }

bool refused(const char* hex, const char* expectWords) {
    std::string message;
    const Bytes input = fromHex(hex);
    const bool threw = swarmergy::ledger_test::throwsA<DecodeError>([&] {
        auto item = rlp::decode(view(input));
        // Walk nested lists and integers the way transaction decoding does.
        std::function<void(const rlp::Item&)> walk = [&](const rlp::Item& it) {
            if (it.isList) for (const auto& c : rlp::listItems(it)) walk(c);
            else (void)rlp::toUint(it, "value");
        };
        walk(item);
    }, &message);
    if (!threw) std::printf("  %s was accepted\n", hex);
    else if (message.find(expectWords) == std::string::npos) {
        std::printf("  %s: message \"%s\" lacks \"%s\"\n", hex, message.c_str(), expectWords);
        return false;
    }
    return threw;
}
}  // namespace

int main() {
    CHECK_EQ(enc(rlp::encodeBytes(view(str("dog")))), "0x83646f67");
    CHECK_EQ(enc(rlp::encodeList({rlp::encodeBytes(view(str("cat"))), rlp::encodeBytes(view(str("dog")))})),
             "0xc88363617483646f67");
    CHECK_EQ(enc(rlp::encodeBytes({})), "0x80");
    CHECK_EQ(enc(rlp::encodeList({})), "0xc0");
    CHECK_EQ(enc(rlp::encodeUint(std::uint64_t{0})), "0x80");
    CHECK_EQ(enc(rlp::encodeUint(std::uint64_t{15})), "0x0f");
    CHECK_EQ(enc(rlp::encodeUint(std::uint64_t{1024})), "0x820400");
    CHECK_EQ(enc(rlp::encodeBytes(Bytes{0x80})), "0x8180");
    // The set-theoretic representation of three: [ [], [[]], [ [], [[]] ] ].
    const Bytes e = rlp::encodeList({}), one = rlp::encodeList({e});
    CHECK_EQ(enc(rlp::encodeList({e, one, rlp::encodeList({e, one})})), "0xc7c0c1c0c3c0c1c0");
    // 56 bytes switch to the long form.
    const std::string lorem = "Lorem ipsum dolor sit amet, consectetur adipisicing elit";
    CHECK_EQ(enc(rlp::encodeBytes(view(str(lorem)))).substr(0, 8), "0xb8384c");
    CHECK_EQ(rlp::encodeBytes(view(Bytes(1024, 7))).size(), std::size_t{1027});

    // Round trip of nested content.
    const Bytes nested = rlp::encodeList({rlp::encodeBytes(view(str(lorem))), rlp::encodeUint(U256::max()), rlp::encodeList({e})});
    const auto items = rlp::listOf(rlp::decode(view(nested)), 3, "test");
    CHECK(rlp::toBytes(items[0], "a") == str(lorem));
    CHECK(rlp::toUint(items[1], "b") == U256::max());
    CHECK(items[2].isList && rlp::listItems(items[2]).size() == 1);
    CHECK_EQ(items[1].offset, std::size_t{2 + 2 + 56});   // list header 2, string header 2, payload 56

    // Strictness: each of these is refused with a message saying why.
    CHECK(refused("0x8105", "single byte"));            // 0x05 must be encoded as itself
    CHECK(refused("0xb80161", "long form"));            // 1-byte string in long form
    CHECK(refused("0xb900380000", "leading zero"));     // length prefix 0x0038 with a leading zero
    CHECK(refused("0xf80100", "long form"));            // short list in long form
    CHECK(refused("0x83646f", "runs past"));            // truncated string
    CHECK(refused("0xc883636174", "runs past"));        // truncated list
    CHECK(refused("0x83646f6700", "trailing"));         // trailing byte
    CHECK(refused("0x820004", "leading zero"));         // integer 4 with a leading zero byte
    CHECK(refused("0x", "end of input"));
    CHECK(refused("0xbf", "truncated"));
    CHECK(refused("0xbf0000000000000001", "leading zero"));
    CHECK(refused("0xbb7fffffff", "runs past"));        // huge length, no payload
    CHECK(refused("0xa1" "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021", "longer than 32"));
    CHECK_THROWS(DecodeError, rlp::listOf(rlp::decode(view(nested)), 2, "test"));
    CHECK_THROWS(DecodeError, rlp::toAddress(rlp::decode(view(rlp::encodeBytes(view(Bytes(19, 1))))), "to"));
    return swarmergy::ledger_test::testResult("tst_ledger_rlp");
}
