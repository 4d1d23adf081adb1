#include "firmware/core/swh_zcl.h"

#include <string.h>

void swh_zcl_init_demo(swh_zcl_model *m)
{
    static const swh_appliance kDemo[] = {
        {"fridge", 150, SWH_PRIORITY_CRITICAL, 1, 0, 0},
        {"heat pump", 2000, SWH_PRIORITY_COMFORT, 1, 0, 0},
        {"EV charger", 7400, SWH_PRIORITY_DEFERRABLE, 0, 0, 0},
        {"washing machine", 2000, SWH_PRIORITY_DEFERRABLE, 0, 0, 0},
    };
    memset(m, 0, sizeof *m);
    m->count = (uint8_t)(sizeof kDemo / sizeof kDemo[0]);
    memcpy(m->appliances, kDemo, sizeof kDemo);
}

int32_t swh_zcl_appliance_power_w(const swh_appliance *a)
{
    return a->requested && !a->shed ? a->ratedPowerW : 0;
}

static void set_value(swp_zcl_value *r, uint8_t type, int64_t value)
{
    r->status = SWH_ZCL_STATUS_SUCCESS;
    r->dataType = type;
    r->valueHigh = (int32_t)(value >> 32);
    r->valueLow = (uint32_t)value;
}

static void read_meter(const swh_zcl_model *m, uint16_t attr, swp_zcl_value *r)
{
    switch (attr) {
    case SWH_ZCL_ATTR_SUMMATION_DELIVERED: set_value(r, SWH_ZCL_TYPE_UINT48, m->importJ / 3600); break;
    case SWH_ZCL_ATTR_SUMMATION_RECEIVED: set_value(r, SWH_ZCL_TYPE_UINT48, m->exportJ / 3600); break;
    case SWH_ZCL_ATTR_MULTIPLIER: set_value(r, SWH_ZCL_TYPE_UINT24, 1); break;
    case SWH_ZCL_ATTR_DIVISOR: set_value(r, SWH_ZCL_TYPE_UINT24, 1000); break; /* Wh -> kWh */
    case SWH_ZCL_ATTR_INSTANTANEOUS_DEMAND: set_value(r, SWH_ZCL_TYPE_INT24, m->gridW); break;
    default: r->status = SWH_ZCL_STATUS_UNSUPPORTED_ATTRIBUTE; break;
    }
}

static void read_appliance(const swh_appliance *a, uint16_t cluster, uint16_t attr,
                           swp_zcl_value *r)
{
    const int32_t powerW = swh_zcl_appliance_power_w(a);
    r->status = SWH_ZCL_STATUS_UNSUPPORTED_ATTRIBUTE;
    if (cluster == SWH_ZCL_CLUSTER_ON_OFF) {
        if (attr == SWH_ZCL_ATTR_ON_OFF) set_value(r, SWH_ZCL_TYPE_BOOL, powerW > 0);
    } else if (cluster == SWH_ZCL_CLUSTER_ELECTRICAL) {
        if (attr == SWH_ZCL_ATTR_ACTIVE_POWER) set_value(r, SWH_ZCL_TYPE_INT16, powerW);
    } else if (cluster == SWH_ZCL_CLUSTER_METERING) {
        if (attr == SWH_ZCL_ATTR_SUMMATION_DELIVERED) set_value(r, SWH_ZCL_TYPE_UINT48, a->energyJ / 3600);
        else if (attr == SWH_ZCL_ATTR_INSTANTANEOUS_DEMAND) set_value(r, SWH_ZCL_TYPE_INT24, powerW);
        else if (attr == SWH_ZCL_ATTR_MULTIPLIER) set_value(r, SWH_ZCL_TYPE_UINT24, 1);
        else if (attr == SWH_ZCL_ATTR_DIVISOR) set_value(r, SWH_ZCL_TYPE_UINT24, 1000);
    } else {
        r->status = SWH_ZCL_STATUS_UNSUPPORTED_CLUSTER;
    }
}

void swh_zcl_read(const swh_zcl_model *m, const swp_zcl_read *q, swp_zcl_value *r)
{
    memset(r, 0, sizeof *r);
    r->endpoint = q->endpoint;
    r->clusterId = q->clusterId;
    r->attributeId = q->attributeId;
    if (q->endpoint == SWH_ZCL_METER_ENDPOINT) {
        if (q->clusterId == SWH_ZCL_CLUSTER_METERING) {
            read_meter(m, q->attributeId, r);
        } else {
            r->status = SWH_ZCL_STATUS_UNSUPPORTED_CLUSTER;
        }
    } else if (q->endpoint >= 1 && q->endpoint <= m->count) {
        read_appliance(&m->appliances[q->endpoint - 1], q->clusterId, q->attributeId, r);
    } else {
        r->status = SWH_ZCL_STATUS_NOT_FOUND;
    }
}

uint8_t swh_zcl_command(swh_zcl_model *m, const swp_zcl_command *c)
{
    if (c->endpoint < 1 || c->endpoint > m->count) {
        return SWH_ZCL_STATUS_NOT_FOUND;
    }
    if (c->clusterId != SWH_ZCL_CLUSTER_ON_OFF) {
        return SWH_ZCL_STATUS_UNSUPPORTED_CLUSTER;
    }
    swh_appliance *a = &m->appliances[c->endpoint - 1];
    switch (c->commandId) {
    case 0: a->requested = 0; break;
    case 1: a->requested = 1; break;
    case 2: a->requested = !a->requested; break;
    default: return SWH_ZCL_STATUS_UNSUP_COMMAND;
    }
    return SWH_ZCL_STATUS_SUCCESS;
}
