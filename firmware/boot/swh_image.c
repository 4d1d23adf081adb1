#include "firmware/boot/swh_image.h"

#include <string.h>

#include "firmware/crypto/swh_crypto.h"

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

void swh_image_header_write(const swh_image_header *h, uint8_t raw[SWH_IMAGE_HEADER_SIZE])
{
    memset(raw, 0, SWH_IMAGE_HEADER_SIZE);
    put32(raw + 0, h->magic);
    raw[4] = (uint8_t)h->headerSize;
    raw[5] = (uint8_t)(h->headerSize >> 8);
    raw[6] = (uint8_t)h->flags;
    raw[7] = (uint8_t)(h->flags >> 8);
    put32(raw + 8, h->version);
    put32(raw + 12, h->payloadSize);
    put32(raw + 16, h->loadAddress);
    put32(raw + 20, h->reserved);
    memcpy(raw + 24, h->sha256, 32);
    memcpy(raw + 56, h->signature, 64);
}

swp_status swh_image_header_read(const uint8_t *raw, size_t len, swh_image_header *h)
{
    if (len < SWH_IMAGE_HEADER_SIZE || get32(raw) != SWH_IMAGE_MAGIC) {
        return SWP_ERR_IMAGE_MAGIC;
    }
    h->magic = get32(raw);
    h->headerSize = (uint16_t)(raw[4] | (raw[5] << 8));
    h->flags = (uint16_t)(raw[6] | (raw[7] << 8));
    h->version = get32(raw + 8);
    h->payloadSize = get32(raw + 12);
    h->loadAddress = get32(raw + 16);
    h->reserved = get32(raw + 20);
    memcpy(h->sha256, raw + 24, 32);
    memcpy(h->signature, raw + 56, 64);
    for (size_t i = 120; i < SWH_IMAGE_HEADER_SIZE; ++i) {
        if (raw[i] != 0) {
            return SWP_ERR_IMAGE_HEADER;
        }
    }
    if (h->headerSize != SWH_IMAGE_HEADER_SIZE || h->flags != 0 || h->reserved != 0 ||
        h->payloadSize == 0 || h->payloadSize > SWH_IMAGE_MAX_PAYLOAD) {
        return SWP_ERR_IMAGE_HEADER;
    }
    return SWP_OK;
}

/* SHA-256 over the header's first 24 bytes and the payload, read in pieces. */
static int hash_image(swh_image_read_fn read, void *ctx, const uint8_t *rawHeader,
                      uint32_t payloadSize, uint8_t digest[32])
{
    swh_sha256_ctx sha;
    uint8_t buffer[256];
    swh_sha256_init(&sha);
    swh_sha256_update(&sha, rawHeader, SWH_IMAGE_HASHED_HEADER_BYTES);
    for (uint32_t off = 0; off < payloadSize; off += sizeof buffer) {
        const uint32_t n = payloadSize - off < sizeof buffer ? payloadSize - off : sizeof buffer;
        if (read(ctx, SWH_IMAGE_HEADER_SIZE + off, buffer, n) != 0) {
            return -1;
        }
        swh_sha256_update(&sha, buffer, n);
    }
    swh_sha256_final(&sha, digest);
    return 0;
}

swp_status swh_image_verify(swh_image_read_fn read, void *ctx, uint32_t available,
                            const uint8_t publicKey[64], uint32_t versionFloor,
                            swh_image_header *header)
{
    uint8_t raw[SWH_IMAGE_HEADER_SIZE];
    if (available < SWH_IMAGE_HEADER_SIZE) {
        return available >= 4 ? SWP_ERR_IMAGE_TRUNCATED : SWP_ERR_IMAGE_MAGIC;
    }
    if (read(ctx, 0, raw, sizeof raw) != 0) {
        return SWP_ERR_FLASH_IO;
    }
    const swp_status parsed = swh_image_header_read(raw, sizeof raw, header);
    if (parsed != SWP_OK) {
        return parsed;
    }
    if (header->payloadSize > available - SWH_IMAGE_HEADER_SIZE) {
        return SWP_ERR_IMAGE_TRUNCATED;
    }
    uint8_t digest[32];
    if (hash_image(read, ctx, raw, header->payloadSize, digest) != 0) {
        return SWP_ERR_FLASH_IO;
    }
    if (swh_ct_compare(digest, header->sha256, 32) != 0) {
        return SWP_ERR_IMAGE_HASH;
    }
    if (swh_secp_verify(publicKey, digest, header->signature) != 0) {
        return SWP_ERR_IMAGE_SIGNATURE;
    }
    if (header->version < versionFloor) {
        return SWP_ERR_IMAGE_DOWNGRADE;
    }
    return SWP_OK;
}

typedef struct buffer_view {
    const uint8_t *data;
    size_t len;
} buffer_view;

static int read_buffer(void *ctx, uint32_t off, uint8_t *dst, uint32_t len)
{
    const buffer_view *view = (const buffer_view *)ctx;
    if (off > view->len || len > view->len - off) {
        return -1;
    }
    memcpy(dst, view->data + off, len);
    return 0;
}

swp_status swh_image_verify_buffer(const uint8_t *image, size_t len, const uint8_t publicKey[64],
                                   uint32_t versionFloor, swh_image_header *header)
{
    buffer_view view = {image, len};
    const uint32_t available = len > 0xFFFFFFFFu ? 0xFFFFFFFFu : (uint32_t)len;
    return swh_image_verify(read_buffer, &view, available, publicKey, versionFloor, header);
}

size_t swh_image_build(const uint8_t *payload, uint32_t payloadLen, uint32_t version,
                       uint32_t loadAddress, const uint8_t secretKey[32], uint8_t *out,
                       size_t cap)
{
    if (payloadLen == 0 || payloadLen > SWH_IMAGE_MAX_PAYLOAD ||
        cap < SWH_IMAGE_HEADER_SIZE + (size_t)payloadLen) {
        return 0;
    }
    swh_image_header h;
    memset(&h, 0, sizeof h);
    h.magic = SWH_IMAGE_MAGIC;
    h.headerSize = SWH_IMAGE_HEADER_SIZE;
    h.version = version;
    h.payloadSize = payloadLen;
    h.loadAddress = loadAddress;
    swh_image_header_write(&h, out);
    memcpy(out + SWH_IMAGE_HEADER_SIZE, payload, payloadLen);
    buffer_view view = {out, SWH_IMAGE_HEADER_SIZE + (size_t)payloadLen};
    uint8_t sig65[65];
    if (hash_image(read_buffer, &view, out, payloadLen, h.sha256) != 0 ||
        swh_secp_sign(secretKey, h.sha256, sig65) != 0) {
        return 0;
    }
    memcpy(h.signature, sig65, 64);
    swh_image_header_write(&h, out);
    return SWH_IMAGE_HEADER_SIZE + (size_t)payloadLen;
}
