/* The byte ring between the M4's UART receive interrupt (producer) and the main loop
 * (consumer). Hardware-free, so the host tests check its sizing (tests/firmware/tst_m4_ring).
 *
 * Sizing: the hub advertises a window of SWH_HUB_WINDOW requests in flight (HELLO_REPLY), so
 * a host may send that many maximum-size wire frames back to back while the main loop is
 * busy (signing a reading, writing flash). The ring must hold them all, or bytes are dropped
 * and the frames die on their CRC until the host retransmits: 4 x 1040 bytes plus room for
 * idle-line delimiters. One slot always stays empty (head == tail means empty). */
#ifndef M4_RING_H
#define M4_RING_H
#include <stddef.h>
#include <stdint.h>

#include "firmware/core/swh_hub.h"
#include "firmware/protocol/swp_frame.h"

#ifdef __cplusplus
extern "C" {
#endif

#define M4_RX_RING_SIZE (SWH_HUB_WINDOW * SWP_MAX_WIRE_FRAME + 256u)

typedef struct m4_ring {
    uint8_t *buffer;
    uint32_t size;
    volatile uint32_t head;    /* written by the producer only */
    volatile uint32_t tail;    /* written by the consumer only */
    volatile uint32_t dropped; /* bytes lost to a full ring */
} m4_ring;

static inline void m4_ring_init(m4_ring *r, uint8_t *buffer, uint32_t size)
{
    r->buffer = buffer;
    r->size = size;
    r->head = 0;
    r->tail = 0;
    r->dropped = 0;
}

/* 1 when stored, 0 when the ring was full (the byte is dropped and counted). */
static inline int m4_ring_push(m4_ring *r, uint8_t byte)
{
    const uint32_t next = (r->head + 1u) % r->size;
    if (next == r->tail) {
        r->dropped = r->dropped + 1u; /* no ++ on volatile: C++20 deprecates it */
        return 0;
    }
    r->buffer[r->head] = byte;
    r->head = next;
    return 1;
}

static inline size_t m4_ring_pop(m4_ring *r, uint8_t *out, size_t cap)
{
    size_t n = 0;
    while (n < cap && r->tail != r->head) {
        out[n++] = r->buffer[r->tail];
        r->tail = (r->tail + 1u) % r->size;
    }
    return n;
}

static inline int m4_ring_empty(const m4_ring *r)
{
    return r->tail == r->head;
}

#ifdef __cplusplus
}
#endif
#endif
