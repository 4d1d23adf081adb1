#include "firmware/core/swh_lorawan.h"

#include <string.h>

#include "firmware/crypto/swh_crypto.h"

static void put_le32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; ++i) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

/* The A_i / B0 block shape shared by encryption and MIC (spec 4.3.3.1 and 4.4). */
static void block(uint8_t b[16], uint8_t first, uint8_t dir, uint32_t devAddr, uint32_t fCnt,
                  uint8_t last)
{
    memset(b, 0, 16);
    b[0] = first;
    b[5] = dir;
    put_le32(b + 6, devAddr);
    put_le32(b + 10, fCnt);
    b[15] = last;
}

int swh_lorawan_crypt(const uint8_t key[16], uint32_t devAddr, uint32_t fCnt, uint8_t dir,
                      uint8_t *data, size_t len)
{
    uint8_t a[16], s[16];
    for (size_t i = 0; i * 16 < len; ++i) {
        block(a, 0x01, dir, devAddr, fCnt, (uint8_t)(i + 1));
        if (swh_aes128_encrypt_block(key, a, s) != 0) {
            return -1;
        }
        for (size_t k = 0; k < 16 && i * 16 + k < len; ++k) {
            data[i * 16 + k] ^= s[k];
        }
    }
    return 0;
}

int swh_lorawan_mic(const uint8_t nwkSKey[16], uint32_t devAddr, uint32_t fCnt, uint8_t dir,
                    const uint8_t *msg, size_t len, uint8_t mic[4])
{
    uint8_t buf[16 + SWH_LORAWAN_MAX_PAYLOAD + SWH_LORAWAN_OVERHEAD];
    uint8_t cmac[16];
    if (len > sizeof buf - 16) {
        return -1;
    }
    block(buf, 0x49, dir, devAddr, fCnt, (uint8_t)len);
    memcpy(buf + 16, msg, len);
    if (swh_aes_cmac(nwkSKey, buf, 16 + len, cmac) != 0) {
        return -1;
    }
    memcpy(mic, cmac, 4);
    return 0;
}

size_t swh_lorawan_uplink(swh_lorawan_session *s, uint8_t fPort, const uint8_t *payload,
                          size_t len, uint8_t *out, size_t cap)
{
    const size_t total = SWH_LORAWAN_OVERHEAD + len;
    if (len > SWH_LORAWAN_MAX_PAYLOAD || cap < total || fPort == 0 || fPort > 223) {
        return 0;
    }
    const uint32_t fCnt = s->fCntUp;
    out[0] = 0x40; /* MHDR: unconfirmed data up, LoRaWAN R1 */
    put_le32(out + 1, s->devAddr);
    out[5] = 0x00; /* FCtrl: no ADR, no ACK, no FOpts */
    out[6] = (uint8_t)fCnt;
    out[7] = (uint8_t)(fCnt >> 8);
    out[8] = fPort;
    memcpy(out + 9, payload, len);
    if (swh_lorawan_crypt(s->appSKey, s->devAddr, fCnt, 0, out + 9, len) != 0 ||
        swh_lorawan_mic(s->nwkSKey, s->devAddr, fCnt, 0, out, 9 + len, out + 9 + len) != 0) {
        return 0;
    }
    s->fCntUp = fCnt + 1;
    return total;
}
