#include "ledger/crypto/U256.h"

#include <algorithm>

namespace swarmergy::ledger {

U256 U256::fromLimbs(std::array<std::uint64_t, 4> l) {
    U256 v;
    v.limbs_ = l;
    return v;
}

U256 U256::max() { return fromLimbs({~0ULL, ~0ULL, ~0ULL, ~0ULL}); }

U256 U256::fromBigEndian(ByteView bytes) {
    if (bytes.size() > 32)
        throw DecodeError("uint256: " + std::to_string(bytes.size()) + " bytes is more than 32");
    U256 v;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const std::size_t bit = 8 * (bytes.size() - 1 - i);
        v.limbs_[bit / 64] |= static_cast<std::uint64_t>(bytes[i]) << (bit % 64);
    }
    return v;
}

U256 U256::fromDecimal(std::string_view digits) {
    if (digits.empty()) throw DecodeError("uint256: empty decimal string");
    U256 v;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        const char c = digits[i];
        if (c < '0' || c > '9') throw DecodeError("uint256: invalid decimal digit at position " + std::to_string(i));
        auto next = checkedMul(v, U256(10));
        if (next) next = checkedAdd(*next, U256(static_cast<std::uint64_t>(c - '0')));
        if (!next) throw DecodeError("uint256: decimal value overflows 256 bits");
        v = *next;
    }
    return v;
}

U256 U256::fromHexQuantity(std::string_view hex) {
    if (hex.size() < 3 || hex[0] != '0' || (hex[1] != 'x' && hex[1] != 'X'))
        throw DecodeError("quantity: expected 0x followed by hex digits");
    hex.remove_prefix(2);
    if (hex.size() > 64) throw DecodeError("quantity: more than 256 bits");
    std::string padded(hex.size() % 2, '0');
    padded += hex;
    return fromBigEndian(view(fromHex(padded)));
}

std::array<std::uint8_t, 32> U256::toBigEndian() const {
    std::array<std::uint8_t, 32> out{};
    for (std::size_t i = 0; i < 32; ++i) {
        const std::size_t bit = 8 * (31 - i);
        out[i] = static_cast<std::uint8_t>(limbs_[bit / 64] >> (bit % 64));
    }
    return out;
}

Bytes U256::toMinimalBigEndian() const {
    const auto be = toBigEndian();
    auto first = std::find_if(be.begin(), be.end(), [](std::uint8_t b) { return b != 0; });
    return Bytes(first, be.end());
}

unsigned U256::bitLength() const {
    for (int i = 3; i >= 0; --i)
        if (limbs_[i] != 0) return static_cast<unsigned>(64 * i + 64 - __builtin_clzll(limbs_[i]));
    return 0;
}

U256 U256::negateTwos() const {
    U256 inv = fromLimbs({~limbs_[0], ~limbs_[1], ~limbs_[2], ~limbs_[3]});
    // ~x + 1 modulo 2^256
    for (auto& limb : inv.limbs_)
        if (++limb != 0) break;
    return inv;
}

std::strong_ordering operator<=>(const U256& a, const U256& b) {
    for (int i = 3; i >= 0; --i)
        if (a.limbs_[i] != b.limbs_[i]) return a.limbs_[i] <=> b.limbs_[i];
    return std::strong_ordering::equal;
}

U256 U256::shiftedLeft(unsigned bits) const {
    if (bits >= 256) return U256();
    U256 out;
    const unsigned limbShift = bits / 64, bitShift = bits % 64;
    for (int i = 3; i >= static_cast<int>(limbShift); --i) {
        const int from = i - static_cast<int>(limbShift);
        std::uint64_t v = limbs_[from] << bitShift;
        if (bitShift != 0 && from > 0) v |= limbs_[from - 1] >> (64 - bitShift);
        out.limbs_[i] = v;
    }
    return out;
}

U256 U256::withBit(unsigned bit) const {
    U256 out = *this;
    if (bit < 256) out.limbs_[bit / 64] |= 1ULL << (bit % 64);
    return out;
}

U256 U256::divSmall(std::uint64_t divisor, std::uint64_t& remainder) const {
    U256 q;
    unsigned __int128 rem = 0;
    for (int i = 3; i >= 0; --i) {
        const unsigned __int128 cur = (rem << 64) | limbs_[i];
        q.limbs_[i] = static_cast<std::uint64_t>(cur / divisor);
        rem = cur % divisor;
    }
    remainder = static_cast<std::uint64_t>(rem);
    return q;
}

std::string U256::toDecimal() const {
    if (isZero()) return "0";
    std::string out;
    U256 v = *this;
    while (!v.isZero()) {
        std::uint64_t r = 0;
        v = v.divSmall(10, r);
        out.push_back(static_cast<char>('0' + r));
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::string U256::toHexQuantity() const {
    std::string hex = toHex(view(toMinimalBigEndian())).substr(2);
    if (hex.empty()) return "0x0";
    if (hex[0] == '0') hex.erase(0, 1);
    return "0x" + hex;
}

std::optional<U256> checkedAdd(const U256& a, const U256& b) {
    std::array<std::uint64_t, 4> r{};
    unsigned __int128 carry = 0;
    for (int i = 0; i < 4; ++i) {
        const unsigned __int128 s = static_cast<unsigned __int128>(a.limbs()[i]) + b.limbs()[i] + carry;
        r[i] = static_cast<std::uint64_t>(s);
        carry = s >> 64;
    }
    if (carry != 0) return std::nullopt;
    return U256::fromLimbs(r);
}

std::optional<U256> checkedSub(const U256& a, const U256& b) {
    if (a < b) return std::nullopt;
    std::array<std::uint64_t, 4> r{};
    std::uint64_t borrow = 0;
    for (int i = 0; i < 4; ++i) {
        const std::uint64_t ai = a.limbs()[i], bi = b.limbs()[i];
        r[i] = ai - bi - borrow;
        borrow = (ai < bi || (ai == bi && borrow)) ? 1 : 0;
    }
    return U256::fromLimbs(r);
}

std::optional<U256> checkedMul(const U256& a, const U256& b) {
    // Schoolbook on 64-bit limbs into 8 limbs; any non-zero high limb is an overflow.
    std::array<std::uint64_t, 8> r{};
    for (int i = 0; i < 4; ++i) {
        unsigned __int128 carry = 0;
        for (int j = 0; j < 4; ++j) {
            const unsigned __int128 cur =
                static_cast<unsigned __int128>(a.limbs()[i]) * b.limbs()[j] + r[i + j] + carry;
            r[i + j] = static_cast<std::uint64_t>(cur);
            carry = cur >> 64;
        }
        r[i + 4] = static_cast<std::uint64_t>(carry);
    }
    if ((r[4] | r[5] | r[6] | r[7]) != 0) return std::nullopt;
    return U256::fromLimbs({r[0], r[1], r[2], r[3]});
}

}  // namespace swarmergy::ledger
