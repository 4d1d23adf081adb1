/* 15-minute energy registers (import, export, PV, battery charge and discharge) and the
 * signed readings made from them.
 *
 * A reading is signed in the ledger's format (ledger/contracts/README.md, "Signed reading
 * format"; NRGcoin.submitReading checks exactly this), Solidity's
 *   digest = keccak256(abi.encode(TAG, chainId, nrgToken, hub, intervalStart, exportedWh,
 *                                 importedWh))
 * with TAG = keccak256("Swarmergy.MeterReading.v1"): seven 32-byte big-endian words (u256
 * numbers, addresses left-padded with 12 zero bytes), 224 bytes, Keccak-256 (Ethereum's, not
 * FIPS SHA3). intervalStart = periodStartS, exportedWh and importedWh are the reading's.
 *   signature = r || s || v with v = recovery id (0/1), low s (libsecp256k1, RFC 6979)
 * chainId and nrgToken (the ledger domain) come with provisioning, so a reading signed for
 * one ledger cannot be minted on another. */
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

/* The ledger a hub's readings are minted on. */
typedef struct swh_ledger_domain {
    uint64_t chainId;
    uint8_t nrgToken[20]; /* NRGcoin contract address */
} swh_ledger_domain;

/* The demo ledger (app/LedgerService, swarmergy-node devnet): chain 2468, NRGcoin at 0x…1001.
 * A hub provisioned without a domain signs for it. */
#define SWH_DEMO_CHAIN_ID 2468u
void swh_ledger_domain_demo(swh_ledger_domain *domain);

/* keccak256("Swarmergy.MeterReading.v1"), the reading's domain tag. */
extern const uint8_t swh_reading_tag[32];

/* Reading fields from registers (energies rounded down to Wh); no signature yet. */
void swh_reading_fill(uint32_t periodStartS, const swh_registers *regs, swp_reading *reading);
/* The 224-byte message above (what the ledger's readingMessage builds). */
#define SWH_READING_MESSAGE_SIZE 224u
void swh_reading_message(const swh_ledger_domain *domain, const uint8_t hub[20],
                         const swp_reading *reading, uint8_t message[SWH_READING_MESSAGE_SIZE]);
/* keccak256 of that message. */
void swh_reading_digest(const swh_ledger_domain *domain, const uint8_t hub[20],
                        const swp_reading *reading, uint8_t digest[32]);
/* Signs in place (reading->signature = r || s || recovery id). Returns 0 on success. */
int swh_reading_sign(const uint8_t secretKey[32], const swh_ledger_domain *domain,
                     const uint8_t hub[20], swp_reading *reading);

#ifdef __cplusplus
}
#endif
#endif
