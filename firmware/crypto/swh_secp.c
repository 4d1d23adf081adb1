/* secp256k1 over libsecp256k1 0.2 with its recovery module, without heap: the context is
 * created in a static buffer (secp256k1_context_preallocated_create). */
#include <string.h>

#include "firmware/crypto/swh_crypto.h"
#include "secp256k1.h"
#include "secp256k1_preallocated.h"
#include "secp256k1_recovery.h"

#define CONTEXT_BYTES 1024
static union {
    uint8_t bytes[CONTEXT_BYTES];
    uint64_t align;
} s_contextMemory;
static secp256k1_context *s_ctx;

int swh_secp_init(void)
{
    if (s_ctx != NULL) {
        return 0;
    }
    const unsigned flags = SECP256K1_CONTEXT_SIGN | SECP256K1_CONTEXT_VERIFY;
    if (secp256k1_context_preallocated_size(flags) > CONTEXT_BYTES) {
        return -1;
    }
    s_ctx = secp256k1_context_preallocated_create(s_contextMemory.bytes, flags);
    return s_ctx != NULL ? 0 : -1;
}

static int serialize_uncompressed(const secp256k1_pubkey *key, uint8_t pubkey64[64])
{
    uint8_t out[65];
    size_t outLen = sizeof out;
    if (!secp256k1_ec_pubkey_serialize(s_ctx, out, &outLen, key, SECP256K1_EC_UNCOMPRESSED)) {
        return -1;
    }
    memcpy(pubkey64, out + 1, 64);
    return 0;
}

int swh_secp_seckey_valid(const uint8_t seckey[32])
{
    return swh_secp_init() == 0 && secp256k1_ec_seckey_verify(s_ctx, seckey) == 1;
}

int swh_secp_pubkey(const uint8_t seckey[32], uint8_t pubkey64[64])
{
    secp256k1_pubkey key;
    if (swh_secp_init() != 0 || !secp256k1_ec_pubkey_create(s_ctx, &key, seckey)) {
        return -1;
    }
    return serialize_uncompressed(&key, pubkey64);
}

int swh_secp_sign(const uint8_t seckey[32], const uint8_t hash32[32], uint8_t sig65[65])
{
    secp256k1_ecdsa_recoverable_signature sig;
    int recid = 0;
    if (swh_secp_init() != 0 ||
        !secp256k1_ecdsa_sign_recoverable(s_ctx, &sig, hash32, seckey, NULL, NULL) ||
        !secp256k1_ecdsa_recoverable_signature_serialize_compact(s_ctx, sig65, &recid, &sig)) {
        return -1;
    }
    sig65[64] = (uint8_t)recid;
    return 0;
}

static int parse_pubkey(const uint8_t pubkey64[64], secp256k1_pubkey *key)
{
    uint8_t in[65];
    in[0] = 0x04;
    memcpy(in + 1, pubkey64, 64);
    return secp256k1_ec_pubkey_parse(s_ctx, key, in, sizeof in) ? 0 : -1;
}

int swh_secp_verify(const uint8_t pubkey64[64], const uint8_t hash32[32],
                    const uint8_t sig64[64])
{
    secp256k1_pubkey key;
    secp256k1_ecdsa_signature sig;
    if (swh_secp_init() != 0 || parse_pubkey(pubkey64, &key) != 0 ||
        !secp256k1_ecdsa_signature_parse_compact(s_ctx, &sig, sig64)) {
        return -1;
    }
    /* verify() rejects high-s signatures: the signer (libsecp256k1) always produces low s. */
    return secp256k1_ecdsa_verify(s_ctx, &sig, hash32, &key) ? 0 : -1;
}

int swh_secp_recover(const uint8_t hash32[32], const uint8_t sig65[65], uint8_t pubkey64[64])
{
    secp256k1_ecdsa_recoverable_signature sig;
    secp256k1_pubkey key;
    if (swh_secp_init() != 0 || sig65[64] > 3 ||
        !secp256k1_ecdsa_recoverable_signature_parse_compact(s_ctx, &sig, sig65, sig65[64]) ||
        !secp256k1_ecdsa_recover(s_ctx, &key, &sig, hash32)) {
        return -1;
    }
    return serialize_uncompressed(&key, pubkey64);
}

void swh_eth_address(const uint8_t pubkey64[64], uint8_t address[20])
{
    uint8_t digest[32];
    swh_keccak256(pubkey64, 64, digest);
    memcpy(address, digest + 12, 20);
}
