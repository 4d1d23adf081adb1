#include "firmware/protocol/swp_cobs.h"

size_t swp_cobs_encode(const uint8_t *in, size_t len, uint8_t *out, size_t cap)
{
    if (cap == 0) {
        return 0;
    }
    size_t codePos = 0; /* where the current block's length code goes */
    size_t outLen = 1;
    uint8_t code = 1;
    for (size_t i = 0; i < len; ++i) {
        if (in[i] != 0) {
            if (outLen >= cap) {
                return 0;
            }
            out[outLen++] = in[i];
            ++code;
        }
        if (in[i] == 0 || code == 0xFF) {
            out[codePos] = code;
            code = 1;
            if (in[i] != 0 && i + 1 == len) {
                return outLen; /* a full block ends the input: no trailing code byte */
            }
            if (outLen >= cap) {
                return 0;
            }
            codePos = outLen++;
        }
    }
    out[codePos] = code;
    return outLen;
}

long swp_cobs_decode(const uint8_t *in, size_t len, uint8_t *out, size_t cap)
{
    size_t outLen = 0;
    size_t i = 0;
    while (i < len) {
        const uint8_t code = in[i++];
        if (code == 0) {
            return -1;
        }
        for (uint8_t k = 1; k < code; ++k) {
            if (i >= len || in[i] == 0 || outLen >= cap) {
                return -1;
            }
            out[outLen++] = in[i++];
        }
        /* A block shorter than 254 data bytes implies a zero, except at the very end. */
        if (code != 0xFF && i < len) {
            if (outLen >= cap) {
                return -1;
            }
            out[outLen++] = 0;
        }
    }
    return (long)outLen;
}
