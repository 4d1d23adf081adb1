// Keccak-256 against published and independently computed vectors, split across every
// block boundary, plus the permutation checked through SHA3-256 (same Keccak-f[1600],
// FIPS 202 padding) against values from Python's hashlib.
#include "ledger/crypto/Keccak.h"
#include "tests/ledger/Check.h"

#include <cstring>

using namespace swarmergy::ledger;

namespace {
std::string hex(const Hash256& h) { return toHex(view(h)); }

Bytes pattern(std::size_t n) {   // byte i = i mod 251, as in the reference script
    Bytes b(n);
    for (std::size_t i = 0; i < n; ++i) b[i] = static_cast<std::uint8_t>(i % 251);
    return b;
}

// SHA3-256 = the same sponge with domain byte 0x06 (FIPS 202, section B.2).
Hash256 sha3_256(ByteView data) {
    std::array<std::uint64_t, 25> s{};
    Bytes padded(data.begin(), data.end());
    padded.push_back(0x06);
    while (padded.size() % 136 != 0) padded.push_back(0);
    padded.back() |= 0x80;
    for (std::size_t off = 0; off < padded.size(); off += 136) {
        for (std::size_t i = 0; i < 17; ++i) {
            std::uint64_t lane = 0;
            for (int b = 7; b >= 0; --b) lane = lane << 8 | padded[off + 8 * i + b];
            s[i] ^= lane;
        }
        keccakF1600(s);
    }
    Hash256 out{};
    for (std::size_t i = 0; i < 32; ++i) out[i] = static_cast<std::uint8_t>(s[i / 8] >> (8 * (i % 8)));
    return out;
}
}  // namespace

int main() {
    // Ethereum's empty-input hash (the keccak of empty code, Yellow Paper) and classic strings.
    CHECK_EQ(hex(keccak256(std::string_view(""))),
             "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    CHECK_EQ(hex(keccak256(std::string_view("abc"))),
             "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
    CHECK_EQ(hex(keccak256(std::string_view("The quick brown fox jumps over the lazy dog"))),
             "0x4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15");
    // ERC-20 selectors and topics of DOMAIN.md are keccak of the signatures.
    CHECK_EQ(hex(keccak256(std::string_view("Transfer(address,address,uint256)"))),
             "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");

    // Multi-block inputs around the 136-byte rate, computed with ethers 6 (noble-hashes).
    const std::pair<std::size_t, const char*> multi[] = {
        {135, "0xcbdfd9dee5faad3818d6b06f95a219fd290b0e1706f6a82e5a595b9ce9faca62"},
        {136, "0x7ce759f1ab7f9ce437719970c26b0a66ff11fe3e38e17df89cf5d29c7d7f807e"},
        {137, "0xac73d4fae68b8453f764007c1a20ce95994187861f0c3227a3a8e99a73a3b1db"},
        {272, "0x8e2476e65823b24d96ebe239f2c1534cdf763e689e2410c3b1cb0c74e6177bfc"},
        {1000, "0xaf692982e84a5a9688359025660a7857cd28ee7c8d867cfa1677baf2e6d1f63b"}};
    for (const auto& [n, expected] : multi) {
        const Bytes data = pattern(n);
        CHECK_EQ(hex(keccak256(view(data))), std::string(expected));
        // Incremental updates in uneven pieces give the same digest.
        for (std::size_t piece : {1u, 7u, 135u, 136u, 200u}) {
            Keccak256 k;
            for (std::size_t off = 0; off < n; off += piece)
                k.update(ByteView(data.data() + off, std::min(piece, n - off)));
            CHECK_EQ(hex(k.finish()), std::string(expected));
        }
    }
    CHECK_EQ(hex(keccak256(std::string_view(std::string(200, 'a')))),
             "0x96ea54061def936c4be90b518992fdc6f12f535068a256229aca54267b4d084d");

    // The permutation through SHA3-256: python3 -c "import hashlib; hashlib.sha3_256(b'').hexdigest()"
    CHECK_EQ(hex(sha3_256({})), "0xa7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a");
    const Bytes p300 = pattern(300);
    CHECK_EQ(hex(sha3_256(view(p300))),  // bytes(i % 251 for i in range(300))
             "0x4be64d77dff18f218eeb40368f86ed78e6d4f2381c71675ab5ada46aa4fee621");
    return swarmergy::ledger_test::testResult("tst_ledger_keccak");
}
