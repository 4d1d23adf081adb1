/* Frames of the hub link: header, payload and CRC-32, COBS-encoded, 0x00-delimited.
 *
 *   raw frame = version u8 | type u8 | seq u8 | ack u8 | length u16 LE | payload | crc32 u32 LE
 *   wire      = COBS(raw frame) | 0x00
 *
 * The CRC covers the header and the payload. See docs/protocol.md for sequence numbers,
 * acknowledgements and retransmission. No heap, no OS: the decoder holds its own buffers. */
#ifndef SWP_FRAME_H
#define SWP_FRAME_H
#include <stddef.h>
#include <stdint.h>

#include "firmware/protocol/swp_cobs.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SWP_PROTOCOL_VERSION 1u
#define SWP_MAX_PAYLOAD 1024u
#define SWP_HEADER_SIZE 6u
#define SWP_CRC_SIZE 4u
#define SWP_MAX_RAW_FRAME (SWP_HEADER_SIZE + SWP_MAX_PAYLOAD + SWP_CRC_SIZE)
/* Encoded frame plus its delimiter: the largest buffer a sender needs. */
#define SWP_MAX_WIRE_FRAME (SWP_COBS_MAX_ENCODED(SWP_MAX_RAW_FRAME) + 1u)

typedef struct swp_header {
    uint8_t version; /* SWP_PROTOCOL_VERSION */
    uint8_t type;    /* swp_message_type */
    uint8_t seq;     /* sender's sequence number, 1..255, reused when retransmitting */
    uint8_t ack;     /* seq of the peer frame this one answers (0 = none) */
    uint16_t length; /* payload bytes */
} swp_header;

typedef struct swp_frame {
    swp_header header;
    const uint8_t *payload; /* points into the decoder's buffer, valid until the next push */
} swp_frame;

/* Encodes a frame ready to write on the wire (COBS + delimiter). Returns the number of bytes
 * written to out, or 0 when the payload is too long or out is too small. */
size_t swp_frame_encode(const swp_header *header, const uint8_t *payload, uint8_t *out,
                        size_t cap);

/* Decoder results. Every error is counted and the decoder resynchronises on the next 0x00. */
typedef enum swp_decode_result {
    SWP_DECODE_NONE = 0,    /* need more bytes */
    SWP_DECODE_FRAME = 1,   /* a valid frame is in *out */
    SWP_DECODE_ERR_COBS = -1,
    SWP_DECODE_ERR_TOO_LONG = -2,
    SWP_DECODE_ERR_SHORT = -3,
    SWP_DECODE_ERR_LENGTH = -4,
    SWP_DECODE_ERR_CRC = -5,
    SWP_DECODE_ERR_VERSION = -6
} swp_decode_result;

typedef struct swp_decoder {
    uint8_t encoded[SWP_COBS_MAX_ENCODED(SWP_MAX_RAW_FRAME)];
    uint8_t raw[SWP_MAX_RAW_FRAME];
    size_t encodedLen;
    uint8_t overflow;    /* the current frame is longer than any valid one: drop it */
    uint32_t errorCount; /* frames rejected since init */
    uint32_t frameCount; /* frames accepted since init */
} swp_decoder;

void swp_decoder_init(swp_decoder *decoder);
/* Feeds one byte from the wire. On SWP_DECODE_FRAME, *out describes the frame. */
swp_decode_result swp_decoder_push(swp_decoder *decoder, uint8_t byte, swp_frame *out);
/* Decodes one complete wire block (without the delimiter); used by push and by tests. */
swp_decode_result swp_frame_decode(const uint8_t *encoded, size_t len, uint8_t *raw,
                                   size_t rawCap, swp_frame *out);
/* A short English name of a decode result, for logs and error messages. */
const char *swp_decode_result_name(swp_decode_result result);

#ifdef __cplusplus
}
#endif
#endif
