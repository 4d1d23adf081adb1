/* Run-length encoding of FLASH_CHUNK data (encoding SWP_ENCODING_RLE), inflated on the hub
 * without any buffer beyond the output (esptool inflates deflate on the device; RLE keeps
 * the bootloader-side code to a few lines and still removes the zero and 0xFF padding that
 * fills firmware images).
 *
 * Token stream: a control byte c, then
 *   c <  0x80: c + 1 literal bytes follow (1..128);
 *   c >= 0x80: one byte follows, repeated (c - 0x80) + 3 times (3..130). */
#ifndef SWP_RLE_H
#define SWP_RLE_H
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Worst case: one control byte per 128 literal bytes. */
#define SWP_RLE_MAX_ENCODED(len) ((len) + ((len) + 127u) / 128u)

/* Returns the encoded length, or 0 when out is too small (or len is 0). */
size_t swp_rle_encode(const uint8_t *in, size_t len, uint8_t *out, size_t cap);
/* Returns the decoded length, or -1 when the stream is malformed or out is too small. */
long swp_rle_decode(const uint8_t *in, size_t len, uint8_t *out, size_t cap);

#ifdef __cplusplus
}
#endif
#endif
