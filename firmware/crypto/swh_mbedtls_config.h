/* mbedtls 2.28 configuration of the Smart Hub (MBEDTLS_CONFIG_FILE): only what the firmware
 * uses. AES tables live in flash (ROM tables) to stay inside the 64 KiB RAM budget, and the
 * two small allocations of the CMAC path come from a fixed pool (swh_pool.c), not a heap. */
#ifndef SWH_MBEDTLS_CONFIG_H
#define SWH_MBEDTLS_CONFIG_H
#include <limits.h>
#include <stddef.h>

#define MBEDTLS_SHA256_C
#define MBEDTLS_SHA256_SMALLER
#define MBEDTLS_AES_C
#define MBEDTLS_AES_ROM_TABLES
#define MBEDTLS_AES_FEWER_TABLES
#define MBEDTLS_CIPHER_C
#define MBEDTLS_CMAC_C
#define MBEDTLS_CTR_DRBG_C

#define MBEDTLS_PLATFORM_C
#define MBEDTLS_PLATFORM_MEMORY
void *swh_pool_calloc(size_t count, size_t size);
void swh_pool_free(void *ptr);
#define MBEDTLS_PLATFORM_CALLOC_MACRO swh_pool_calloc
#define MBEDTLS_PLATFORM_FREE_MACRO swh_pool_free

#endif
