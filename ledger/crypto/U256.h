#pragma once
// 256-bit unsigned integer for balances, values and gas prices (Ethereum quantities).
// Arithmetic that can overflow is only offered checked: checkedAdd/checkedSub/checkedMul
// return std::nullopt instead of wrapping, so a balance can never silently wrap.
#include "ledger/crypto/Bytes.h"

#include <compare>
#include <optional>

namespace swarmergy::ledger {

class U256 {
public:
    constexpr U256() = default;
    constexpr U256(std::uint64_t v) : limbs_{v, 0, 0, 0} {}   // NOLINT: implicit from small ints

    static U256 fromLimbs(std::array<std::uint64_t, 4> littleEndianLimbs);
    // Big-endian bytes, at most 32 (leading zeros allowed); throws DecodeError if longer.
    static U256 fromBigEndian(ByteView bytes);
    // Decimal digits only; throws DecodeError on anything else or overflow.
    static U256 fromDecimal(std::string_view digits);
    // "0x" quantity (as JSON-RPC writes them); throws DecodeError.
    static U256 fromHexQuantity(std::string_view hex);
    static U256 max();

    std::array<std::uint8_t, 32> toBigEndian() const;
    Bytes toMinimalBigEndian() const;   // no leading zeros; zero gives an empty vector
    std::string toDecimal() const;
    std::string toHexQuantity() const;  // "0x0", "0x1a", ...
    bool isZero() const { return (limbs_[0] | limbs_[1] | limbs_[2] | limbs_[3]) == 0; }
    bool fitsUint64() const { return (limbs_[1] | limbs_[2] | limbs_[3]) == 0; }
    std::uint64_t low64() const { return limbs_[0]; }
    unsigned bitLength() const;
    const std::array<std::uint64_t, 4>& limbs() const { return limbs_; }

    // Two's complement view, for ABI int256.
    bool isNegativeTwos() const { return (limbs_[3] >> 63) != 0; }
    U256 negateTwos() const;   // 0 - x modulo 2^256

    friend bool operator==(const U256&, const U256&) = default;
    friend std::strong_ordering operator<=>(const U256& a, const U256& b);

    // Bit operations (bit 0 = least significant); shifts drop bits shifted past 255.
    U256 shiftedLeft(unsigned bits) const;
    bool testBit(unsigned bit) const { return bit < 256 && ((limbs_[bit / 64] >> (bit % 64)) & 1) != 0; }
    U256 withBit(unsigned bit) const;

    // Division by a small divisor; returns the quotient and sets remainder.
    U256 divSmall(std::uint64_t divisor, std::uint64_t& remainder) const;

private:
    std::array<std::uint64_t, 4> limbs_{};   // little-endian limbs
};

std::optional<U256> checkedAdd(const U256& a, const U256& b);
std::optional<U256> checkedSub(const U256& a, const U256& b);
std::optional<U256> checkedMul(const U256& a, const U256& b);

}  // namespace swarmergy::ledger
