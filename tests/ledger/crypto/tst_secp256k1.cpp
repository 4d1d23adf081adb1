// secp256k1 through libsecp256k1: known key -> address, RFC 6979 signatures equal to an
// independent implementation (ethers 6), recovery, low-s enforcement, EIP-55.
#include "ledger/crypto/Keccak.h"
#include "ledger/crypto/Secp256k1.h"
#include "ledger/crypto/U256.h"
#include "tests/ledger/Check.h"

#include <cstring>

using namespace swarmergy::ledger;

namespace {
const U256 kOrder = U256::fromHexQuantity("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");

Hash256 toHash(const U256& v) { return v.toBigEndian(); }
}  // namespace

int main() {
    // The EIP-155 example key 0x4646...46 and its address (EIP-155 text, checksummed per EIP-55).
    const PrivateKey key = privateKeyFromBytes(view(fromHex("4646464646464646464646464646464646464646464646464646464646464646")));
    CHECK_EQ(toChecksumAddress(addressOf(key)), "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F");

    // RFC 6979 is deterministic: the same (r, s, v) as ethers' signingKey.sign(0x11..11).
    Hash256 digest{};
    digest.fill(0x11);
    const Signature sig = sign(digest, key);
    CHECK_EQ(toHex(view(sig.r)), "0xe3df7a4a2f604890fb8e94a656ebcd1491b9f230816eddc045f9748849e027f6");
    CHECK_EQ(toHex(view(sig.s)), "0x09e1a452b0d558c5f4ecc0baffefd887b5fe217879a73523165795ceeec5198f");
    CHECK_EQ(int(sig.recoveryId), 0);
    CHECK(isLowS(sig.s));
    const auto recovered = recoverAddress(digest, sig);
    CHECK(recovered && *recovered == addressOf(key));

    // The malleable twin (n - s, flipped parity) is a valid ECDSA signature but is refused.
    Signature high = sig;
    high.s = toHash(*checkedSub(kOrder, U256::fromBigEndian(view(sig.s))));
    high.recoveryId ^= 1;
    CHECK(!isLowS(high.s));
    CHECK(!recoverAddress(digest, high));

    // A different digest recovers a different address; s = 0, r >= n and v = 2 are refused.
    Hash256 other = digest;
    other[0] ^= 1;
    const auto wrong = recoverAddress(other, sig);
    CHECK(!wrong || *wrong != addressOf(key));
    Signature zeroS = sig;
    zeroS.s.fill(0);
    CHECK(!recoverAddress(digest, zeroS));
    Signature bigR = sig;
    bigR.r = toHash(kOrder);
    CHECK(!recoverAddress(digest, bigR));
    Signature badV = sig;
    badV.recoveryId = 2;
    CHECK(!recoverAddress(digest, badV));

    // Fresh keys from getrandom: distinct, and every signature recovers its signer, low-s.
    for (int i = 0; i < 50; ++i) {
        const PrivateKey k = generatePrivateKey();
        CHECK(std::memcmp(k.bytes.data(), key.bytes.data(), 32) != 0);
        Hash256 d = keccak256(view(k.bytes));
        const Signature s = sign(d, k);
        CHECK(isLowS(s.s));
        const auto who = recoverAddress(d, s);
        CHECK(who && *who == addressOf(k));
        CHECK(Signature::fromBytes65(view(s.toBytes65())).s == s.s);
    }
    CHECK_THROWS(DecodeError, privateKeyFromBytes(view(Bytes(32, 0))));
    CHECK_THROWS(DecodeError, privateKeyFromBytes(view(kOrder.toBigEndian())));

    // EIP-55: the examples of the EIP text round-trip, and a flipped case is refused.
    for (const char* a : {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                          "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"}) {
        CHECK_EQ(toChecksumAddress(parseAddress(a)), std::string(a));
        std::string lower = a;
        for (auto& c : lower) c = static_cast<char>(std::tolower(c));
        CHECK_EQ(toChecksumAddress(parseAddress(lower)), std::string(a));
    }
    CHECK_THROWS(DecodeError, parseAddress("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
    CHECK_THROWS(DecodeError, parseAddress("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA"));
    CHECK_THROWS(DecodeError, parseAddress("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeZ"));
    return swarmergy::ledger_test::testResult("tst_ledger_secp256k1");
}
