#pragma once
// Byte containers and hex helpers shared by every ledger module.
#include <array>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace swarmergy::ledger {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;
using Hash256 = std::array<std::uint8_t, 32>;
using Address = std::array<std::uint8_t, 20>;

// Thrown for malformed hex, RLP, transactions, ABI data: the message says what and where.
class DecodeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// "0x" + lowercase hex. An empty input gives "0x".
std::string toHex(ByteView bytes);
// Accepts an optional "0x"/"0X" prefix and an even number of hex digits; throws DecodeError.
Bytes fromHex(std::string_view hex);
// Exactly N bytes, or DecodeError naming the expected length.
Hash256 hashFromHex(std::string_view hex);

inline ByteView view(const Bytes& b) { return {b.data(), b.size()}; }
template <std::size_t N>
ByteView view(const std::array<std::uint8_t, N>& a) { return {a.data(), a.size()}; }

inline void append(Bytes& out, ByteView in) { out.insert(out.end(), in.begin(), in.end()); }

}  // namespace swarmergy::ledger
