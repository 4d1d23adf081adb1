/* A/B boot state after MCUboot: each slot's last sector is a trailer of write-once words
 * (pending, tried, confirm sequence, confirmed); the boot-state area holds an append-only
 * log of the version floor. Every decision reads flash afresh, and every state change is a
 * single aligned word write, so a power cut at any instant leaves a state that boots a
 * valid image (tests/firmware/tst_boot.cpp cuts power before every write to prove it).
 *
 * Boot rule (swh_boot_select):
 *   1. verify both slots (magic, header, size, SHA-256, signature; version >= floor);
 *   2. a valid slot marked pending and not yet tried: mark it tried, boot it (test boot);
 *   3. else the valid confirmed slot with the highest version (then the latest confirm);
 *   4. a slot tried but never confirmed is never booted again: that is the rollback.
 * The floor is the highest of the floor log and every valid confirmed slot's version; an
 * image below it is refused as a downgrade. */
#ifndef SWH_BOOT_H
#define SWH_BOOT_H
#include <stdint.h>

#include "firmware/boot/swh_image.h"
#include "firmware/port/swh_flash_area.h"
#include "firmware/protocol/swp_messages.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SWH_SLOT_COUNT 2
#define SWH_TRAILER_PENDING 0x474E4450u   /* "PDNG" */
#define SWH_TRAILER_TRIED 0x44454954u     /* "TIED" */
#define SWH_TRAILER_CONFIRMED 0x464E4F43u /* "CONF" */
/* Bytes of a slot an image may use: everything before the trailer sector. */
#define SWH_SLOT_IMAGE_CAPACITY (SWH_LAYOUT_SLOT_SIZE - SWH_FLASH_SECTOR_SIZE)

typedef struct swh_slot_state {
    uint8_t status;     /* swp_status of the image verification (SWP_OK = valid) */
    uint8_t pending;    /* a test boot was requested */
    uint8_t tried;      /* the test boot started */
    uint8_t confirmed;  /* the image confirmed itself */
    uint32_t confirmSeq;
    swh_image_header header; /* meaningful when status is SWP_OK or DOWNGRADE/SIGNATURE/HASH */
} swh_slot_state;

typedef struct swh_boot_state {
    int bootSlot;     /* slot to boot (0 = A, 1 = B), -1 when none is bootable */
    uint8_t testBoot; /* the boot slot runs on trial and must confirm */
    uint32_t versionFloor;
    swh_slot_state slots[SWH_SLOT_COUNT];
} swh_boot_state;

/* Reads and verifies everything, decides, and applies the writes the decision needs (mark
 * tried, raise the floor). Returns 0 when a slot is bootable, -1 when none is, -2 on a flash
 * error (power loss in the simulation). */
int swh_boot_select(swh_boot_state *state);
/* The same analysis without any write (for INFO and for tests). */
void swh_boot_inspect(swh_boot_state *state);

uint8_t swh_boot_slot_area(int slot);
uint32_t swh_boot_version_floor(void);
/* Requests a test boot of slot at the next reset. */
int swh_boot_mark_pending(int slot);
/* Confirms the running slot (one word write), then records its version in the floor log. */
int swh_boot_confirm(int slot);
/* Factory programming: erase slot, write image, confirm it. For tools and first start. */
int swh_boot_install(int slot, const uint8_t *image, uint32_t len);

#ifdef __cplusplus
}
#endif
#endif
