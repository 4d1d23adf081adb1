#include "firmware/port/host/swh_flash_sim.h"

#include <string.h>

#include "firmware/port/swh_flash_area.h"
#include "firmware/port/swh_flash_device.h"

static uint8_t *s_memory;
static size_t s_size;
static long s_budget = -1;
static int s_powerLost;
static long s_operations;

void swh_flash_sim_attach(uint8_t *memory, size_t size)
{
    s_memory = memory;
    s_size = size;
}

void swh_flash_sim_erase_all(void)
{
    memset(s_memory, 0xFF, s_size);
}

void swh_flash_sim_set_budget(long budget)
{
    s_budget = budget;
    s_powerLost = 0;
}

int swh_flash_sim_power_lost(void)
{
    return s_powerLost;
}

long swh_flash_sim_operations(void)
{
    return s_operations;
}

void swh_flash_sim_reset_operations(void)
{
    s_operations = 0;
}

/* One unit of the budget; 0 when power is (now) lost. */
static int spend(void)
{
    if (s_powerLost) {
        return 0;
    }
    if (s_budget == 0) {
        s_powerLost = 1;
        return 0;
    }
    if (s_budget > 0) {
        --s_budget;
    }
    ++s_operations;
    return 1;
}

static int in_device(uint32_t addr, uint32_t len)
{
    return s_memory != NULL && addr <= s_size && len <= s_size - addr;
}

int swh_flash_device_read(uint32_t addr, void *dst, uint32_t len)
{
    if (!in_device(addr, len)) {
        return -1;
    }
    memcpy(dst, s_memory + addr, len);
    return 0;
}

int swh_flash_device_write(uint32_t addr, const void *src, uint32_t len)
{
    if (!in_device(addr, len)) {
        return -1;
    }
    const uint8_t *bytes = (const uint8_t *)src;
    for (uint32_t i = 0; i < len; i += SWH_FLASH_ALIGN) {
        if (!spend()) {
            return -2;
        }
        for (uint32_t k = 0; k < SWH_FLASH_ALIGN; ++k) {
            s_memory[addr + i + k] &= bytes[i + k]; /* NOR: bits only go from 1 to 0 */
        }
    }
    return 0;
}

int swh_flash_device_erase(uint32_t addr, uint32_t len)
{
    if (!in_device(addr, len)) {
        return -1;
    }
    for (uint32_t i = 0; i < len; i += SWH_FLASH_SECTOR_SIZE) {
        if (!spend()) {
            return -2;
        }
        memset(s_memory + addr + i, 0xFF, SWH_FLASH_SECTOR_SIZE);
    }
    return 0;
}
