#include "firmware/core/swh_decision.h"

static int64_t soc_limit_j(const swh_battery *b, uint16_t permille)
{
    return b->capacityJ * permille / 1000;
}

static int32_t min32(int64_t a, int64_t b)
{
    return (int32_t)(a < b ? a : b);
}

int32_t swh_battery_max_charge_w(const swh_battery *b, uint32_t horizonS)
{
    const int64_t room = soc_limit_j(b, b->socMaxPermille) - b->socJ;
    const uint32_t dt = horizonS > 0 ? horizonS : 1;
    return room <= 0 ? 0 : min32(b->maxChargeW, room / dt);
}

int32_t swh_battery_max_discharge_w(const swh_battery *b, uint32_t horizonS)
{
    const int64_t stored = b->socJ - soc_limit_j(b, b->socMinPermille);
    const uint32_t dt = horizonS > 0 ? horizonS : 1;
    return stored <= 0 ? 0 : min32(b->maxDischargeW, stored / dt);
}

int32_t swh_battery_apply(swh_battery *b, int32_t batteryW, uint32_t dtS)
{
    if (dtS == 0) {
        return batteryW;
    }
    int32_t w = batteryW;
    if (w > 0) {
        const int32_t maxW = swh_battery_max_charge_w(b, dtS);
        w = w < maxW ? w : maxW;
    } else if (w < 0) {
        const int32_t maxW = swh_battery_max_discharge_w(b, dtS);
        w = -w < maxW ? w : -maxW;
    }
    b->socJ += (int64_t)w * dtS;
    return w;
}

static int32_t clamp32(int32_t v, int32_t lo, int32_t hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

static int32_t appliance_load(const swh_decision_input *in, uint32_t shedMask)
{
    int32_t load = in->baseLoadW;
    for (uint8_t i = 0; i < in->applianceCount; ++i) {
        if (in->applianceRequested[i] && !(shedMask & (1u << i))) {
            load += in->appliancePowerW[i];
        }
    }
    return load;
}

/* Sheds one more appliance: the least important class first, the largest within it.
 * Returns 0 when nothing sheddable is left on. */
static int shed_one(const swh_decision_input *in, uint32_t *shedMask)
{
    for (int prio = SWH_PRIORITY_DEFERRABLE; prio > SWH_PRIORITY_CRITICAL; --prio) {
        int best = -1;
        for (uint8_t i = 0; i < in->applianceCount; ++i) {
            const int on = in->applianceRequested[i] && !(*shedMask & (1u << i));
            if (on && in->appliancePriority[i] == prio &&
                (best < 0 || in->appliancePowerW[i] > in->appliancePowerW[best])) {
                best = i;
            }
        }
        if (best >= 0) {
            *shedMask |= 1u << best;
            return 1;
        }
    }
    return 0;
}

/* Grid-connected: battery target, then discharge more and shed to respect the import limit. */
static void decide_connected(const swh_decision_input *in, int32_t target, int32_t maxCharge,
                             int32_t maxDischarge, swh_decision *d)
{
    d->batteryW = clamp32(target, -maxDischarge, maxCharge);
    d->loadW = appliance_load(in, 0);
    d->gridW = d->loadW + d->batteryW - in->pvW;
    if (in->importLimitW <= 0) {
        return;
    }
    while (d->gridW > in->importLimitW) {
        const int32_t excess = d->gridW - in->importLimitW;
        if (d->batteryW > -maxDischarge) {
            d->batteryW = clamp32(d->batteryW - excess, -maxDischarge, maxCharge);
        } else if (!shed_one(in, &d->shedMask)) {
            break;
        }
        d->loadW = appliance_load(in, d->shedMask);
        d->gridW = d->loadW + d->batteryW - in->pvW;
    }
}

static void decide_islanded(const swh_decision_input *in, int32_t maxCharge,
                            int32_t maxDischarge, swh_decision *d)
{
    d->loadW = appliance_load(in, 0);
    while (d->loadW - in->pvW > maxDischarge && shed_one(in, &d->shedMask)) {
        d->loadW = appliance_load(in, d->shedMask);
    }
    const int32_t need = d->loadW - in->pvW;
    if (need >= 0) {
        d->batteryW = -(need < maxDischarge ? need : maxDischarge);
        d->unservedW = need + d->batteryW;
    } else {
        d->batteryW = -need < maxCharge ? -need : maxCharge;
        d->pvUsedW = d->loadW + d->batteryW; /* curtail what neither load nor battery takes */
    }
    d->gridW = 0;
}

swh_decision swh_decide(const swh_decision_input *in, const swh_battery *battery)
{
    swh_decision d = {0};
    const int32_t maxCharge = swh_battery_max_charge_w(battery, in->horizonS);
    const int32_t maxDischarge = swh_battery_max_discharge_w(battery, in->horizonS);
    d.pvUsedW = in->pvW;
    if (!in->gridOk) {
        d.mode = SWH_MODE_ISLANDED;
        decide_islanded(in, maxCharge, maxDischarge, &d);
    } else if (in->setpointFresh) {
        d.mode = SWH_MODE_FOLLOW;
        decide_connected(in, in->setpointBatteryW, maxCharge, maxDischarge, &d);
    } else {
        d.mode = SWH_MODE_SELF_CONSUMPTION;
        decide_connected(in, in->pvW - appliance_load(in, 0), maxCharge, maxDischarge, &d);
    }
    return d;
}
