#include "firmware/boot/swh_update.h"

#include <string.h>

#include "firmware/boot/swh_boot.h"
#include "firmware/port/swh_flash_area.h"
#include "firmware/protocol/swp_lz.h"
#include "firmware/protocol/swp_rle.h"

/* Inflated chunk, after up to 3 bytes carried over from the previous chunk. */
static uint8_t s_work[SWH_FLASH_ALIGN + SWH_UPDATE_MAX_INFLATED];
/* The last 4 KiB of the image received, for LZ chunks that copy from earlier chunks. */
static swp_lz_history s_history;

static const swh_flash_area *target_area(const swh_update *u)
{
    return swh_flash_area_get(swh_boot_slot_area(u->slot));
}

void swh_update_init(swh_update *update)
{
    memset(update, 0, sizeof *update);
    update->slot = -1;
}

/* Trailer sector first: from the first erase on, the slot can no longer be booted. */
static int erase_slot(const swh_flash_area *fa)
{
    const uint32_t trailer = fa->size - SWH_FLASH_SECTOR_SIZE;
    if (swh_flash_area_erase(fa, trailer, SWH_FLASH_SECTOR_SIZE) != 0) {
        return -1;
    }
    return swh_flash_area_erase(fa, 0, trailer);
}

swp_status swh_update_begin(swh_update *u, int runningSlot, int runningConfirmed,
                            uint32_t imageSize, const uint8_t sha256[32], uint32_t *nextOffset)
{
    *nextOffset = 0;
    if (!runningConfirmed) {
        return SWP_ERR_UNCONFIRMED; /* the other slot holds the only confirmed image */
    }
    if (imageSize == 0 || imageSize > SWH_SLOT_IMAGE_CAPACITY) {
        return SWP_ERR_SIZE;
    }
    if (u->active && !u->verified && u->imageSize == imageSize &&
        memcmp(u->expectedSha, sha256, 32) == 0 && u->slot == 1 - runningSlot) {
        *nextOffset = u->nextOffset; /* resume */
        return SWP_OK;
    }
    swh_update_init(u);
    swp_lz_history_reset(&s_history);
    u->slot = 1 - runningSlot;
    if (erase_slot(target_area(u)) != 0) {
        return SWP_ERR_FLASH_IO;
    }
    u->active = 1;
    u->imageSize = imageSize;
    memcpy(u->expectedSha, sha256, 32);
    swh_sha256_init(&u->sha);
    return SWP_OK;
}

/* Writes the aligned prefix of s_work[0..len) at flash offset `at`, keeps the rest. */
static swp_status write_aligned(swh_update *u, uint32_t at, uint32_t len)
{
    const uint32_t aligned = len - len % SWH_FLASH_ALIGN;
    if (aligned > 0 && swh_flash_area_write(target_area(u), at, s_work, aligned) != 0) {
        return SWP_ERR_FLASH_IO;
    }
    u->tailLen = (uint8_t)(len - aligned);
    memcpy(u->tail, s_work + aligned, u->tailLen);
    return SWP_OK;
}

static long inflate(uint8_t encoding, const uint8_t *data, uint16_t len, uint8_t *out)
{
    if (encoding == SWP_ENCODING_RAW) {
        if (len > SWH_UPDATE_MAX_INFLATED) {
            return -1;
        }
        memcpy(out, data, len);
        return len;
    }
    if (encoding == SWP_ENCODING_RLE) {
        return swp_rle_decode(data, len, out, SWH_UPDATE_MAX_INFLATED);
    }
    if (encoding == SWP_ENCODING_LZ) {
        return swp_lz_decode(data, len, &s_history, out, SWH_UPDATE_MAX_INFLATED);
    }
    return -2;
}

swp_status swh_update_chunk(swh_update *u, uint32_t offset, uint8_t encoding,
                            const uint8_t *data, uint16_t len, uint32_t *nextOffset)
{
    *nextOffset = u->nextOffset;
    if (!u->active || u->verified) {
        return SWP_ERR_STATE;
    }
    if (offset != u->nextOffset) {
        return offset < u->nextOffset ? SWP_OK : SWP_ERR_OFFSET; /* duplicate: ack again */
    }
    memcpy(s_work, u->tail, u->tailLen);
    const long n = inflate(encoding, data, len, s_work + u->tailLen);
    if (n < 0) {
        return n == -2 ? SWP_ERR_ENCODING : SWP_ERR_MALFORMED;
    }
    if ((uint32_t)n > u->imageSize - u->nextOffset) {
        return SWP_ERR_SIZE;
    }
    const uint32_t at = u->nextOffset - u->tailLen;
    const swp_status st = write_aligned(u, at, u->tailLen + (uint32_t)n);
    if (st != SWP_OK) {
        return st;
    }
    swh_sha256_update(&u->sha, s_work + (u->nextOffset - at), (size_t)n);
    swp_lz_history_append(&s_history, s_work + (u->nextOffset - at), (size_t)n);
    u->nextOffset += (uint32_t)n;
    *nextOffset = u->nextOffset;
    return SWP_OK;
}

static int read_slot(void *ctx, uint32_t off, uint8_t *dst, uint32_t len)
{
    return swh_flash_area_read((const swh_flash_area *)ctx, off, dst, len);
}

swp_status swh_update_end(swh_update *u)
{
    if (!u->active) {
        return SWP_ERR_STATE;
    }
    if (u->verified) {
        return SWP_OK;
    }
    if (u->nextOffset != u->imageSize) {
        return SWP_ERR_OFFSET;
    }
    if (u->tailLen > 0) {
        memset(s_work, 0xFF, SWH_FLASH_ALIGN);
        memcpy(s_work, u->tail, u->tailLen);
        if (swh_flash_area_write(target_area(u), u->imageSize - u->tailLen, s_work,
                                 SWH_FLASH_ALIGN) != 0) {
            return SWP_ERR_FLASH_IO;
        }
        u->tailLen = 0;
    }
    uint8_t digest[32];
    swh_sha256_final(&u->sha, digest);
    if (memcmp(digest, u->expectedSha, 32) != 0) {
        u->active = 0; /* start over: the bytes on flash are not the announced image */
        return SWP_ERR_HASH;
    }
    swh_boot_state boot;
    swh_boot_inspect(&boot); /* the floor: log and every valid confirmed slot */
    swh_image_header header;
    const swp_status st = swh_image_verify(read_slot, (void *)target_area(u), u->imageSize,
                                           swh_firmware_public_key, boot.versionFloor, &header);
    if (st != SWP_OK) {
        u->active = 0;
        return st;
    }
    u->verified = 1;
    u->version = header.version;
    return SWP_OK;
}

swp_status swh_update_activate(swh_update *u)
{
    if (!u->verified) {
        return SWP_ERR_STATE;
    }
    return swh_boot_mark_pending(u->slot) == 0 ? SWP_OK : SWP_ERR_FLASH_IO;
}
