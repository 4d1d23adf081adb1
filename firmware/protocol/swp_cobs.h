/* Consistent Overhead Byte Stuffing (Cheshire and Baker, IEEE/ACM Trans. Networking 7(2),
 * 1999): removes every 0x00 from a frame so that 0x00 can delimit frames on the wire; the
 * overhead is at most one byte per 254 bytes. */
#ifndef SWP_COBS_H
#define SWP_COBS_H
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Worst-case encoded size of len bytes (without the 0x00 delimiter). */
#define SWP_COBS_MAX_ENCODED(len) ((len) + ((len) / 254u) + 1u)

/* Encodes len bytes into out (capacity cap). Returns the encoded length (never 0 for a
 * successful encoding), or 0 when out is too small. No delimiter is written. */
size_t swp_cobs_encode(const uint8_t *in, size_t len, uint8_t *out, size_t cap);

/* Decodes an encoded block (without delimiter). Returns the decoded length, or -1 when the
 * block is malformed (a 0x00 inside, a code running past the end) or out is too small. */
long swp_cobs_decode(const uint8_t *in, size_t len, uint8_t *out, size_t cap);

#ifdef __cplusplus
}
#endif
#endif
