#include "firmware/core/swh_store.h"

#include <string.h>

#include "firmware/port/swh_flash_area.h"
#include "firmware/protocol/swp_crc32.h"

#define STORE_MAGIC 0x53575354u /* "TSWS" */
#define RECORD_BYTES ((sizeof(swh_persistent) + SWH_FLASH_ALIGN - 1) / SWH_FLASH_ALIGN * SWH_FLASH_ALIGN)

typedef struct key_range {
    int32_t defaultValue, min, max;
} key_range;

static const key_range kRanges[SWH_CFG_KEY_COUNT] = {
    {0, 0, 0},                 /* unused key 0 */
    {10000, 100, 1000000},     /* battery capacity Wh */
    {5000, 0, 100000},         /* max charge W */
    {5000, 0, 100000},         /* max discharge W */
    {100, 0, 1000},            /* SoC min permille */
    {950, 0, 1000},            /* SoC max permille */
    {900, 1, 86400},           /* setpoint timeout s */
    {9000, 0, 1000000},        /* fallback import limit W (0 = none) */
    {0, 0, 3600},              /* telemetry period s (0 = off) */
    {500, 0, 1000},            /* SoC permille (runtime) */
};

int swh_config_check(uint16_t key, int32_t value)
{
    if (key == 0 || key >= SWH_CFG_KEY_COUNT) {
        return -1;
    }
    return value >= kRanges[key].min && value <= kRanges[key].max ? 0 : -2;
}

void swh_store_defaults(swh_persistent *s)
{
    memset(s, 0, sizeof *s);
    s->magic = STORE_MAGIC;
    for (int k = 1; k < SWH_CFG_KEY_COUNT; ++k) {
        s->config[k] = kRanges[k].defaultValue;
    }
}

static uint32_t record_crc(const swh_persistent *s)
{
    return swp_crc32((const uint8_t *)s, offsetof(swh_persistent, crc));
}

static int read_record(uint32_t sector, swh_persistent *s)
{
    const swh_flash_area *fa = swh_flash_area_get(SWH_AREA_CONFIG);
    if (swh_flash_area_read(fa, sector * SWH_FLASH_SECTOR_SIZE, s, sizeof *s) != 0) {
        return -1;
    }
    return s->magic == STORE_MAGIC && s->crc == record_crc(s) ? 0 : -1;
}

int swh_store_load(swh_persistent *state)
{
    swh_persistent a, b;
    const int okA = read_record(0, &a) == 0;
    const int okB = read_record(1, &b) == 0;
    if (!okA && !okB) {
        swh_store_defaults(state);
        return -1;
    }
    *state = (okA && (!okB || a.seq > b.seq)) ? a : b;
    return 0;
}

int swh_store_save(swh_persistent *state)
{
    swh_persistent a, b;
    const int okA = read_record(0, &a) == 0;
    const int okB = read_record(1, &b) == 0;
    /* Write over the sector that does not hold the newest valid record. */
    const uint32_t sector = (okA && (!okB || a.seq > b.seq)) ? 1u : 0u;
    const uint32_t newest = okA && okB ? (a.seq > b.seq ? a.seq : b.seq) : (okA ? a.seq : (okB ? b.seq : 0));
    state->magic = STORE_MAGIC;
    state->seq = newest + 1;
    state->crc = record_crc(state);
    uint8_t record[RECORD_BYTES];
    memset(record, 0xFF, sizeof record);
    memcpy(record, state, sizeof *state);
    const swh_flash_area *fa = swh_flash_area_get(SWH_AREA_CONFIG);
    if (swh_flash_area_erase(fa, sector * SWH_FLASH_SECTOR_SIZE, SWH_FLASH_SECTOR_SIZE) != 0 ||
        swh_flash_area_write(fa, sector * SWH_FLASH_SECTOR_SIZE, record, sizeof record) != 0) {
        return -1;
    }
    return 0;
}
