/* SHA-256, HMAC-SHA256, AES-128, AES-CMAC and CTR_DRBG over mbedtls 2.28 (Debian source). */
#include <string.h>

#include "firmware/crypto/swh_crypto.h"
#include "mbedtls/aes.h"
#include "mbedtls/cipher.h"
#include "mbedtls/cmac.h"
#include "mbedtls/ctr_drbg.h"
#include "mbedtls/sha256.h"

typedef char sha256_context_fits[(sizeof(mbedtls_sha256_context) <= sizeof(swh_sha256_ctx)) ? 1 : -1];

void swh_sha256_init(swh_sha256_ctx *ctx)
{
    mbedtls_sha256_context *c = (mbedtls_sha256_context *)ctx->opaque;
    mbedtls_sha256_init(c);
    mbedtls_sha256_starts_ret(c, 0);
}

void swh_sha256_update(swh_sha256_ctx *ctx, const uint8_t *data, size_t len)
{
    mbedtls_sha256_update_ret((mbedtls_sha256_context *)ctx->opaque, data, len);
}

void swh_sha256_final(swh_sha256_ctx *ctx, uint8_t digest[32])
{
    mbedtls_sha256_context *c = (mbedtls_sha256_context *)ctx->opaque;
    mbedtls_sha256_finish_ret(c, digest);
    mbedtls_sha256_free(c);
}

void swh_sha256(const uint8_t *data, size_t len, uint8_t digest[32])
{
    swh_sha256_ctx ctx;
    swh_sha256_init(&ctx);
    swh_sha256_update(&ctx, data, len);
    swh_sha256_final(&ctx, digest);
}

/* RFC 2104: H((K ^ opad) || H((K ^ ipad) || m)), keys longer than a block are hashed. */
void swh_hmac_sha256(const uint8_t *key, size_t keyLen, const uint8_t *data, size_t len,
                     uint8_t mac[32])
{
    uint8_t block[64] = {0};
    if (keyLen > sizeof block) {
        swh_sha256(key, keyLen, block);
    } else if (keyLen > 0) {
        memcpy(block, key, keyLen);
    }
    uint8_t pad[64];
    uint8_t inner[32];
    swh_sha256_ctx ctx;
    for (int i = 0; i < 64; ++i) {
        pad[i] = block[i] ^ 0x36u;
    }
    swh_sha256_init(&ctx);
    swh_sha256_update(&ctx, pad, sizeof pad);
    swh_sha256_update(&ctx, data, len);
    swh_sha256_final(&ctx, inner);
    for (int i = 0; i < 64; ++i) {
        pad[i] = block[i] ^ 0x5Cu;
    }
    swh_sha256_init(&ctx);
    swh_sha256_update(&ctx, pad, sizeof pad);
    swh_sha256_update(&ctx, inner, sizeof inner);
    swh_sha256_final(&ctx, mac);
    memset(block, 0, sizeof block);
    memset(pad, 0, sizeof pad);
}

int swh_aes128_encrypt_block(const uint8_t key[16], const uint8_t in[16], uint8_t out[16])
{
    mbedtls_aes_context aes;
    mbedtls_aes_init(&aes);
    int rc = mbedtls_aes_setkey_enc(&aes, key, 128);
    if (rc == 0) {
        rc = mbedtls_aes_crypt_ecb(&aes, MBEDTLS_AES_ENCRYPT, in, out);
    }
    mbedtls_aes_free(&aes);
    return rc;
}

int swh_aes_cmac(const uint8_t key[16], const uint8_t *data, size_t len, uint8_t mac[16])
{
    const mbedtls_cipher_info_t *info = mbedtls_cipher_info_from_type(MBEDTLS_CIPHER_AES_128_ECB);
    if (info == NULL) {
        return -1;
    }
    return mbedtls_cipher_cmac(info, key, 128, data, len, mac);
}

static mbedtls_ctr_drbg_context s_drbg;
static int s_drbgSeeded;

int swh_drbg_seed(swh_entropy_fn entropy, void *entropyCtx, const uint8_t *personal,
                  size_t personalLen)
{
    mbedtls_ctr_drbg_init(&s_drbg);
    const int rc = mbedtls_ctr_drbg_seed(&s_drbg, (int (*)(void *, unsigned char *, size_t))entropy,
                                         entropyCtx, personal, personalLen);
    s_drbgSeeded = (rc == 0);
    return rc;
}

int swh_drbg_generate(uint8_t *out, size_t len)
{
    if (!s_drbgSeeded) {
        return -1;
    }
    return mbedtls_ctr_drbg_random(&s_drbg, out, len);
}

int swh_ct_compare(const uint8_t *a, const uint8_t *b, size_t len)
{
    uint8_t diff = 0;
    for (size_t i = 0; i < len; ++i) {
        diff |= (uint8_t)(a[i] ^ b[i]);
    }
    return diff;
}
