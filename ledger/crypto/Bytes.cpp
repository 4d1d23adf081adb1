#include "ledger/crypto/Bytes.h"

namespace swarmergy::ledger {

namespace {
int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

std::string toHex(ByteView bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out = "0x";
    out.reserve(2 + bytes.size() * 2);
    for (std::uint8_t b : bytes) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0x0f]);
    }
    return out;
}

Bytes fromHex(std::string_view hex) {
    if (hex.size() >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X')) hex.remove_prefix(2);
    if (hex.size() % 2 != 0)
        throw DecodeError("hex: odd number of digits (" + std::to_string(hex.size()) + ")");
    Bytes out(hex.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const int hi = hexDigit(hex[2 * i]), lo = hexDigit(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
            throw DecodeError("hex: invalid digit at position " + std::to_string(2 * i + (hi < 0 ? 0 : 1)));
        out[i] = static_cast<std::uint8_t>(hi << 4 | lo);
    }
    return out;
}

Hash256 hashFromHex(std::string_view hex) {
    const Bytes b = fromHex(hex);
    if (b.size() != 32) throw DecodeError("hex: expected 32 bytes, got " + std::to_string(b.size()));
    Hash256 h{};
    std::copy(b.begin(), b.end(), h.begin());
    return h;
}

}  // namespace swarmergy::ledger
