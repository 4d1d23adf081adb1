/* What a port provides under swh_flash_area (port/swh_flash_common.c does the range checks
 * and alignment; the device only touches memory). */
#ifndef SWH_FLASH_DEVICE_H
#define SWH_FLASH_DEVICE_H
#include <stdint.h>

int swh_flash_device_read(uint32_t addr, void *dst, uint32_t len);
/* addr and len are SWH_FLASH_ALIGN-aligned. */
int swh_flash_device_write(uint32_t addr, const void *src, uint32_t len);
/* addr and len are SWH_FLASH_SECTOR_SIZE-aligned. */
int swh_flash_device_erase(uint32_t addr, uint32_t len);

#endif
