#include "ledger/crypto/Secp256k1.h"

#include "ledger/crypto/Keccak.h"

#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <atomic>
#include <sys/random.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace swarmergy::ledger {

namespace {

void fillRandom(std::uint8_t* out, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = getrandom(out + done, size - done, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw std::system_error(errno, std::generic_category(), "getrandom");
        }
        done += static_cast<std::size_t>(n);
    }
}

// One context for the process: created once, randomised against side channels, then only
// used through const functions, which libsecp256k1 documents as thread-safe.
const secp256k1_context* context() {
    static secp256k1_context* ctx = [] {
        secp256k1_context* c = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
        std::array<std::uint8_t, 32> seed{};
        fillRandom(seed.data(), seed.size());
        if (secp256k1_context_randomize(c, seed.data()) != 1)
            throw std::runtime_error("secp256k1: context randomisation failed");
        return c;
    }();
    return ctx;
}

// Half the group order n/2, big-endian (SEC 2, section 2.4.1).
constexpr std::array<std::uint8_t, 32> kHalfOrder = {
    0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0x5d, 0x57, 0x6e, 0x73, 0x57, 0xa4, 0x50, 0x1d, 0xdf, 0xe9, 0x2f, 0x46, 0x68, 0x1b, 0x20, 0xa0};

}  // namespace

std::array<std::uint8_t, 65> Signature::toBytes65() const {
    std::array<std::uint8_t, 65> out{};
    std::memcpy(out.data(), r.data(), 32);
    std::memcpy(out.data() + 32, s.data(), 32);
    out[64] = recoveryId;
    return out;
}

Signature Signature::fromBytes65(ByteView bytes) {
    if (bytes.size() != 65) throw DecodeError("signature: expected 65 bytes, got " + std::to_string(bytes.size()));
    Signature sig;
    std::memcpy(sig.r.data(), bytes.data(), 32);
    std::memcpy(sig.s.data(), bytes.data() + 32, 32);
    sig.recoveryId = bytes[64];
    return sig;
}

PrivateKey generatePrivateKey() {
    PrivateKey key;
    do {
        fillRandom(key.bytes.data(), key.bytes.size());
    } while (secp256k1_ec_seckey_verify(context(), key.bytes.data()) != 1);
    return key;
}

PrivateKey privateKeyFromBytes(ByteView bytes) {
    if (bytes.size() != 32) throw DecodeError("private key: expected 32 bytes, got " + std::to_string(bytes.size()));
    PrivateKey key;
    std::memcpy(key.bytes.data(), bytes.data(), 32);
    if (secp256k1_ec_seckey_verify(context(), key.bytes.data()) != 1)
        throw DecodeError("private key: not in [1, n-1]");
    return key;
}

PublicKey publicKeyOf(const PrivateKey& key) {
    secp256k1_pubkey pub;
    if (secp256k1_ec_pubkey_create(context(), &pub, key.bytes.data()) != 1)
        throw std::invalid_argument("private key: invalid");
    std::array<std::uint8_t, 65> serialized{};
    std::size_t len = serialized.size();
    secp256k1_ec_pubkey_serialize(context(), serialized.data(), &len, &pub, SECP256K1_EC_UNCOMPRESSED);
    PublicKey out{};
    std::memcpy(out.data(), serialized.data() + 1, 64);
    return out;
}

Address addressOf(const PublicKey& key) {
    const Hash256 h = keccak256(view(key));
    Address a{};
    std::memcpy(a.data(), h.data() + 12, 20);
    return a;
}

Address addressOf(const PrivateKey& key) { return addressOf(publicKeyOf(key)); }

Signature sign(const Hash256& digest, const PrivateKey& key) {
    secp256k1_ecdsa_recoverable_signature rsig;
    // nullptr nonce function = secp256k1_nonce_function_rfc6979; the result is low-s.
    if (secp256k1_ecdsa_sign_recoverable(context(), &rsig, digest.data(), key.bytes.data(), nullptr, nullptr) != 1)
        throw std::invalid_argument("secp256k1: signing failed (invalid private key)");
    std::array<std::uint8_t, 64> compact{};
    int recid = 0;
    secp256k1_ecdsa_recoverable_signature_serialize_compact(context(), compact.data(), &recid, &rsig);
    Signature sig;
    std::memcpy(sig.r.data(), compact.data(), 32);
    std::memcpy(sig.s.data(), compact.data() + 32, 32);
    sig.recoveryId = static_cast<std::uint8_t>(recid);
    return sig;
}

bool isLowS(const Hash256& s) {
    return std::memcmp(s.data(), kHalfOrder.data(), 32) <= 0;
}

namespace {
std::atomic<std::uint64_t> g_recoveries{0};
}  // namespace

std::uint64_t recoveriesAttempted() { return g_recoveries.load(std::memory_order_relaxed); }

std::optional<PublicKey> recoverPublicKey(const Hash256& digest, const Signature& sig) {
    g_recoveries.fetch_add(1, std::memory_order_relaxed);
    if (sig.recoveryId > 1 || !isLowS(sig.s)) return std::nullopt;
    std::array<std::uint8_t, 64> compact{};
    std::memcpy(compact.data(), sig.r.data(), 32);
    std::memcpy(compact.data() + 32, sig.s.data(), 32);
    secp256k1_ecdsa_recoverable_signature rsig;
    // parse_compact refuses r or s >= n; recover refuses r == 0 or s == 0.
    if (secp256k1_ecdsa_recoverable_signature_parse_compact(context(), &rsig, compact.data(), sig.recoveryId) != 1)
        return std::nullopt;
    secp256k1_pubkey pub;
    if (secp256k1_ecdsa_recover(context(), &pub, &rsig, digest.data()) != 1) return std::nullopt;
    std::array<std::uint8_t, 65> serialized{};
    std::size_t len = serialized.size();
    secp256k1_ec_pubkey_serialize(context(), serialized.data(), &len, &pub, SECP256K1_EC_UNCOMPRESSED);
    PublicKey out{};
    std::memcpy(out.data(), serialized.data() + 1, 64);
    return out;
}

std::optional<Address> recoverAddress(const Hash256& digest, const Signature& sig) {
    auto pub = recoverPublicKey(digest, sig);
    if (!pub) return std::nullopt;
    return addressOf(*pub);
}

std::string toChecksumAddress(const Address& address) {
    // EIP-55: uppercase the i-th hex letter when the i-th nibble of keccak(lowercase hex) >= 8.
    const std::string lower = toHex(view(address)).substr(2);
    const Hash256 h = keccak256(std::string_view(lower));
    std::string out = "0x";
    for (std::size_t i = 0; i < lower.size(); ++i) {
        const int nibble = (i % 2 == 0) ? (h[i / 2] >> 4) : (h[i / 2] & 0x0f);
        const char c = lower[i];
        out.push_back((c >= 'a' && c <= 'f' && nibble >= 8) ? static_cast<char>(c - 'a' + 'A') : c);
    }
    return out;
}

Address addressFromBytes(ByteView bytes) {
    if (bytes.size() != 20) throw DecodeError("address: expected 20 bytes, got " + std::to_string(bytes.size()));
    Address a{};
    std::memcpy(a.data(), bytes.data(), 20);
    return a;
}

Address parseAddress(std::string_view text) {
    std::string_view hex = text;
    if (hex.size() >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X')) hex.remove_prefix(2);
    if (hex.size() != 40) throw DecodeError("address: expected 40 hex digits, got " + std::to_string(hex.size()));
    const Address a = addressFromBytes(view(fromHex(hex)));
    bool hasLower = false, hasUpper = false;
    for (char c : hex) {
        hasLower |= (c >= 'a' && c <= 'f');
        hasUpper |= (c >= 'A' && c <= 'F');
    }
    if (hasLower && hasUpper && toChecksumAddress(a).substr(2) != hex)
        throw DecodeError("address: mixed-case hex with an invalid EIP-55 checksum");
    return a;
}

}  // namespace swarmergy::ledger
