/* A Zigbee-like attribute model (ZCL, Zigbee Cluster Library rev. 6, chapters 3.8 On/Off,
 * 4.9 Electrical Measurement, 10.4 Metering) over simulated appliances: each appliance is an
 * endpoint (1..n) with On/Off 0x0006, Electrical Measurement 0x0B04 and Metering 0x0702;
 * endpoint 10 is the household meter (Metering only). Attribute ids, data types and status
 * codes are ZCL's; the transport is the hub link (ZCL_READ / ZCL_COMMAND), not 802.15.4. */
#ifndef SWH_ZCL_H
#define SWH_ZCL_H
#include <stdint.h>

#include "firmware/core/swh_decision.h"
#include "firmware/protocol/swp_messages.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SWH_ZCL_CLUSTER_ON_OFF 0x0006u
#define SWH_ZCL_CLUSTER_METERING 0x0702u
#define SWH_ZCL_CLUSTER_ELECTRICAL 0x0B04u
#define SWH_ZCL_ATTR_ON_OFF 0x0000u
#define SWH_ZCL_ATTR_SUMMATION_DELIVERED 0x0000u
#define SWH_ZCL_ATTR_SUMMATION_RECEIVED 0x0001u
#define SWH_ZCL_ATTR_MULTIPLIER 0x0301u
#define SWH_ZCL_ATTR_DIVISOR 0x0302u
#define SWH_ZCL_ATTR_INSTANTANEOUS_DEMAND 0x0400u
#define SWH_ZCL_ATTR_ACTIVE_POWER 0x050Bu
#define SWH_ZCL_STATUS_SUCCESS 0x00u
#define SWH_ZCL_STATUS_UNSUP_COMMAND 0x81u
#define SWH_ZCL_STATUS_UNSUPPORTED_ATTRIBUTE 0x86u
#define SWH_ZCL_STATUS_NOT_FOUND 0x8Bu
#define SWH_ZCL_STATUS_UNSUPPORTED_CLUSTER 0xC3u
#define SWH_ZCL_TYPE_BOOL 0x10u
#define SWH_ZCL_TYPE_UINT24 0x22u
#define SWH_ZCL_TYPE_UINT48 0x25u
#define SWH_ZCL_TYPE_INT16 0x29u
#define SWH_ZCL_TYPE_INT24 0x2Au
#define SWH_ZCL_METER_ENDPOINT 10u

typedef struct swh_appliance {
    const char *name;
    int32_t ratedPowerW;
    uint8_t priority;  /* swh_priority */
    uint8_t requested; /* On/Off as the user (or the ruche) set it */
    uint8_t shed;      /* switched off by the hub's shedding */
    int64_t energyJ;   /* delivered energy, for Metering summation */
} swh_appliance;

typedef struct swh_zcl_model {
    uint8_t count;
    swh_appliance appliances[SWH_MAX_APPLIANCES];
    int64_t importJ; /* household meter totals */
    int64_t exportJ;
    int32_t gridW;
} swh_zcl_model;

/* Fridge (critical), heat pump (comfort), EV charger and washing machine (deferrable). */
void swh_zcl_init_demo(swh_zcl_model *model);
/* Fills the reply for one attribute; the status tells whether it exists. */
void swh_zcl_read(const swh_zcl_model *model, const swp_zcl_read *request, swp_zcl_value *reply);
/* On/Off commands 0 off, 1 on, 2 toggle. Returns a ZCL status. */
uint8_t swh_zcl_command(swh_zcl_model *model, const swp_zcl_command *command);
/* The appliance's instantaneous power (0 when off or shed). */
int32_t swh_zcl_appliance_power_w(const swh_appliance *appliance);

#ifdef __cplusplus
}
#endif
#endif
