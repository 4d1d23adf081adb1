/* LZ77 compression of FLASH_CHUNK data (encoding SWP_ENCODING_LZ = 2), after LZSS (Storer and
 * Szymanski, 1982) with a 4 KiB window that spans chunks: a match may copy bytes of earlier
 * chunks of the same image, so firmware code compresses about as well as with one stream
 * while each chunk stays independently acknowledged. The hub keeps the last 4 KiB of the
 * image it received in a swp_lz_history; the host encoder sees the image itself.
 *
 * Token stream: a control byte c, then
 *   c <  0x80: c + 1 literal bytes follow (1..128);
 *   c >= 0x80: a match of (c - 0x80) + 3 bytes (3..130), then distance u16 LE (1..4096):
 *              copy from that many bytes back in the image (overlapping copies allowed). */
#ifndef SWP_LZ_H
#define SWP_LZ_H
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SWP_LZ_WINDOW 4096u
#define SWP_LZ_HASH_BITS 12u

/* Decoder side: the last SWP_LZ_WINDOW bytes of the image, and how many bytes came so far. */
typedef struct swp_lz_history {
    uint8_t ring[SWP_LZ_WINDOW];
    uint32_t produced;
} swp_lz_history;

/* Encoder workspace (about 32 KiB; no heap: the caller provides it). */
typedef struct swp_lz_encoder {
    int32_t head[1u << SWP_LZ_HASH_BITS];
    int32_t prev[SWP_LZ_WINDOW];
} swp_lz_encoder;

void swp_lz_history_reset(swp_lz_history *history);
/* Appends bytes that reached the image by any encoding (keeps the window in step). */
void swp_lz_history_append(swp_lz_history *history, const uint8_t *data, size_t len);

/* Encodes image[start, start + len) with image[.. start) as history. Returns the encoded
 * length, or 0 when it does not fit in cap. */
size_t swp_lz_encode(swp_lz_encoder *encoder, const uint8_t *image, size_t imageLen,
                     size_t start, size_t len, uint8_t *out, size_t cap);

/* Decodes one chunk into out (the history is not modified: append after a successful write).
 * Returns the decoded length, or -1 when malformed, out too small or a distance reaches
 * before the image's start or beyond the window. */
long swp_lz_decode(const uint8_t *in, size_t len, const swp_lz_history *history, uint8_t *out,
                   size_t cap);

#ifdef __cplusplus
}
#endif
#endif
