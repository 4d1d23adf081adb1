/* Local decisions of the hub, every time new measurements arrive:
 *   FOLLOW            the ruche's setpoint is fresh and the grid is up: battery follows it,
 *                     within its limits; above the import limit, discharge more, then shed;
 *   SELF_CONSUMPTION  no fresh setpoint: battery absorbs PV surplus and covers deficits;
 *   ISLANDED          grid lost: battery and PV serve the load alone, appliances are shed by
 *                     priority (deferrable, then comfort; critical never), PV is curtailed
 *                     when the battery cannot absorb the surplus.
 * In every mode the battery stays within its power limits and its state-of-charge window
 * (OpenEMS and evcc fall back the same way: plans never infeasible, shedding allowed). */
#ifndef SWH_DECISION_H
#define SWH_DECISION_H
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SWH_MAX_APPLIANCES 8

typedef enum swh_mode {
    SWH_MODE_FOLLOW = 0,
    SWH_MODE_SELF_CONSUMPTION = 1,
    SWH_MODE_ISLANDED = 2
} swh_mode;

typedef enum swh_priority {
    SWH_PRIORITY_CRITICAL = 0, /* never shed */
    SWH_PRIORITY_COMFORT = 1,
    SWH_PRIORITY_DEFERRABLE = 2 /* shed first */
} swh_priority;

typedef struct swh_battery {
    int64_t capacityJ;
    int64_t socJ; /* energy stored now */
    int32_t maxChargeW;
    int32_t maxDischargeW;
    uint16_t socMinPermille;
    uint16_t socMaxPermille;
} swh_battery;

typedef struct swh_decision_input {
    int32_t pvW;
    int32_t baseLoadW;
    uint8_t gridOk;
    uint8_t setpointFresh;
    int32_t setpointBatteryW; /* > 0 charge */
    int32_t importLimitW;     /* 0 = none */
    uint32_t horizonS;        /* how long the decision will hold (for the SoC window) */
    uint8_t applianceCount;
    int32_t appliancePowerW[SWH_MAX_APPLIANCES];
    uint8_t appliancePriority[SWH_MAX_APPLIANCES];
    uint8_t applianceRequested[SWH_MAX_APPLIANCES]; /* the user wants it on */
} swh_decision_input;

typedef struct swh_decision {
    uint8_t mode;
    int32_t batteryW;  /* > 0 charge */
    int32_t gridW;     /* > 0 import */
    int32_t pvUsedW;   /* after curtailment */
    int32_t loadW;     /* base load plus appliances left on */
    int32_t unservedW; /* islanded load nothing could serve (critical loads only) */
    uint32_t shedMask; /* bit i: appliance i switched off by shedding */
} swh_decision;

/* Largest charge and discharge power the battery accepts for horizonS seconds. */
int32_t swh_battery_max_charge_w(const swh_battery *battery, uint32_t horizonS);
int32_t swh_battery_max_discharge_w(const swh_battery *battery, uint32_t horizonS);
/* Applies batteryW for dtS seconds, clipped so the SoC stays in its window. Returns the
 * power actually applied. */
int32_t swh_battery_apply(swh_battery *battery, int32_t batteryW, uint32_t dtS);

swh_decision swh_decide(const swh_decision_input *in, const swh_battery *battery);

#ifdef __cplusplus
}
#endif
#endif
