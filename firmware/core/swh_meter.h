/* 15-minute energy registers (import, export, PV, battery charge and discharge) and the
 * signed readings made from them.
 *
 * A reading is signed Ethereum-style so the ledger verifies it with ecrecover semantics:
 *   fields = address[20] | rucheId u32 | alveoleId u32 | periodStartS u32 | periodS u16 |
 *            importWh u32 | exportWh u32 | pvWh u32 | batteryChargeWh u32 |
 *            batteryDischargeWh u32                     (big-endian, Ethereum's convention)
 *   digest = keccak256("\x19Ethereum Signed Message:\n32" || keccak256(fields))   (EIP-191)
 *   signature = r || s || v with v = 27 + recovery id, low s (libsecp256k1)
 * so ethers' verifyMessage(getBytes(keccak256(fields)), sig) returns the hub's address. */
#ifndef SWH_METER_H
#define SWH_METER_H
#include <stdint.h>

#include "firmware/protocol/swp_messages.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SWH_PERIOD_S 900u

typedef struct swh_registers {
    int64_t importJ;
    int64_t exportJ;
    int64_t pvJ;
    int64_t chargeJ;
    int64_t dischargeJ;
} swh_registers;

typedef struct swh_meter {
    uint8_t started;
    uint32_t periodStartS;
    swh_registers current;
} swh_meter;

typedef void (*swh_period_closed_fn)(void *ctx, uint32_t periodStartS, const swh_registers *regs);

void swh_meter_init(swh_meter *meter);
/* Integrates constant flows over [t0S, t1S), closing every 15-minute period it crosses (a
 * jump over several periods closes the current one; empty periods are skipped). */
void swh_meter_integrate(swh_meter *meter, uint32_t t0S, uint32_t t1S, int32_t gridW,
                         int32_t pvW, int32_t batteryW, swh_period_closed_fn closed, void *ctx);

/* Reading fields from registers (energies rounded down to Wh); no signature yet. */
void swh_reading_fill(uint32_t periodStartS, const swh_registers *regs, swp_reading *reading);
/* The EIP-191 digest above. */
void swh_reading_digest(const uint8_t address[20], uint32_t rucheId, uint32_t alveoleId,
                        const swp_reading *reading, uint8_t digest[32]);
/* Signs in place (reading->signature). Returns 0 on success. */
int swh_reading_sign(const uint8_t secretKey[32], const uint8_t address[20], uint32_t rucheId,
                     uint32_t alveoleId, swp_reading *reading);

#ifdef __cplusplus
}
#endif
#endif
