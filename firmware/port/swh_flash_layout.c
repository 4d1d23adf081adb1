/* The flash layout table shared by every port (see swh_flash_area.h). */
#include "firmware/port/swh_flash_area.h"

#include <stddef.h>

static const swh_flash_area kAreas[SWH_AREA_COUNT] = {
    {SWH_AREA_BOOT_STATE, SWH_LAYOUT_BOOT_STATE_OFFSET, SWH_LAYOUT_BOOT_STATE_SIZE},
    {SWH_AREA_CONFIG, SWH_LAYOUT_CONFIG_OFFSET, SWH_LAYOUT_CONFIG_SIZE},
    {SWH_AREA_SLOT_A, SWH_LAYOUT_SLOT_A_OFFSET, SWH_LAYOUT_SLOT_SIZE},
    {SWH_AREA_SLOT_B, SWH_LAYOUT_SLOT_B_OFFSET, SWH_LAYOUT_SLOT_SIZE},
};

const swh_flash_area *swh_flash_area_get(uint8_t id)
{
    return id < SWH_AREA_COUNT ? &kAreas[id] : NULL;
}

#include "firmware/port/swh_flash_device.h"

static int in_range(const swh_flash_area *fa, uint32_t off, uint32_t len)
{
    return fa != NULL && off <= fa->size && len <= fa->size - off;
}

int swh_flash_area_read(const swh_flash_area *fa, uint32_t off, void *dst, uint32_t len)
{
    if (!in_range(fa, off, len)) {
        return -1;
    }
    return swh_flash_device_read(fa->offset + off, dst, len);
}

int swh_flash_area_write(const swh_flash_area *fa, uint32_t off, const void *src, uint32_t len)
{
    if (!in_range(fa, off, len) || off % SWH_FLASH_ALIGN != 0 || len % SWH_FLASH_ALIGN != 0) {
        return -1;
    }
    return swh_flash_device_write(fa->offset + off, src, len);
}

int swh_flash_area_erase(const swh_flash_area *fa, uint32_t off, uint32_t len)
{
    if (!in_range(fa, off, len) || off % SWH_FLASH_SECTOR_SIZE != 0 ||
        len % SWH_FLASH_SECTOR_SIZE != 0) {
        return -1;
    }
    return swh_flash_device_erase(fa->offset + off, len);
}
