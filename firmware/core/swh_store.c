#include "firmware/core/swh_store.h"

#include <string.h>

#include "firmware/port/swh_flash_area.h"
#include "firmware/protocol/swp_crc32.h"

#define STORE_MAGIC 0x32575354u    /* "TSW2": record format 2 (with the ledger domain) */
#define STORE_MAGIC_V1 0x53575354u /* "TSWS": format 1, firmware 1.0 */
#define RECORD_BYTES ((sizeof(swh_persistent) + SWH_FLASH_ALIGN - 1) / SWH_FLASH_ALIGN * SWH_FLASH_ALIGN)

/* Format 1 is format 2 without the ledger domain: the same fields up to config[], then crc. */
typedef struct persistent_v1 {
    uint32_t magic;
    uint32_t seq;
    uint32_t provisioned;
    uint32_t identityValid;
    uint32_t rucheId;
    uint32_t alveoleId;
    swh_lorawan_session lora;
    uint8_t identitySecret[32];
    int32_t config[SWH_CFG_KEY_COUNT];
    uint32_t crc;
} persistent_v1;

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
    swh_ledger_domain_demo(&s->ledger);
}

static uint32_t record_crc(const swh_persistent *s)
{
    return swp_crc32((const uint8_t *)s, offsetof(swh_persistent, crc));
}

/* A format-1 record of the sector, converted (demo ledger domain). */
static int read_record_v1(uint32_t sector, swh_persistent *s)
{
    const swh_flash_area *fa = swh_flash_area_get(SWH_AREA_CONFIG);
    persistent_v1 old;
    if (swh_flash_area_read(fa, sector * SWH_FLASH_SECTOR_SIZE, &old, sizeof old) != 0 ||
        old.magic != STORE_MAGIC_V1 ||
        old.crc != swp_crc32((const uint8_t *)&old, offsetof(persistent_v1, crc))) {
        return -1;
    }
    swh_store_defaults(s);
    s->seq = old.seq;
    s->provisioned = old.provisioned;
    s->identityValid = old.identityValid;
    s->rucheId = old.rucheId;
    s->alveoleId = old.alveoleId;
    s->lora = old.lora;
    memcpy(s->identitySecret, old.identitySecret, sizeof old.identitySecret);
    memcpy(s->config, old.config, sizeof old.config);
    memset(&old, 0, sizeof old);
    return 0;
}

static int read_record(uint32_t sector, swh_persistent *s)
{
    const swh_flash_area *fa = swh_flash_area_get(SWH_AREA_CONFIG);
    if (swh_flash_area_read(fa, sector * SWH_FLASH_SECTOR_SIZE, s, sizeof *s) != 0) {
        return -1;
    }
    if (s->magic == STORE_MAGIC && s->crc == record_crc(s)) {
        return 0;
    }
    return read_record_v1(sector, s);
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
