#pragma once
// The signed meter reading a hub sends for each 15-minute interval (see README.md, "Signed
// reading format"): what it signs is
//   digest = keccak256(abi.encode(bytes32 TAG, uint256 chainId, address nrgToken,
//                                 address hub, uint64 intervalStart, uint64 exportedWh,
//                                 uint64 importedWh))
// with TAG = keccak256("Swarmergy.MeterReading.v1"): seven 32-byte words, 224 bytes. The tag,
// chain id and token address separate it from transactions, other chains and other
// deployments; the signature is a plain secp256k1 recoverable signature of the digest.
#include "ledger/crypto/Secp256k1.h"

namespace swarmergy::ledger {

inline constexpr std::uint64_t kReadingIntervalSeconds = 900;   // 15 minutes

struct MeterReading {
    Address hub{};
    std::uint64_t intervalStartUnix = 0;   // multiple of 900
    std::uint64_t exportedWh = 0;          // energy injected into the grid during the interval
    std::uint64_t importedWh = 0;          // energy drawn from the grid during the interval
};

Hash256 readingDomainTag();
// The 224-byte message before hashing (what the firmware must build byte for byte).
Bytes readingMessage(const MeterReading& reading, std::uint64_t chainId, const Address& nrgToken);
Hash256 readingDigest(const MeterReading& reading, std::uint64_t chainId, const Address& nrgToken);
Signature signReading(const MeterReading& reading, std::uint64_t chainId, const Address& nrgToken, const PrivateKey& hubKey);

}  // namespace swarmergy::ledger
