#include "firmware/core/swh_meter.h"

#include <string.h>

#include "firmware/crypto/swh_crypto.h"

void swh_meter_init(swh_meter *meter)
{
    memset(meter, 0, sizeof *meter);
}

static void accumulate(swh_registers *r, uint32_t dtS, int32_t gridW, int32_t pvW,
                       int32_t batteryW)
{
    const int64_t dt = dtS;
    if (gridW > 0) r->importJ += gridW * dt;
    else r->exportJ += -(int64_t)gridW * dt;
    if (pvW > 0) r->pvJ += pvW * dt;
    if (batteryW > 0) r->chargeJ += batteryW * dt;
    else r->dischargeJ += -(int64_t)batteryW * dt;
}

/* Beyond this gap between measurements the flows are unknown: the open period is closed
 * with what it has and metering restarts at the new period (no invented energy). */
#define MAX_GAP_S (4u * SWH_PERIOD_S)

static void close_period(swh_meter *m, swh_period_closed_fn closed, void *ctx)
{
    if (closed) {
        closed(ctx, m->periodStartS, &m->current);
    }
    memset(&m->current, 0, sizeof m->current);
    m->periodStartS += SWH_PERIOD_S;
}

void swh_meter_integrate(swh_meter *m, uint32_t t0S, uint32_t t1S, int32_t gridW, int32_t pvW,
                         int32_t batteryW, swh_period_closed_fn closed, void *ctx)
{
    if (!m->started) {
        m->started = 1;
        m->periodStartS = t0S - t0S % SWH_PERIOD_S;
    }
    if (t1S <= t0S) {
        return;
    }
    if (t1S - t0S > MAX_GAP_S) {
        close_period(m, closed, ctx);
        m->periodStartS = t1S - t1S % SWH_PERIOD_S;
        return;
    }
    uint32_t t = t0S;
    while (t < t1S) {
        const uint32_t periodEnd = m->periodStartS + SWH_PERIOD_S;
        const uint32_t stop = t1S < periodEnd ? t1S : periodEnd;
        if (stop > t) {
            accumulate(&m->current, stop - t, gridW, pvW, batteryW);
            t = stop;
        }
        if (t >= periodEnd) {
            close_period(m, closed, ctx);
        }
    }
}

static uint32_t wh(int64_t joules)
{
    const int64_t v = joules / 3600;
    return v > 0xFFFFFFFF ? 0xFFFFFFFFu : (uint32_t)v;
}

void swh_reading_fill(uint32_t periodStartS, const swh_registers *r, swp_reading *reading)
{
    memset(reading, 0, sizeof *reading);
    reading->periodStartS = periodStartS;
    reading->periodS = SWH_PERIOD_S;
    reading->importWh = wh(r->importJ);
    reading->exportWh = wh(r->exportJ);
    reading->pvWh = wh(r->pvJ);
    reading->batteryChargeWh = wh(r->chargeJ);
    reading->batteryDischargeWh = wh(r->dischargeJ);
}

static uint8_t *put_be(uint8_t *p, uint32_t v, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i) {
        *p++ = (uint8_t)(v >> (8 * i));
    }
    return p;
}

void swh_reading_digest(const uint8_t address[20], uint32_t rucheId, uint32_t alveoleId,
                        const swp_reading *r, uint8_t digest[32])
{
    uint8_t fields[20 + 4 * 3 + 2 + 4 * 5];
    uint8_t *p = fields;
    memcpy(p, address, 20);
    p += 20;
    p = put_be(p, rucheId, 4);
    p = put_be(p, alveoleId, 4);
    p = put_be(p, r->periodStartS, 4);
    p = put_be(p, r->periodS, 2);
    p = put_be(p, r->importWh, 4);
    p = put_be(p, r->exportWh, 4);
    p = put_be(p, r->pvWh, 4);
    p = put_be(p, r->batteryChargeWh, 4);
    put_be(p, r->batteryDischargeWh, 4);
    static const char kPrefix[] = "\x19" "Ethereum Signed Message:\n32";
    uint8_t inner[32];
    swh_keccak256(fields, sizeof fields, inner);
    swh_keccak_ctx ctx;
    swh_keccak_init(&ctx);
    swh_keccak_update(&ctx, (const uint8_t *)kPrefix, sizeof kPrefix - 1);
    swh_keccak_update(&ctx, inner, sizeof inner);
    swh_keccak_final(&ctx, digest);
}

int swh_reading_sign(const uint8_t secretKey[32], const uint8_t address[20], uint32_t rucheId,
                     uint32_t alveoleId, swp_reading *reading)
{
    uint8_t digest[32];
    swh_reading_digest(address, rucheId, alveoleId, reading, digest);
    if (swh_secp_sign(secretKey, digest, reading->signature) != 0) {
        return -1;
    }
    reading->signature[64] = (uint8_t)(27 + reading->signature[64]);
    return 0;
}
