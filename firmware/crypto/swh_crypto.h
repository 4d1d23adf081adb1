/* Cryptography of the Smart Hub, one narrow door over the third-party C built from Debian
 * sources (mbedtls: SHA-256, AES-128, AES-CMAC, CTR-DRBG; libsecp256k1: ECDSA with public-key
 * recovery) and our own Keccak-256 and HMAC-SHA256. Used by boot (image hash and signature)
 * and core (identity, signed readings, LoRaWAN, technician challenge). */
#ifndef SWH_CRYPTO_H
#define SWH_CRYPTO_H
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- SHA-256 (FIPS 180-4), incremental ---- */
typedef struct swh_sha256 {
    uint64_t opaque[14]; /* holds an mbedtls_sha256_context (checked at compile time) */
} swh_sha256_ctx;
void swh_sha256_init(swh_sha256_ctx *ctx);
void swh_sha256_update(swh_sha256_ctx *ctx, const uint8_t *data, size_t len);
void swh_sha256_final(swh_sha256_ctx *ctx, uint8_t digest[32]);
void swh_sha256(const uint8_t *data, size_t len, uint8_t digest[32]);

/* ---- HMAC-SHA256 (RFC 2104) ---- */
void swh_hmac_sha256(const uint8_t *key, size_t keyLen, const uint8_t *data, size_t len,
                     uint8_t mac[32]);

/* ---- Keccak-256 (the original Keccak padding 0x01, as Ethereum uses; not SHA3-256) ---- */
typedef struct swh_keccak {
    uint64_t state[25];
    size_t used; /* bytes absorbed into the current block */
} swh_keccak_ctx;
void swh_keccak_init(swh_keccak_ctx *ctx);
void swh_keccak_update(swh_keccak_ctx *ctx, const uint8_t *data, size_t len);
void swh_keccak_final(swh_keccak_ctx *ctx, uint8_t digest[32]);
void swh_keccak256(const uint8_t *data, size_t len, uint8_t digest[32]);

/* ---- AES-128 and AES-CMAC (RFC 4493) ---- */
int swh_aes128_encrypt_block(const uint8_t key[16], const uint8_t in[16], uint8_t out[16]);
int swh_aes_cmac(const uint8_t key[16], const uint8_t *data, size_t len, uint8_t mac[16]);

/* ---- Deterministic random bit generator (NIST SP 800-90A CTR_DRBG, AES-256) ---- */
typedef int (*swh_entropy_fn)(void *ctx, uint8_t *out, size_t len);
/* Seeds from the board's entropy source and a personalisation string (board serial). */
int swh_drbg_seed(swh_entropy_fn entropy, void *entropyCtx, const uint8_t *personal,
                  size_t personalLen);
int swh_drbg_generate(uint8_t *out, size_t len);

/* ---- secp256k1 (libsecp256k1 with the recovery module) ---- */
/* Returns 0 on success. */
int swh_secp_init(void);
int swh_secp_seckey_valid(const uint8_t seckey[32]);
/* Public key as 64 bytes X || Y (uncompressed without the 0x04 prefix). */
int swh_secp_pubkey(const uint8_t seckey[32], uint8_t pubkey64[64]);
/* Recoverable ECDSA (RFC 6979 nonce, low s): sig65 = r || s || recid (0..3). */
int swh_secp_sign(const uint8_t seckey[32], const uint8_t hash32[32], uint8_t sig65[65]);
/* Verifies a 64-byte compact signature r || s against a 64-byte public key. */
int swh_secp_verify(const uint8_t pubkey64[64], const uint8_t hash32[32],
                    const uint8_t sig64[64]);
/* Recovers the 64-byte public key from r || s || recid. */
int swh_secp_recover(const uint8_t hash32[32], const uint8_t sig65[65], uint8_t pubkey64[64]);
/* Ethereum address: the last 20 bytes of keccak256(X || Y). */
void swh_eth_address(const uint8_t pubkey64[64], uint8_t address[20]);

/* Constant-time comparison: 0 when equal. */
int swh_ct_compare(const uint8_t *a, const uint8_t *b, size_t len);

#ifdef __cplusplus
}
#endif
#endif
