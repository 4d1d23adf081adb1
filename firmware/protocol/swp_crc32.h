/* CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320, init and final XOR 0xFFFFFFFF):
 * the same CRC as zlib's crc32() and Ethernet, so any tool can check a frame.
 * Check value: swp_crc32("123456789") == 0xCBF43926 (Rocksoft catalogue, "CRC-32"). */
#ifndef SWP_CRC32_H
#define SWP_CRC32_H
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One-shot CRC of len bytes. */
uint32_t swp_crc32(const uint8_t *data, size_t len);
/* Incremental: start with crc = 0, feed pieces, the result equals the one-shot CRC. */
uint32_t swp_crc32_update(uint32_t crc, const uint8_t *data, size_t len);

#ifdef __cplusplus
}
#endif
#endif
