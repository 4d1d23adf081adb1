#pragma once
// secp256k1 keys and recoverable ECDSA signatures through libsecp256k1 (with its recovery
// module), as Ethereum uses them: RFC 6979 deterministic nonces, low-s only (EIP-2), and
// addresses = last 20 bytes of keccak256(uncompressed public key without the 0x04 prefix)
// (Ethereum Yellow Paper, appendix F). Checksummed addresses follow EIP-55.
#include "ledger/crypto/Bytes.h"

#include <optional>

namespace swarmergy::ledger {

struct PrivateKey {
    std::array<std::uint8_t, 32> bytes{};
};
using PublicKey = std::array<std::uint8_t, 64>;   // x || y, big-endian, no 0x04 prefix

struct Signature {
    Hash256 r{};
    Hash256 s{};
    std::uint8_t recoveryId = 0;   // 0 or 1 (the parity of R.y)
    // r || s || v with v = recoveryId: the 65-byte form Clique puts at the end of extraData.
    std::array<std::uint8_t, 65> toBytes65() const;
    static Signature fromBytes65(ByteView bytes);   // throws DecodeError
};

// A fresh key from the kernel CSPRNG (getrandom(2)); retries the ~2^-128 invalid draws.
PrivateKey generatePrivateKey();
// Throws DecodeError unless 32 bytes in [1, n-1].
PrivateKey privateKeyFromBytes(ByteView bytes);

PublicKey publicKeyOf(const PrivateKey& key);
Address addressOf(const PublicKey& key);
Address addressOf(const PrivateKey& key);

// Deterministic (RFC 6979) recoverable signature of a 32-byte digest; s is always low.
Signature sign(const Hash256& digest, const PrivateKey& key);
// The signer's public key, or nullopt for an invalid signature, r or s out of range, high s
// or a recovery id other than 0/1.
std::optional<PublicKey> recoverPublicKey(const Hash256& digest, const Signature& sig);
std::optional<Address> recoverAddress(const Hash256& digest, const Signature& sig);
// How many public-key recoveries this process has attempted (a relaxed counter): tests use it
// to prove a path skips recoveries, benches to count them.
std::uint64_t recoveriesAttempted();

// s <= n/2 (EIP-2): the only form Ethereum accepts, so signatures are not malleable.
bool isLowS(const Hash256& s);

// EIP-55 mixed-case checksum form, "0x" + 40 hex digits.
std::string toChecksumAddress(const Address& address);
// Accepts all-lowercase or all-uppercase hex, or a mixed-case string only with a valid EIP-55
// checksum; throws DecodeError saying which rule failed.
Address parseAddress(std::string_view text);
Address addressFromBytes(ByteView bytes);   // exactly 20 bytes or DecodeError

}  // namespace swarmergy::ledger
