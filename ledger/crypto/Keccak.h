#pragma once
// Keccak-256 as Ethereum uses it: the original Keccak padding (0x01 ... 0x80), NOT the
// FIPS 202 SHA3-256 padding (0x06). Rate 1088 bits, capacity 512 bits.
// Source: Bertoni, Daemen, Peeters, Van Assche, "The Keccak reference", version 3.0 (2011).
#include "ledger/crypto/Bytes.h"

namespace swarmergy::ledger {

class Keccak256 {
public:
    static constexpr std::size_t kRateBytes = 136;
    void update(ByteView data);
    Hash256 finish();   // the object must not be updated afterwards

private:
    std::array<std::uint64_t, 25> state_{};
    std::array<std::uint8_t, kRateBytes> block_{};
    std::size_t blockFill_ = 0;
    void absorbBlock(const std::uint8_t* block);
};

Hash256 keccak256(ByteView data);
inline Hash256 keccak256(std::string_view text) {
    return keccak256(ByteView(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

// The permutation Keccak-f[1600], 24 rounds, on 25 lanes (x + 5y indexing).
void keccakF1600(std::array<std::uint64_t, 25>& lanes);

}  // namespace swarmergy::ledger
