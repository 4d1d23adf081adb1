/* The only door to flash, after MCUboot's flash_area API: boot and core read, write and
 * erase flash areas through these calls, implemented once per board in port/<board>. The
 * host port (port/host) can cut power before any write or erase, which makes the power-cut
 * tests of firmware/boot cheap and exhaustive.
 *
 * Semantics are those of NOR flash: erase sets a sector to 0xFF; a write may only clear
 * bits (the host simulation ANDs, so a second write of a word cannot set bits back); writes
 * are SWH_FLASH_ALIGN-aligned and each aligned word is atomic with respect to power loss. */
#ifndef SWH_FLASH_AREA_H
#define SWH_FLASH_AREA_H
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SWH_FLASH_SECTOR_SIZE 0x1000u
#define SWH_FLASH_ALIGN 4u
/* Bytes of the board's flash used by the layout below (QEMU's file-backed region is 16 MiB). */
#define SWH_FLASH_USED_SIZE 0x100000u

typedef enum swh_area_id {
    SWH_AREA_BOOT_STATE = 0, /* version floor log, written by boot */
    SWH_AREA_CONFIG = 1,     /* provisioning and settings, two sectors (core/swh_store) */
    SWH_AREA_SLOT_A = 2,
    SWH_AREA_SLOT_B = 3,
    SWH_AREA_COUNT = 4
} swh_area_id;

typedef struct swh_flash_area {
    uint8_t id;
    uint32_t offset; /* from the start of the board's flash */
    uint32_t size;
} swh_flash_area;

/* The board layout, the same on every port (offsets into the flash device). */
#define SWH_LAYOUT_BOOT_STATE_OFFSET 0x000000u
#define SWH_LAYOUT_BOOT_STATE_SIZE 0x1000u
#define SWH_LAYOUT_CONFIG_OFFSET 0x001000u
#define SWH_LAYOUT_CONFIG_SIZE 0x2000u
#define SWH_LAYOUT_SLOT_A_OFFSET 0x010000u
#define SWH_LAYOUT_SLOT_B_OFFSET 0x058000u
#define SWH_LAYOUT_SLOT_SIZE 0x44000u /* 272 KiB: header, 256 KiB payload max, trailer sector */

/* NULL for an unknown id. */
const swh_flash_area *swh_flash_area_get(uint8_t id);
/* All return 0 on success, a negative value on a bad range or a (simulated) power loss. */
int swh_flash_area_read(const swh_flash_area *fa, uint32_t off, void *dst, uint32_t len);
int swh_flash_area_write(const swh_flash_area *fa, uint32_t off, const void *src, uint32_t len);
int swh_flash_area_erase(const swh_flash_area *fa, uint32_t off, uint32_t len);

#ifdef __cplusplus
}
#endif
#endif
