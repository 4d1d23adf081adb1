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

void keccakF1600(std::array<std::uint64_t, 25>& state) {
    // Straight-line rounds over local lanes (no modulo in the loops): the compiler keeps the
    // 25 lanes in registers where it can. Lane a[x + 5y]; rho offsets and pi positions are
    // the Keccak reference's, written out.
    std::uint64_t a[25];
    for (int i = 0; i < 25; ++i) a[i] = state[i];
    for (std::uint64_t rc : kRoundConstants) {
        const std::uint64_t c0 = a[0] ^ a[5] ^ a[10] ^ a[15] ^ a[20];
        const std::uint64_t c1 = a[1] ^ a[6] ^ a[11] ^ a[16] ^ a[21];
        const std::uint64_t c2 = a[2] ^ a[7] ^ a[12] ^ a[17] ^ a[22];
        const std::uint64_t c3 = a[3] ^ a[8] ^ a[13] ^ a[18] ^ a[23];
        const std::uint64_t c4 = a[4] ^ a[9] ^ a[14] ^ a[19] ^ a[24];
        const std::uint64_t d[5] = {c4 ^ std::rotl(c1, 1), c0 ^ std::rotl(c2, 1), c1 ^ std::rotl(c3, 1),
                                    c2 ^ std::rotl(c4, 1), c3 ^ std::rotl(c0, 1)};
        std::uint64_t b[25];
#define SWARMERGY_RHO_PI(x, y) b[(y) + 5 * ((2 * (x) + 3 * (y)) % 5)] = std::rotl(a[(x) + 5 * (y)] ^ d[x], kRho[(x) + 5 * (y)])
        SWARMERGY_RHO_PI(0, 0); SWARMERGY_RHO_PI(1, 0); SWARMERGY_RHO_PI(2, 0); SWARMERGY_RHO_PI(3, 0); SWARMERGY_RHO_PI(4, 0);
        SWARMERGY_RHO_PI(0, 1); SWARMERGY_RHO_PI(1, 1); SWARMERGY_RHO_PI(2, 1); SWARMERGY_RHO_PI(3, 1); SWARMERGY_RHO_PI(4, 1);
        SWARMERGY_RHO_PI(0, 2); SWARMERGY_RHO_PI(1, 2); SWARMERGY_RHO_PI(2, 2); SWARMERGY_RHO_PI(3, 2); SWARMERGY_RHO_PI(4, 2);
        SWARMERGY_RHO_PI(0, 3); SWARMERGY_RHO_PI(1, 3); SWARMERGY_RHO_PI(2, 3); SWARMERGY_RHO_PI(3, 3); SWARMERGY_RHO_PI(4, 3);
        SWARMERGY_RHO_PI(0, 4); SWARMERGY_RHO_PI(1, 4); SWARMERGY_RHO_PI(2, 4); SWARMERGY_RHO_PI(3, 4); SWARMERGY_RHO_PI(4, 4);
#undef SWARMERGY_RHO_PI
        for (int y = 0; y < 25; y += 5) {
            const std::uint64_t b0 = b[y], b1 = b[y + 1], b2 = b[y + 2], b3 = b[y + 3], b4 = b[y + 4];
            a[y] = b0 ^ (~b1 & b2);
            a[y + 1] = b1 ^ (~b2 & b3);
            a[y + 2] = b2 ^ (~b3 & b4);
            a[y + 3] = b3 ^ (~b4 & b0);
            a[y + 4] = b4 ^ (~b0 & b1);
        }
        a[0] ^= rc;
    }
    for (int i = 0; i < 25; ++i) state[i] = a[i];
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
