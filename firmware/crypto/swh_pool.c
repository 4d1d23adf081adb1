/* Fixed-block pool behind mbedtls_calloc/mbedtls_free: mbedtls' cipher layer allocates its
 * AES context and the CMAC state (a few hundred bytes each, freed at the end of every CMAC).
 * Four blocks are enough for one CMAC at a time; the firmware is single-threaded. */
#include <stdint.h>
#include <string.h>

#include "firmware/crypto/swh_mbedtls_config.h"

#define POOL_BLOCKS 4
#define POOL_BLOCK_SIZE 512

static union {
    uint8_t bytes[POOL_BLOCK_SIZE];
    uint64_t align;
} s_blocks[POOL_BLOCKS];
static uint8_t s_used[POOL_BLOCKS];

void *swh_pool_calloc(size_t count, size_t size)
{
    if (count == 0 || size == 0 || count > POOL_BLOCK_SIZE / size) {
        return NULL;
    }
    for (int i = 0; i < POOL_BLOCKS; ++i) {
        if (!s_used[i]) {
            s_used[i] = 1;
            memset(s_blocks[i].bytes, 0, POOL_BLOCK_SIZE);
            return s_blocks[i].bytes;
        }
    }
    return NULL;
}

void swh_pool_free(void *ptr)
{
    for (int i = 0; i < POOL_BLOCKS; ++i) {
        if (ptr == s_blocks[i].bytes) {
            s_used[i] = 0;
        }
    }
}
