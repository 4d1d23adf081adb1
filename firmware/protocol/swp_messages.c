#include "firmware/protocol/swp_messages.h"

#include <string.h>

/* A message is a list of fields; a table per type drives both encoder and decoder, so the
 * two can never disagree on the layout. Offsets are into the union member (all members start
 * at the union's address). */
typedef enum field_kind { F_U8, F_U16, F_U32, F_I32, F_U64, F_BYTES, F_TAIL } field_kind;

typedef struct field {
    uint8_t kind;
    uint16_t offset;
    uint16_t size;       /* F_BYTES: byte count; F_TAIL: offset of the uint16_t length */
} field;

#define U8(s, m) {F_U8, offsetof(s, m), 1}
#define U16(s, m) {F_U16, offsetof(s, m), 2}
#define U32(s, m) {F_U32, offsetof(s, m), 4}
#define I32(s, m) {F_I32, offsetof(s, m), 4}
#define U64(s, m) {F_U64, offsetof(s, m), 8}
#define BYTES(s, m) {F_BYTES, offsetof(s, m), sizeof(((s *)0)->m)}
#define TAIL(s, m, n) {F_TAIL, offsetof(s, m), offsetof(s, n)}

static const field kHello[] = {U8(swp_hello, protocolVersion), U16(swp_hello, maxPayload),
                               U8(swp_hello, window)};
static const field kHelloReply[] = {
    U8(swp_hello_reply, protocolVersion), U16(swp_hello_reply, maxPayload),
    U8(swp_hello_reply, window), U32(swp_hello_reply, capabilities),
    U32(swp_hello_reply, firmwareVersion), BYTES(swp_hello_reply, model)};
static const field kInfoReply[] = {
    U32(swp_info_reply, firmwareVersion), U32(swp_info_reply, bootloaderVersion),
    U32(swp_info_reply, versionFloor), U8(swp_info_reply, activeSlot),
    U8(swp_info_reply, imageState), U8(swp_info_reply, provisioned),
    BYTES(swp_info_reply, address), U32(swp_info_reply, rucheId),
    U32(swp_info_reply, alveoleId), U32(swp_info_reply, uptimeS), BYTES(swp_info_reply, serial)};
static const field kFlashBegin[] = {U32(swp_flash_begin, imageSize),
                                    BYTES(swp_flash_begin, sha256)};
static const field kFlashChunk[] = {U32(swp_flash_chunk, offset), U8(swp_flash_chunk, encoding),
                                    TAIL(swp_flash_chunk, data, dataLen)};
static const field kFlashStatus[] = {U8(swp_flash_status, status),
                                     U32(swp_flash_status, nextOffset),
                                     U32(swp_flash_status, imageSize)};
static const field kReboot[] = {U8(swp_reboot, mode)};
static const field kChallenge[] = {BYTES(swp_challenge, nonce)};
static const field kProvision[] = {
    BYTES(swp_provision, response), U32(swp_provision, rucheId), U32(swp_provision, alveoleId),
    U32(swp_provision, devAddr), BYTES(swp_provision, nwkSKey), BYTES(swp_provision, appSKey),
    /* optional group (protocol 1.1), flagged by hasLedgerDomain */
    U64(swp_provision, chainId), BYTES(swp_provision, nrgToken)};
static const field kProvisionReply[] = {U8(swp_provision_reply, status),
                                        BYTES(swp_provision_reply, address),
                                        BYTES(swp_provision_reply, publicKey)};
static const field kConfigGet[] = {U16(swp_config_get, key)};
static const field kConfigSet[] = {U16(swp_config_set, key), I32(swp_config_set, value)};
static const field kConfigValue[] = {U16(swp_config_value, key), U8(swp_config_value, status),
                                     I32(swp_config_value, value)};
static const field kTelemetryControl[] = {U16(swp_telemetry_control, periodS)};
static const field kSensorFeed[] = {U32(swp_sensor_feed, timestampS), I32(swp_sensor_feed, pvW),
                                    I32(swp_sensor_feed, baseLoadW),
                                    U8(swp_sensor_feed, gridOk)};
static const field kSetpoint[] = {U32(swp_setpoint, timestampS), I32(swp_setpoint, batteryW),
                                  I32(swp_setpoint, gridLimitW), U32(swp_setpoint, validS)};
static const field kReadingRequest[] = {U32(swp_reading_request, periodStartS)};
static const field kZclRead[] = {U8(swp_zcl_read, endpoint), U16(swp_zcl_read, clusterId),
                                 U16(swp_zcl_read, attributeId)};
static const field kZclCommand[] = {U8(swp_zcl_command, endpoint),
                                    U16(swp_zcl_command, clusterId),
                                    U8(swp_zcl_command, commandId)};
static const field kZclValue[] = {U8(swp_zcl_value, status), U8(swp_zcl_value, endpoint),
                                  U16(swp_zcl_value, clusterId), U16(swp_zcl_value, attributeId),
                                  U8(swp_zcl_value, dataType), I32(swp_zcl_value, valueHigh),
                                  U32(swp_zcl_value, valueLow)};
static const field kResult[] = {U8(swp_result, requestType), U8(swp_result, status)};
static const field kTelemetry[] = {
    U32(swp_telemetry, timestampS), I32(swp_telemetry, gridW), I32(swp_telemetry, pvW),
    I32(swp_telemetry, batteryW), I32(swp_telemetry, loadW), U16(swp_telemetry, socPermille),
    U8(swp_telemetry, mode), U8(swp_telemetry, gridOk), U32(swp_telemetry, shedMask)};
static const field kReading[] = {
    U32(swp_reading, periodStartS), U16(swp_reading, periodS), U32(swp_reading, importWh),
    U32(swp_reading, exportWh), U32(swp_reading, pvWh), U32(swp_reading, batteryChargeWh),
    U32(swp_reading, batteryDischargeWh), BYTES(swp_reading, signature)};
static const field kUplink[] = {TAIL(swp_uplink, phyPayload, phyPayloadLen)};

/* A layout may end with an optional group of fields (a later protocol revision's extension):
 * the first requiredCount fields are always there; the rest are either all present or all
 * absent, and the uint8_t member at flagOffset says which. */
typedef struct message_layout {
    uint8_t type;
    const char *name;
    const field *fields;
    uint8_t fieldCount;
    uint8_t requiredCount;
    uint16_t flagOffset;
} message_layout;

#define FIELD_COUNT(f) (uint8_t)(sizeof(f) / sizeof((f)[0]))
#define LAYOUT(t, n, f) {t, n, f, FIELD_COUNT(f), FIELD_COUNT(f), 0}
#define LAYOUT_OPT(t, n, f, required, s, flag) {t, n, f, FIELD_COUNT(f), required, offsetof(s, flag)}
#define EMPTY(t, n) {t, n, NULL, 0, 0, 0}

static const message_layout kLayouts[] = {
    LAYOUT(SWP_MSG_HELLO, "HELLO", kHello),
    EMPTY(SWP_MSG_INFO, "INFO"),
    LAYOUT(SWP_MSG_FLASH_BEGIN, "FLASH_BEGIN", kFlashBegin),
    LAYOUT(SWP_MSG_FLASH_CHUNK, "FLASH_CHUNK", kFlashChunk),
    EMPTY(SWP_MSG_FLASH_END, "FLASH_END"),
    LAYOUT(SWP_MSG_REBOOT, "REBOOT", kReboot),
    EMPTY(SWP_MSG_CONFIRM, "CONFIRM"),
    EMPTY(SWP_MSG_PROVISION_CHALLENGE, "PROVISION_CHALLENGE"),
    LAYOUT_OPT(SWP_MSG_PROVISION, "PROVISION", kProvision, 6, swp_provision, hasLedgerDomain),
    LAYOUT(SWP_MSG_CONFIG_GET, "CONFIG_GET", kConfigGet),
    LAYOUT(SWP_MSG_CONFIG_SET, "CONFIG_SET", kConfigSet),
    LAYOUT(SWP_MSG_TELEMETRY_CONTROL, "TELEMETRY_CONTROL", kTelemetryControl),
    LAYOUT(SWP_MSG_SENSOR_FEED, "SENSOR_FEED", kSensorFeed),
    LAYOUT(SWP_MSG_SETPOINT, "SETPOINT", kSetpoint),
    LAYOUT(SWP_MSG_READING_REQUEST, "READING_REQUEST", kReadingRequest),
    LAYOUT(SWP_MSG_ZCL_READ, "ZCL_READ", kZclRead),
    LAYOUT(SWP_MSG_ZCL_COMMAND, "ZCL_COMMAND", kZclCommand),
    LAYOUT(SWP_MSG_HELLO_REPLY, "HELLO_REPLY", kHelloReply),
    LAYOUT(SWP_MSG_INFO_REPLY, "INFO_REPLY", kInfoReply),
    LAYOUT(SWP_MSG_FLASH_STATUS, "FLASH_STATUS", kFlashStatus),
    LAYOUT(SWP_MSG_CHALLENGE, "CHALLENGE", kChallenge),
    LAYOUT(SWP_MSG_PROVISION_REPLY, "PROVISION_REPLY", kProvisionReply),
    LAYOUT(SWP_MSG_CONFIG_VALUE, "CONFIG_VALUE", kConfigValue),
    LAYOUT(SWP_MSG_ZCL_VALUE, "ZCL_VALUE", kZclValue),
    LAYOUT(SWP_MSG_RESULT, "RESULT", kResult),
    LAYOUT(SWP_MSG_TELEMETRY, "TELEMETRY", kTelemetry),
    LAYOUT(SWP_MSG_READING, "READING", kReading),
    LAYOUT(SWP_MSG_UPLINK, "UPLINK", kUplink),
};

static const message_layout *find_layout(uint8_t type)
{
    for (size_t i = 0; i < sizeof kLayouts / sizeof kLayouts[0]; ++i) {
        if (kLayouts[i].type == type) {
            return &kLayouts[i];
        }
    }
    return NULL;
}

static uint32_t load_le(const uint8_t *p, size_t n)
{
    uint32_t v = 0;
    for (size_t i = 0; i < n; ++i) {
        v |= (uint32_t)p[i] << (8 * i);
    }
    return v;
}

static uint64_t load_le64(const uint8_t *p)
{
    return (uint64_t)load_le(p, 4) | (uint64_t)load_le(p + 4, 4) << 32;
}

static void store_le(uint8_t *p, uint32_t v, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

/* Reads an integer member of the struct as an unsigned 32-bit pattern. */
static uint32_t member_get(const uint8_t *base, const field *f)
{
    switch (f->kind) {
    case F_U8: return base[f->offset];
    case F_U16: { uint16_t v; memcpy(&v, base + f->offset, 2); return v; }
    case F_U32: { uint32_t v; memcpy(&v, base + f->offset, 4); return v; }
    default: { int32_t v; memcpy(&v, base + f->offset, 4); return (uint32_t)v; }
    }
}

static void member_set(uint8_t *base, const field *f, uint32_t raw)
{
    switch (f->kind) {
    case F_U8: base[f->offset] = (uint8_t)raw; break;
    case F_U16: { uint16_t v = (uint16_t)raw; memcpy(base + f->offset, &v, 2); break; }
    case F_U32: memcpy(base + f->offset, &raw, 4); break;
    default: { int32_t v = (int32_t)raw; memcpy(base + f->offset, &v, 4); break; }
    }
}

static size_t wire_size(const uint8_t *base, const field *f)
{
    if (f->kind == F_TAIL) {
        uint16_t n;
        memcpy(&n, base + f->size, 2);
        return n;
    }
    return f->size;
}

static uint8_t has_optional_group(const message_layout *layout)
{
    return layout->requiredCount < layout->fieldCount;
}

/* Encoding stops before the optional group unless its flag is set. */
static uint8_t field_count_to_encode(const message_layout *layout, const uint8_t *base)
{
    if (has_optional_group(layout) && base[layout->flagOffset] == 0) {
        return layout->requiredCount;
    }
    return layout->fieldCount;
}

swp_status swp_message_encode(const swp_message *msg, uint8_t *out, size_t cap, size_t *len)
{
    const message_layout *layout = find_layout(msg->type);
    if (layout == NULL) {
        return SWP_ERR_UNKNOWN_TYPE;
    }
    const uint8_t *base = (const uint8_t *)&msg->body;
    const uint8_t count = field_count_to_encode(layout, base);
    size_t pos = 0;
    for (uint8_t i = 0; i < count; ++i) {
        const field *f = &layout->fields[i];
        const size_t n = wire_size(base, f);
        if (n > cap - pos) {
            return SWP_ERR_RANGE;
        }
        if (f->kind == F_BYTES) {
            memcpy(out + pos, base + f->offset, n);
        } else if (f->kind == F_TAIL) {
            const uint8_t *data;
            memcpy(&data, base + f->offset, sizeof data);
            if (n > 0) {
                memcpy(out + pos, data, n);
            }
        } else if (f->kind == F_U64) {
            uint64_t v;
            memcpy(&v, base + f->offset, 8);
            store_le(out + pos, (uint32_t)v, 4);
            store_le(out + pos + 4, (uint32_t)(v >> 32), 4);
        } else {
            store_le(out + pos, member_get(base, f), n);
        }
        pos += n;
    }
    *len = pos;
    return SWP_OK;
}

swp_status swp_message_decode(uint8_t type, const uint8_t *payload, size_t len,
                              swp_message *msg)
{
    const message_layout *layout = find_layout(type);
    if (layout == NULL) {
        return SWP_ERR_UNKNOWN_TYPE;
    }
    memset(msg, 0, sizeof *msg);
    msg->type = type;
    uint8_t *base = (uint8_t *)&msg->body;
    size_t pos = 0;
    for (uint8_t i = 0; i < layout->fieldCount; ++i) {
        const field *f = &layout->fields[i];
        if (has_optional_group(layout) && i == layout->requiredCount) {
            if (pos == len) {
                return SWP_OK; /* the optional group is absent: its flag stays 0 */
            }
            base[layout->flagOffset] = 1;
        }
        if (f->kind == F_TAIL) {
            /* The tail takes what is left; it is always the last field. */
            const size_t n = len - pos;
            if (n > 0xFFFFu) {
                return SWP_ERR_MALFORMED;
            }
            const uint8_t *data = payload + pos;
            const uint16_t n16 = (uint16_t)n;
            memcpy(base + f->offset, &data, sizeof data);
            memcpy(base + f->size, &n16, 2);
            pos = len;
            continue;
        }
        if (f->size > len - pos) {
            return SWP_ERR_MALFORMED;
        }
        if (f->kind == F_BYTES) {
            memcpy(base + f->offset, payload + pos, f->size);
        } else if (f->kind == F_U64) {
            const uint64_t v = load_le64(payload + pos);
            memcpy(base + f->offset, &v, 8);
        } else {
            member_set(base, f, load_le(payload + pos, f->size));
        }
        pos += f->size;
    }
    return pos == len ? SWP_OK : SWP_ERR_MALFORMED;
}

const char *swp_message_name(uint8_t type)
{
    const message_layout *layout = find_layout(type);
    return layout ? layout->name : "?";
}

const char *swp_status_text(uint8_t status)
{
    switch (status) {
    case SWP_OK: return "ok";
    case SWP_ERR_UNKNOWN_TYPE: return "unknown message type";
    case SWP_ERR_MALFORMED: return "malformed message";
    case SWP_ERR_BUSY: return "busy";
    case SWP_ERR_STATE: return "not allowed in the current state";
    case SWP_ERR_DENIED: return "technician credential refused";
    case SWP_ERR_NO_KEY: return "hub not provisioned";
    case SWP_ERR_BAD_KEY: return "unknown configuration key";
    case SWP_ERR_RANGE: return "value out of range";
    case SWP_ERR_FLASH_IO: return "flash write failed";
    case SWP_ERR_SIZE: return "image larger than a slot";
    case SWP_ERR_OFFSET: return "unexpected chunk offset";
    case SWP_ERR_HASH: return "received image does not match its SHA-256";
    case SWP_ERR_UNCONFIRMED: return "running image not confirmed yet";
    case SWP_ERR_ENCODING: return "chunk encoding not supported";
    case SWP_ERR_IMAGE_MAGIC: return "not a signed Swarmergy image";
    case SWP_ERR_IMAGE_HEADER: return "invalid image header";
    case SWP_ERR_IMAGE_TRUNCATED: return "image truncated";
    case SWP_ERR_IMAGE_HASH: return "image corrupted (hash mismatch)";
    case SWP_ERR_IMAGE_SIGNATURE: return "image signature invalid";
    case SWP_ERR_IMAGE_DOWNGRADE: return "image older than the version floor";
    default: return "unknown status";
    }
}

/* Appends v in decimal; no printf so the bootloader and the image stay small. */
static size_t append_decimal(char *out, size_t pos, size_t cap, unsigned v)
{
    char digits[10];
    size_t n = 0;
    do {
        digits[n++] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v > 0 && n < sizeof digits);
    while (n > 0 && pos + 1 < cap) {
        out[pos++] = digits[--n];
    }
    return pos;
}

void swp_version_format(uint32_t packed, char *out, size_t cap)
{
    if (cap == 0) {
        return;
    }
    size_t pos = append_decimal(out, 0, cap, (unsigned)(packed >> 24));
    if (pos + 1 < cap) {
        out[pos++] = '.';
    }
    pos = append_decimal(out, pos, cap, (unsigned)((packed >> 16) & 0xFFu));
    if (pos + 1 < cap) {
        out[pos++] = '.';
    }
    pos = append_decimal(out, pos, cap, (unsigned)(packed & 0xFFFFu));
    out[pos] = '\0';
}
