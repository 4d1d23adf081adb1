/* Persistent hub state in the CONFIG flash area: two sectors written alternately, each record
 * carrying a sequence number and a CRC-32, so a power cut during a save leaves the previous
 * record intact (the torn one fails its CRC). */
#ifndef SWH_STORE_H
#define SWH_STORE_H
#include <stdint.h>

#include "firmware/core/swh_lorawan.h"
#include "firmware/core/swh_meter.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum swh_config_key {
    SWH_CFG_BATTERY_CAPACITY_WH = 1,
    SWH_CFG_BATTERY_MAX_CHARGE_W = 2,
    SWH_CFG_BATTERY_MAX_DISCHARGE_W = 3,
    SWH_CFG_SOC_MIN_PERMILLE = 4,
    SWH_CFG_SOC_MAX_PERMILLE = 5,
    SWH_CFG_SETPOINT_TIMEOUT_S = 6,
    SWH_CFG_FALLBACK_IMPORT_LIMIT_W = 7,
    SWH_CFG_TELEMETRY_PERIOD_S = 8,
    SWH_CFG_SOC_PERMILLE = 9, /* runtime only: the simulated battery's state of charge */
    SWH_CFG_KEY_COUNT = 10    /* keys are 1..9 */
} swh_config_key;

typedef struct swh_persistent {
    uint32_t magic;
    uint32_t seq;
    uint32_t provisioned;
    uint32_t identityValid;
    uint32_t rucheId;
    uint32_t alveoleId;
    swh_lorawan_session lora;
    uint8_t identitySecret[32]; /* never leaves the hub: no message carries it */
    int32_t config[SWH_CFG_KEY_COUNT];
    /* Record format 2: the ledger the readings are signed for (provisioning sets it; a
     * format-1 record written by firmware 1.0 loads with the demo domain). */
    swh_ledger_domain ledger;
    uint32_t crc;
} swh_persistent;

/* Defaults for every configuration key. */
void swh_store_defaults(swh_persistent *state);
/* Loads the newest valid record (format 2, else a format-1 record of firmware 1.0, migrated:
 * identity and provisioning kept, demo ledger domain); 0 when found, -1 when flash holds none
 * (defaults then). */
int swh_store_load(swh_persistent *state);
/* Saves to the older sector with seq + 1. 0 on success. */
int swh_store_save(swh_persistent *state);
/* Checks a value for a key; 0 when allowed. */
int swh_config_check(uint16_t key, int32_t value);

#ifdef __cplusplus
}
#endif
#endif
