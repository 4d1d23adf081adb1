/* LoRaWAN 1.0.x uplink frames (LoRa Alliance, LoRaWAN 1.0.2 specification, sections 4 and
 * 4.3.3 / 4.4): unconfirmed data up, FPort 1..223, FRMPayload encrypted with AES-128 in the
 * spec's counter-like mode under AppSKey, MIC = first 4 bytes of AES-CMAC under NwkSKey over
 * block B0 || MHDR..FRMPayload. The hub aggregates readings per 15 minutes because EU868's
 * 1 % duty cycle makes uplinks small and rare. */
#ifndef SWH_LORAWAN_H
#define SWH_LORAWAN_H
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SWH_LORAWAN_MAX_PAYLOAD 51u /* EU868 DR0..2 application payload limit */
#define SWH_LORAWAN_OVERHEAD 13u    /* MHDR 1, FHDR 7, FPort 1, MIC 4 */

typedef struct swh_lorawan_session {
    uint32_t devAddr;
    uint8_t nwkSKey[16];
    uint8_t appSKey[16];
    uint32_t fCntUp; /* next uplink counter (32-bit; 16 low bits go on the air) */
} swh_lorawan_session;

/* Builds an unconfirmed data up PHYPayload into out. Returns its length, or 0 if the payload
 * is too long or out too small. Increments session->fCntUp. */
size_t swh_lorawan_uplink(swh_lorawan_session *session, uint8_t fPort, const uint8_t *payload,
                          size_t len, uint8_t *out, size_t cap);
/* Encrypts or decrypts (the same operation) an FRMPayload in place. dir: 0 up, 1 down. */
int swh_lorawan_crypt(const uint8_t key[16], uint32_t devAddr, uint32_t fCnt, uint8_t dir,
                      uint8_t *data, size_t len);
/* MIC of a data frame msg = MHDR .. FRMPayload. */
int swh_lorawan_mic(const uint8_t nwkSKey[16], uint32_t devAddr, uint32_t fCnt, uint8_t dir,
                    const uint8_t *msg, size_t len, uint8_t mic[4]);

#ifdef __cplusplus
}
#endif
#endif
