#include "firmware/protocol/swp_lz.h"

#include <string.h>

#define MIN_MATCH 3u
#define MAX_MATCH 130u
#define MAX_LITERALS 128u
#define CHAIN_DEPTH 64

void swp_lz_history_reset(swp_lz_history *h)
{
    h->produced = 0;
}

void swp_lz_history_append(swp_lz_history *h, const uint8_t *data, size_t len)
{
    for (size_t i = 0; i < len; ++i) {
        h->ring[(h->produced + i) % SWP_LZ_WINDOW] = data[i];
    }
    h->produced += (uint32_t)len;
}

long swp_lz_decode(const uint8_t *in, size_t len, const swp_lz_history *h, uint8_t *out,
                   size_t cap)
{
    size_t pos = 0;
    size_t n = 0;
    while (pos < len) {
        const uint8_t c = in[pos++];
        if (c < 0x80u) {
            const size_t count = (size_t)c + 1u;
            if (count > len - pos || count > cap - n) {
                return -1;
            }
            memcpy(out + n, in + pos, count);
            pos += count;
            n += count;
            continue;
        }
        const size_t count = (size_t)c - 0x80u + MIN_MATCH;
        if (len - pos < 2 || count > cap - n) {
            return -1;
        }
        const size_t dist = (size_t)in[pos] | ((size_t)in[pos + 1] << 8);
        pos += 2;
        if (dist == 0 || dist > SWP_LZ_WINDOW || dist > h->produced + n) {
            return -1;
        }
        for (size_t k = 0; k < count; ++k, ++n) {
            /* Within this chunk, or before it in the history ring. */
            out[n] = dist <= n ? out[n - dist]
                               : h->ring[(h->produced + n - dist) % SWP_LZ_WINDOW];
        }
    }
    return (long)n;
}

static uint32_t hash3(const uint8_t *p)
{
    const uint32_t v = (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
    return (v * 2654435761u) >> (32u - SWP_LZ_HASH_BITS);
}

static void insert(swp_lz_encoder *e, const uint8_t *image, size_t imageLen, size_t p)
{
    if (p + MIN_MATCH > imageLen) {
        return;
    }
    const uint32_t h = hash3(image + p);
    e->prev[p % SWP_LZ_WINDOW] = e->head[h];
    e->head[h] = (int32_t)p;
}

/* Longest match for image[p..end) among earlier positions of the chain within the window. */
static size_t find_match(const swp_lz_encoder *e, const uint8_t *image, size_t imageLen,
                         size_t p, size_t end, size_t *dist)
{
    size_t best = 0;
    if (p + MIN_MATCH > imageLen) {
        return 0;
    }
    const size_t limit = end - p < MAX_MATCH ? end - p : MAX_MATCH;
    int32_t cand = e->head[hash3(image + p)];
    for (int depth = 0; depth < CHAIN_DEPTH && cand >= 0; ++depth) {
        const size_t c = (size_t)cand;
        if (c >= p || p - c > SWP_LZ_WINDOW) {
            break;
        }
        size_t l = 0;
        while (l < limit && image[c + l] == image[p + l]) {
            ++l;
        }
        if (l > best) {
            best = l;
            *dist = p - c;
            if (l == limit) break;
        }
        const int32_t next = e->prev[c % SWP_LZ_WINDOW];
        if (next >= cand) break; /* the slot was reused by a newer position */
        cand = next;
    }
    return best >= MIN_MATCH ? best : 0;
}

static int flush_literals(const uint8_t *lit, size_t count, uint8_t *out, size_t cap, size_t *n)
{
    if (count == 0) return 0;
    if (count + 1 > cap - *n) return -1;
    out[(*n)++] = (uint8_t)(count - 1u);
    memcpy(out + *n, lit, count);
    *n += count;
    return 0;
}

size_t swp_lz_encode(swp_lz_encoder *e, const uint8_t *image, size_t imageLen, size_t start,
                     size_t len, uint8_t *out, size_t cap)
{
    if (len == 0 || start > imageLen || len > imageLen - start) {
        return 0;
    }
    for (size_t i = 0; i < (1u << SWP_LZ_HASH_BITS); ++i) e->head[i] = -1;
    for (size_t i = 0; i < SWP_LZ_WINDOW; ++i) e->prev[i] = -1;
    const size_t from = start > SWP_LZ_WINDOW ? start - SWP_LZ_WINDOW : 0;
    for (size_t p = from; p < start; ++p) insert(e, image, imageLen, p);
    const size_t end = start + len;
    size_t n = 0, litStart = start, p = start;
    while (p < end) {
        size_t dist = 0;
        const size_t match = find_match(e, image, imageLen, p, end, &dist);
        if (match == 0) {
            insert(e, image, imageLen, p++);
            if (p - litStart == MAX_LITERALS) {
                if (flush_literals(image + litStart, p - litStart, out, cap, &n) != 0) return 0;
                litStart = p;
            }
            continue;
        }
        if (flush_literals(image + litStart, p - litStart, out, cap, &n) != 0 || cap - n < 3) {
            return 0;
        }
        out[n++] = (uint8_t)(0x80u + match - MIN_MATCH);
        out[n++] = (uint8_t)dist;
        out[n++] = (uint8_t)(dist >> 8);
        for (size_t k = 0; k < match; ++k) insert(e, image, imageLen, p + k);
        p += match;
        litStart = p;
    }
    if (flush_literals(image + litStart, p - litStart, out, cap, &n) != 0) return 0;
    return n;
}
