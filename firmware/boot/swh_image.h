/* Signed firmware images: a 128-byte header, then the payload (the application's binary,
 * starting with its vector table).
 *
 *   0   u32 magic 'SWFW' (0x57465753)     24  u8[32] sha256 of bytes 0..23 || payload
 *   4   u16 header size (128)             56  u8[64] secp256k1 signature r || s of sha256,
 *   6   u16 flags (0)                             by the cooperative's firmware key
 *   8   u32 version (major<<24|minor<<16|patch)   120 u8[8] reserved (0)
 *   12  u32 payload size (1..256 KiB)
 *   16  u32 load address (where the payload runs)
 *   20  u32 reserved (0)
 * All integers little-endian. The same bytes are the image file, what FLASH_* carries and
 * what a slot holds. */
#ifndef SWH_IMAGE_H
#define SWH_IMAGE_H
#include <stddef.h>
#include <stdint.h>

#include "firmware/protocol/swp_messages.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SWH_IMAGE_MAGIC 0x57465753u
#define SWH_IMAGE_HEADER_SIZE 128u
#define SWH_IMAGE_HASHED_HEADER_BYTES 24u
#define SWH_IMAGE_MAX_PAYLOAD (256u * 1024u)

typedef struct swh_image_header {
    uint32_t magic;
    uint16_t headerSize;
    uint16_t flags;
    uint32_t version;
    uint32_t payloadSize;
    uint32_t loadAddress;
    uint32_t reserved;
    uint8_t sha256[32];
    uint8_t signature[64];
} swh_image_header;

/* The cooperative's firmware public key (X || Y). The build ships the DEMO key of
 * resources/keys/; a real deployment replaces it. */
extern const uint8_t swh_firmware_public_key[64];

void swh_image_header_write(const swh_image_header *header, uint8_t raw[SWH_IMAGE_HEADER_SIZE]);
/* SWP_OK, SWP_ERR_IMAGE_MAGIC or SWP_ERR_IMAGE_HEADER. */
swp_status swh_image_header_read(const uint8_t *raw, size_t len, swh_image_header *header);

/* Reads len bytes at off of an image container (a flash slot or a memory buffer). */
typedef int (*swh_image_read_fn)(void *ctx, uint32_t off, uint8_t *dst, uint32_t len);

/* Full verification, in this order: magic, header fields, size within `available`,
 * SHA-256, signature by publicKey, version >= versionFloor. Returns SWP_OK or the first
 * failing SWP_ERR_IMAGE_* reason; *header is filled when the header parsed. */
swp_status swh_image_verify(swh_image_read_fn read, void *ctx, uint32_t available,
                            const uint8_t publicKey[64], uint32_t versionFloor,
                            swh_image_header *header);
/* Convenience over a memory buffer. */
swp_status swh_image_verify_buffer(const uint8_t *image, size_t len, const uint8_t publicKey[64],
                                   uint32_t versionFloor, swh_image_header *header);

/* Builds a signed image: header + payload into out (cap >= 128 + payloadLen). Returns the
 * image size, or 0 on error. Host tools only (needs the private key). */
size_t swh_image_build(const uint8_t *payload, uint32_t payloadLen, uint32_t version,
                       uint32_t loadAddress, const uint8_t secretKey[32], uint8_t *out,
                       size_t cap);

#ifdef __cplusplus
}
#endif
#endif
