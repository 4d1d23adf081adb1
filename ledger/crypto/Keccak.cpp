#include "ledger/crypto/Keccak.h"

#include <bit>
#include <cstring>

namespace swarmergy::ledger {

namespace {
// Round constants and rotation offsets from the Keccak reference, section 1.2.
constexpr std::uint64_t kRoundConstants[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL,
    0x000000000000808bULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008aULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
    0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL};
// rho offsets r[x + 5y]
constexpr int kRho[25] = {0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43,
                          25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14};

std::uint64_t loadLe64(const std::uint8_t* p) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}
}  // namespace

void keccakF1600(std::array<std::uint64_t, 25>& a) {
    for (std::uint64_t rc : kRoundConstants) {
        // theta
        std::uint64_t c[5], d[5];
        for (int x = 0; x < 5; ++x) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        for (int x = 0; x < 5; ++x) d[x] = c[(x + 4) % 5] ^ std::rotl(c[(x + 1) % 5], 1);
        for (int i = 0; i < 25; ++i) a[i] ^= d[i % 5];
        // rho and pi: B[y, 2x+3y] = rot(A[x, y], r[x, y])
        std::uint64_t b[25];
        for (int x = 0; x < 5; ++x)
            for (int y = 0; y < 5; ++y)
                b[y + 5 * ((2 * x + 3 * y) % 5)] = std::rotl(a[x + 5 * y], kRho[x + 5 * y]);
        // chi
        for (int y = 0; y < 5; ++y)
            for (int x = 0; x < 5; ++x)
                a[x + 5 * y] = b[x + 5 * y] ^ (~b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
        // iota
        a[0] ^= rc;
    }
}

void Keccak256::absorbBlock(const std::uint8_t* block) {
    for (std::size_t i = 0; i < kRateBytes / 8; ++i) state_[i] ^= loadLe64(block + 8 * i);
    keccakF1600(state_);
}

void Keccak256::update(ByteView data) {
    std::size_t pos = 0;
    if (blockFill_ > 0) {
        const std::size_t take = std::min(kRateBytes - blockFill_, data.size());
        std::memcpy(block_.data() + blockFill_, data.data(), take);
        blockFill_ += take;
        pos = take;
        if (blockFill_ < kRateBytes) return;
        absorbBlock(block_.data());
        blockFill_ = 0;
    }
    for (; pos + kRateBytes <= data.size(); pos += kRateBytes) absorbBlock(data.data() + pos);
    blockFill_ = data.size() - pos;
    if (blockFill_ > 0) std::memcpy(block_.data(), data.data() + pos, blockFill_);
}

Hash256 Keccak256::finish() {
    // Keccak pad10*1 with the 0x01 domain byte (pre-FIPS Keccak, as Ethereum uses).
    std::memset(block_.data() + blockFill_, 0, kRateBytes - blockFill_);
    block_[blockFill_] ^= 0x01;
    block_[kRateBytes - 1] ^= 0x80;
    absorbBlock(block_.data());
    Hash256 out{};
    for (std::size_t i = 0; i < 32; ++i) out[i] = static_cast<std::uint8_t>(state_[i / 8] >> (8 * (i % 8)));
    return out;
}

Hash256 keccak256(ByteView data) {
    Keccak256 k;
    k.update(data);
    return k.finish();
}

}  // namespace swarmergy::ledger
