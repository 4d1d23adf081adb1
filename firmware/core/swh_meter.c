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

const uint8_t swh_reading_tag[32] = {
    0x1f, 0x25, 0x83, 0x95, 0x25, 0xe6, 0x20, 0x78, 0x01, 0x13, 0x55, 0x67, 0x7c, 0xf9, 0x15, 0xcf,
    0xa2, 0xdf, 0xa3, 0x44, 0x7b, 0xd9, 0x96, 0x01, 0xb7, 0xc8, 0x70, 0x7b, 0x2d, 0xe1, 0x67, 0x7c};

void swh_ledger_domain_demo(swh_ledger_domain *domain)
{
    memset(domain, 0, sizeof *domain);
    domain->chainId = SWH_DEMO_CHAIN_ID;
    domain->nrgToken[18] = 0x10;
    domain->nrgToken[19] = 0x01;
}

/* One ABI word: v as a 32-byte big-endian unsigned integer. */
static uint8_t *put_word_u64(uint8_t *p, uint64_t v)
{
    memset(p, 0, 24);
    for (int i = 0; i < 8; ++i) {
        p[24 + i] = (uint8_t)(v >> (8 * (7 - i)));
    }
    return p + 32;
}

/* One ABI word: an address left-padded with 12 zero bytes. */
static uint8_t *put_word_address(uint8_t *p, const uint8_t address[20])
{
    memset(p, 0, 12);
    memcpy(p + 12, address, 20);
    return p + 32;
}

void swh_reading_message(const swh_ledger_domain *domain, const uint8_t hub[20],
                         const swp_reading *r, uint8_t message[SWH_READING_MESSAGE_SIZE])
{
    uint8_t *p = message;
    memcpy(p, swh_reading_tag, 32);
    p += 32;
    p = put_word_u64(p, domain->chainId);
    p = put_word_address(p, domain->nrgToken);
    p = put_word_address(p, hub);
    p = put_word_u64(p, r->periodStartS);
    p = put_word_u64(p, r->exportWh);
    put_word_u64(p, r->importWh);
}

void swh_reading_digest(const swh_ledger_domain *domain, const uint8_t hub[20],
                        const swp_reading *r, uint8_t digest[32])
{
    uint8_t message[SWH_READING_MESSAGE_SIZE];
    swh_reading_message(domain, hub, r, message);
    swh_keccak256(message, sizeof message, digest);
}

int swh_reading_sign(const uint8_t secretKey[32], const swh_ledger_domain *domain,
                     const uint8_t hub[20], swp_reading *reading)
{
    uint8_t digest[32];
    swh_reading_digest(domain, hub, reading, digest);
    /* libsecp256k1 signs with RFC 6979 nonces and normalises s to the low half: the ledger
     * refuses high s (EIP-2) and takes v as the bare recovery id. */
    return swh_secp_sign(secretKey, digest, reading->signature) == 0 ? 0 : -1;
}
