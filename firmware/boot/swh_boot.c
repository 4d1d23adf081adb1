#include "firmware/boot/swh_boot.h"

#include <string.h>

#include "firmware/port/swh_flash_area.h"

/* Trailer word offsets inside the slot's last sector. */
#define TRAILER_OFFSET (SWH_LAYOUT_SLOT_SIZE - SWH_FLASH_SECTOR_SIZE)
#define TR_PENDING 0u
#define TR_TRIED 4u
#define TR_CONFIRM_SEQ 8u
#define TR_CONFIRMED 12u
#define FLOOR_ENTRY_SIZE 8u
#define WORD_ERASED 0xFFFFFFFFu

uint8_t swh_boot_slot_area(int slot)
{
    return slot == 0 ? SWH_AREA_SLOT_A : SWH_AREA_SLOT_B;
}

static const swh_flash_area *slot_area(int slot)
{
    return swh_flash_area_get(swh_boot_slot_area(slot));
}

static uint32_t read_word(const swh_flash_area *fa, uint32_t off)
{
    uint32_t v = WORD_ERASED;
    if (swh_flash_area_read(fa, off, &v, sizeof v) != 0) {
        return WORD_ERASED;
    }
    return v;
}

static int write_word(const swh_flash_area *fa, uint32_t off, uint32_t v)
{
    return swh_flash_area_write(fa, off, &v, sizeof v) == 0 ? 0 : -2;
}

static int read_slot(void *ctx, uint32_t off, uint8_t *dst, uint32_t len)
{
    return swh_flash_area_read((const swh_flash_area *)ctx, off, dst, len);
}

/* The floor log: entries (version, ~version); torn or erased entries do not count. */
static uint32_t floor_from_log(uint32_t *freeOffset)
{
    const swh_flash_area *fa = swh_flash_area_get(SWH_AREA_BOOT_STATE);
    uint32_t floor = 0;
    *freeOffset = WORD_ERASED;
    for (uint32_t off = 0; off + FLOOR_ENTRY_SIZE <= fa->size; off += FLOOR_ENTRY_SIZE) {
        const uint32_t v = read_word(fa, off);
        const uint32_t check = read_word(fa, off + 4);
        if (v == WORD_ERASED && check == WORD_ERASED) {
            if (*freeOffset == WORD_ERASED) {
                *freeOffset = off;
            }
            continue;
        }
        if (check == ~v && v > floor) {
            floor = v;
        }
    }
    return floor;
}

uint32_t swh_boot_version_floor(void)
{
    uint32_t freeOffset;
    return floor_from_log(&freeOffset);
}

/* Appends version to the log when it raises the floor; a full log keeps the old floor. */
static int raise_floor(uint32_t version)
{
    uint32_t freeOffset;
    if (version <= floor_from_log(&freeOffset) || freeOffset == WORD_ERASED) {
        return 0;
    }
    const swh_flash_area *fa = swh_flash_area_get(SWH_AREA_BOOT_STATE);
    if (write_word(fa, freeOffset, version) != 0) {
        return -2;
    }
    return write_word(fa, freeOffset + 4, ~version);
}

static void inspect_slot(int slot, swh_slot_state *s)
{
    const swh_flash_area *fa = slot_area(slot);
    memset(s, 0, sizeof *s);
    s->status = (uint8_t)swh_image_verify(read_slot, (void *)fa, SWH_SLOT_IMAGE_CAPACITY,
                                          swh_firmware_public_key, 0, &s->header);
    s->pending = read_word(fa, TRAILER_OFFSET + TR_PENDING) == SWH_TRAILER_PENDING;
    s->tried = read_word(fa, TRAILER_OFFSET + TR_TRIED) == SWH_TRAILER_TRIED;
    s->confirmed = read_word(fa, TRAILER_OFFSET + TR_CONFIRMED) == SWH_TRAILER_CONFIRMED;
    s->confirmSeq = s->confirmed ? read_word(fa, TRAILER_OFFSET + TR_CONFIRM_SEQ) : 0;
}

static int is_valid(const swh_slot_state *s)
{
    return s->status == SWP_OK;
}

/* The later of two confirmed slots: higher version, then the later confirmation. */
static int better_confirmed(const swh_slot_state *a, const swh_slot_state *b)
{
    if (a->header.version != b->header.version) {
        return a->header.version > b->header.version;
    }
    return a->confirmSeq > b->confirmSeq;
}

void swh_boot_inspect(swh_boot_state *state)
{
    memset(state, 0, sizeof *state);
    state->bootSlot = -1;
    state->versionFloor = swh_boot_version_floor();
    for (int i = 0; i < SWH_SLOT_COUNT; ++i) {
        inspect_slot(i, &state->slots[i]);
        const swh_slot_state *s = &state->slots[i];
        if (is_valid(s) && s->confirmed && s->header.version > state->versionFloor) {
            state->versionFloor = s->header.version;
        }
    }
    /* Apply the floor: anything below it is a downgrade and never boots. */
    for (int i = 0; i < SWH_SLOT_COUNT; ++i) {
        swh_slot_state *s = &state->slots[i];
        if (is_valid(s) && s->header.version < state->versionFloor) {
            s->status = SWP_ERR_IMAGE_DOWNGRADE;
        }
    }
    for (int i = 0; i < SWH_SLOT_COUNT; ++i) {
        const swh_slot_state *s = &state->slots[i];
        if (is_valid(s) && s->pending && !s->tried && !s->confirmed) {
            state->bootSlot = i;
            state->testBoot = 1;
            return;
        }
    }
    for (int i = 0; i < SWH_SLOT_COUNT; ++i) {
        const swh_slot_state *s = &state->slots[i];
        if (!is_valid(s)) {
            continue;
        }
        if (s->confirmed &&
            (state->bootSlot < 0 || better_confirmed(s, &state->slots[state->bootSlot]))) {
            state->bootSlot = i;
        }
    }
}

int swh_boot_select(swh_boot_state *state)
{
    swh_boot_inspect(state);
    if (state->bootSlot < 0) {
        return -1;
    }
    const swh_slot_state *s = &state->slots[state->bootSlot];
    if (state->testBoot) {
        /* Tried before booting: a test image that dies before confirming is never retried. */
        return write_word(slot_area(state->bootSlot), TRAILER_OFFSET + TR_TRIED,
                          SWH_TRAILER_TRIED);
    }
    return raise_floor(s->header.version);
}

int swh_boot_mark_pending(int slot)
{
    swh_slot_state s;
    inspect_slot(slot, &s);
    if (s.status != SWP_OK) {
        return -1;
    }
    return write_word(slot_area(slot), TRAILER_OFFSET + TR_PENDING, SWH_TRAILER_PENDING);
}

static uint32_t next_confirm_seq(int slot)
{
    swh_slot_state other;
    inspect_slot(1 - slot, &other);
    return other.confirmed && other.confirmSeq != WORD_ERASED ? other.confirmSeq + 1 : 1;
}

int swh_boot_confirm(int slot)
{
    const swh_flash_area *fa = slot_area(slot);
    if (read_word(fa, TRAILER_OFFSET + TR_CONFIRMED) != SWH_TRAILER_CONFIRMED) {
        /* Sequence first, the confirmed word last: that last word is the commit. */
        if (write_word(fa, TRAILER_OFFSET + TR_CONFIRM_SEQ, next_confirm_seq(slot)) != 0 ||
            write_word(fa, TRAILER_OFFSET + TR_CONFIRMED, SWH_TRAILER_CONFIRMED) != 0) {
            return -2;
        }
    }
    swh_slot_state s;
    inspect_slot(slot, &s);
    return s.status == SWP_OK ? raise_floor(s.header.version) : -1;
}

int swh_boot_install(int slot, const uint8_t *image, uint32_t len)
{
    const swh_flash_area *fa = slot_area(slot);
    if (len > SWH_SLOT_IMAGE_CAPACITY) {
        return -1;
    }
    if (swh_flash_area_erase(fa, 0, fa->size) != 0) {
        return -2;
    }
    uint8_t word[SWH_FLASH_ALIGN];
    const uint32_t aligned = len - len % SWH_FLASH_ALIGN;
    if (aligned > 0 && swh_flash_area_write(fa, 0, image, aligned) != 0) {
        return -2;
    }
    if (aligned < len) {
        memset(word, 0xFF, sizeof word);
        memcpy(word, image + aligned, len - aligned);
        if (swh_flash_area_write(fa, aligned, word, sizeof word) != 0) {
            return -2;
        }
    }
    return swh_boot_confirm(slot);
}
