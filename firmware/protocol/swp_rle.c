#include "firmware/protocol/swp_rle.h"

#include <string.h>

static size_t run_length(const uint8_t *in, size_t pos, size_t len)
{
    size_t n = 1;
    while (pos + n < len && in[pos + n] == in[pos] && n < 130u) {
        ++n;
    }
    return n;
}

size_t swp_rle_encode(const uint8_t *in, size_t len, uint8_t *out, size_t cap)
{
    size_t pos = 0;
    size_t outLen = 0;
    while (pos < len) {
        const size_t run = run_length(in, pos, len);
        if (run >= 3) {
            if (cap - outLen < 2) {
                return 0;
            }
            out[outLen++] = (uint8_t)(0x80u + run - 3u);
            out[outLen++] = in[pos];
            pos += run;
            continue;
        }
        /* Literals up to the next run of three or 128 bytes. */
        size_t lit = 0;
        while (pos + lit < len && lit < 128u && run_length(in, pos + lit, len) < 3) {
            ++lit;
        }
        if (cap - outLen < lit + 1) {
            return 0;
        }
        out[outLen++] = (uint8_t)(lit - 1u);
        memcpy(out + outLen, in + pos, lit);
        outLen += lit;
        pos += lit;
    }
    return outLen;
}

long swp_rle_decode(const uint8_t *in, size_t len, uint8_t *out, size_t cap)
{
    size_t pos = 0;
    size_t outLen = 0;
    while (pos < len) {
        const uint8_t c = in[pos++];
        if (c < 0x80u) {
            const size_t n = (size_t)c + 1u;
            if (n > len - pos || n > cap - outLen) {
                return -1;
            }
            memcpy(out + outLen, in + pos, n);
            pos += n;
            outLen += n;
        } else {
            const size_t n = (size_t)c - 0x80u + 3u;
            if (pos >= len || n > cap - outLen) {
                return -1;
            }
            memset(out + outLen, in[pos++], n);
            outLen += n;
        }
    }
    return (long)outLen;
}
