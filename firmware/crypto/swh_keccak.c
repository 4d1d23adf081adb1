/* Keccak-256 as Ethereum uses it: Keccak-f[1600] (FIPS 202 section 3 permutation), rate 1088
 * bits (136 bytes), capacity 512, and the original Keccak padding 0x01 ... 0x80 (FIPS 202's
 * SHA3-256 pads with 0x06 instead; Ethereum kept the pre-standard padding). Round constants
 * and rotation offsets from the Keccak reference (keccak.team, "Keccak specifications" 3.0). */
#include <string.h>

#include "firmware/crypto/swh_crypto.h"

#define KECCAK_RATE 136u

static const uint64_t kRoundConstants[24] = {
    0x0000000000000001ull, 0x0000000000008082ull, 0x800000000000808Aull, 0x8000000080008000ull,
    0x000000000000808Bull, 0x0000000080000001ull, 0x8000000080008081ull, 0x8000000000008009ull,
    0x000000000000008Aull, 0x0000000000000088ull, 0x0000000080008009ull, 0x000000008000000Aull,
    0x000000008000808Bull, 0x800000000000008Bull, 0x8000000000008089ull, 0x8000000000008003ull,
    0x8000000000008002ull, 0x8000000000000080ull, 0x000000000000800Aull, 0x800000008000000Aull,
    0x8000000080008081ull, 0x8000000000008080ull, 0x0000000080000001ull, 0x8000000080008008ull};
/* rho offsets and pi lane order, walked along the pi permutation's single cycle. */
static const uint8_t kRho[24] = {1,  3,  6,  10, 15, 21, 28, 36, 45, 55, 2,  14,
                                 27, 41, 56, 8,  25, 43, 62, 18, 39, 61, 20, 44};
static const uint8_t kPi[24] = {10, 7,  11, 17, 18, 3, 5,  16, 8,  21, 24, 4,
                                15, 23, 19, 13, 12, 2, 20, 14, 22, 9,  6,  1};

static uint64_t rotl64(uint64_t x, unsigned n)
{
    return (x << n) | (x >> (64u - n));
}

static void keccak_f1600(uint64_t a[25])
{
    for (int round = 0; round < 24; ++round) {
        uint64_t c[5];
        for (int x = 0; x < 5; ++x) { /* theta */
            c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        }
        for (int x = 0; x < 5; ++x) {
            const uint64_t d = c[(x + 4) % 5] ^ rotl64(c[(x + 1) % 5], 1);
            for (int y = 0; y < 25; y += 5) {
                a[y + x] ^= d;
            }
        }
        uint64_t carried = a[1]; /* rho and pi */
        for (int i = 0; i < 24; ++i) {
            const uint64_t next = a[kPi[i]];
            a[kPi[i]] = rotl64(carried, kRho[i]);
            carried = next;
        }
        for (int y = 0; y < 25; y += 5) { /* chi */
            uint64_t row[5];
            for (int x = 0; x < 5; ++x) {
                row[x] = a[y + x];
            }
            for (int x = 0; x < 5; ++x) {
                a[y + x] = row[x] ^ (~row[(x + 1) % 5] & row[(x + 2) % 5]);
            }
        }
        a[0] ^= kRoundConstants[round]; /* iota */
    }
}

/* Lanes are little-endian: byte i of the block goes to lane i / 8, bits 8 * (i % 8). */
static void xor_byte(uint64_t state[25], size_t index, uint8_t byte)
{
    state[index / 8u] ^= (uint64_t)byte << (8u * (index % 8u));
}

void swh_keccak_init(swh_keccak_ctx *ctx)
{
    memset(ctx, 0, sizeof *ctx);
}

void swh_keccak_update(swh_keccak_ctx *ctx, const uint8_t *data, size_t len)
{
    for (size_t i = 0; i < len; ++i) {
        xor_byte(ctx->state, ctx->used++, data[i]);
        if (ctx->used == KECCAK_RATE) {
            keccak_f1600(ctx->state);
            ctx->used = 0;
        }
    }
}

void swh_keccak_final(swh_keccak_ctx *ctx, uint8_t digest[32])
{
    xor_byte(ctx->state, ctx->used, 0x01);
    xor_byte(ctx->state, KECCAK_RATE - 1u, 0x80);
    keccak_f1600(ctx->state);
    for (size_t i = 0; i < 32; ++i) {
        digest[i] = (uint8_t)(ctx->state[i / 8u] >> (8u * (i % 8u)));
    }
    memset(ctx, 0, sizeof *ctx);
}

void swh_keccak256(const uint8_t *data, size_t len, uint8_t digest[32])
{
    swh_keccak_ctx ctx;
    swh_keccak_init(&ctx);
    swh_keccak_update(&ctx, data, len);
    swh_keccak_final(&ctx, digest);
}
