#include "firmware/protocol/swp_frame.h"

#include <string.h>

#include "firmware/protocol/swp_crc32.h"

static void put_u16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put_u32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; ++i) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

static uint32_t get_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
           ((uint32_t)p[3] << 24);
}

size_t swp_frame_encode(const swp_header *header, const uint8_t *payload, uint8_t *out,
                        size_t cap)
{
    if (header->length > SWP_MAX_PAYLOAD) {
        return 0;
    }
    uint8_t raw[SWP_MAX_RAW_FRAME];
    raw[0] = header->version;
    raw[1] = header->type;
    raw[2] = header->seq;
    raw[3] = header->ack;
    put_u16(raw + 4, header->length);
    if (header->length > 0) {
        memcpy(raw + SWP_HEADER_SIZE, payload, header->length);
    }
    const size_t bodyLen = SWP_HEADER_SIZE + header->length;
    put_u32(raw + bodyLen, swp_crc32(raw, bodyLen));
    const size_t encodedLen = swp_cobs_encode(raw, bodyLen + SWP_CRC_SIZE, out, cap);
    if (encodedLen == 0 || encodedLen >= cap) {
        return 0;
    }
    out[encodedLen] = 0x00;
    return encodedLen + 1;
}

swp_decode_result swp_frame_decode(const uint8_t *encoded, size_t len, uint8_t *raw,
                                   size_t rawCap, swp_frame *out)
{
    const long rawLen = swp_cobs_decode(encoded, len, raw, rawCap);
    if (rawLen < 0) {
        return SWP_DECODE_ERR_COBS;
    }
    if ((size_t)rawLen < SWP_HEADER_SIZE + SWP_CRC_SIZE) {
        return SWP_DECODE_ERR_SHORT;
    }
    const size_t payloadLen = (size_t)raw[4] | ((size_t)raw[5] << 8);
    if (payloadLen > SWP_MAX_PAYLOAD ||
        payloadLen + SWP_HEADER_SIZE + SWP_CRC_SIZE != (size_t)rawLen) {
        return SWP_DECODE_ERR_LENGTH;
    }
    const size_t bodyLen = SWP_HEADER_SIZE + payloadLen;
    if (swp_crc32(raw, bodyLen) != get_u32(raw + bodyLen)) {
        return SWP_DECODE_ERR_CRC;
    }
    /* Checked after the CRC: a version mismatch is then a real peer, not line noise. */
    if (raw[0] != SWP_PROTOCOL_VERSION) {
        return SWP_DECODE_ERR_VERSION;
    }
    out->header.version = raw[0];
    out->header.type = raw[1];
    out->header.seq = raw[2];
    out->header.ack = raw[3];
    out->header.length = (uint16_t)payloadLen;
    out->payload = raw + SWP_HEADER_SIZE;
    return SWP_DECODE_FRAME;
}

void swp_decoder_init(swp_decoder *decoder)
{
    decoder->encodedLen = 0;
    decoder->overflow = 0;
    decoder->errorCount = 0;
    decoder->frameCount = 0;
}

swp_decode_result swp_decoder_push(swp_decoder *decoder, uint8_t byte, swp_frame *out)
{
    if (byte != 0x00) {
        if (decoder->encodedLen < sizeof decoder->encoded) {
            decoder->encoded[decoder->encodedLen++] = byte;
        } else {
            decoder->overflow = 1;
        }
        return SWP_DECODE_NONE;
    }
    /* Delimiter: an empty block is idle line (several 0x00 in a row), not an error. */
    const size_t len = decoder->encodedLen;
    const uint8_t overflow = decoder->overflow;
    decoder->encodedLen = 0;
    decoder->overflow = 0;
    if (len == 0 && !overflow) {
        return SWP_DECODE_NONE;
    }
    swp_decode_result result = SWP_DECODE_ERR_TOO_LONG;
    if (!overflow) {
        result = swp_frame_decode(decoder->encoded, len, decoder->raw, sizeof decoder->raw, out);
    }
    if (result == SWP_DECODE_FRAME) {
        ++decoder->frameCount;
    } else {
        ++decoder->errorCount;
    }
    return result;
}

const char *swp_decode_result_name(swp_decode_result result)
{
    switch (result) {
    case SWP_DECODE_NONE: return "incomplete";
    case SWP_DECODE_FRAME: return "frame";
    case SWP_DECODE_ERR_COBS: return "malformed COBS block";
    case SWP_DECODE_ERR_TOO_LONG: return "frame longer than the maximum";
    case SWP_DECODE_ERR_SHORT: return "frame shorter than header and CRC";
    case SWP_DECODE_ERR_LENGTH: return "length field does not match the frame";
    case SWP_DECODE_ERR_CRC: return "CRC mismatch";
    case SWP_DECODE_ERR_VERSION: return "unsupported protocol version";
    }
    return "unknown";
}
