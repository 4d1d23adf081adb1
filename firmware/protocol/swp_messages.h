/* Messages of the hub link: one C struct per message type, encoded little-endian into a
 * frame's payload by table-driven codecs (one field table per type in swp_messages.c), so
 * the hub and the desktop drivers share one definition. docs/protocol.md lists every field.
 *
 * Requests go from the host (console, swarmergy-hubctl, simulator) to the hub; replies have
 * the request's type | 0x80. Unsolicited hub messages (telemetry, readings, uplinks) use
 * 0xC0..0xCF. No heap: a decoded FLASH_CHUNK points into the frame's payload. */
#ifndef SWP_MESSAGES_H
#define SWP_MESSAGES_H
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum swp_message_type {
    SWP_MSG_HELLO = 0x01,
    SWP_MSG_INFO = 0x02,
    SWP_MSG_FLASH_BEGIN = 0x10,
    SWP_MSG_FLASH_CHUNK = 0x11,
    SWP_MSG_FLASH_END = 0x12,
    SWP_MSG_REBOOT = 0x13,
    SWP_MSG_CONFIRM = 0x14,
    SWP_MSG_PROVISION_CHALLENGE = 0x20,
    SWP_MSG_PROVISION = 0x21,
    SWP_MSG_CONFIG_GET = 0x30,
    SWP_MSG_CONFIG_SET = 0x31,
    SWP_MSG_TELEMETRY_CONTROL = 0x40,
    SWP_MSG_SENSOR_FEED = 0x41,
    SWP_MSG_SETPOINT = 0x42,
    SWP_MSG_READING_REQUEST = 0x43,
    SWP_MSG_ZCL_READ = 0x50,
    SWP_MSG_ZCL_COMMAND = 0x51,

    SWP_MSG_HELLO_REPLY = 0x81,
    SWP_MSG_INFO_REPLY = 0x82,
    SWP_MSG_FLASH_STATUS = 0x90,
    SWP_MSG_CHALLENGE = 0xA0,
    SWP_MSG_PROVISION_REPLY = 0xA1,
    SWP_MSG_CONFIG_VALUE = 0xB0,
    SWP_MSG_ZCL_VALUE = 0xD0,
    SWP_MSG_RESULT = 0xFE, /* generic reply: status of the request named in it */

    SWP_MSG_TELEMETRY = 0xC0,
    SWP_MSG_READING = 0xC1,
    SWP_MSG_UPLINK = 0xC2
} swp_message_type;

/* Status codes carried by RESULT, FLASH_STATUS, PROVISION_REPLY and CONFIG_VALUE. The image
 * codes (0x20..) are the bootloader's reasons for refusing an image (firmware/boot). */
typedef enum swp_status {
    SWP_OK = 0x00,
    SWP_ERR_UNKNOWN_TYPE = 0x01,
    SWP_ERR_MALFORMED = 0x02,   /* payload does not decode as the type's fields */
    SWP_ERR_BUSY = 0x03,
    SWP_ERR_STATE = 0x04,       /* not allowed now (e.g. chunk without FLASH_BEGIN) */
    SWP_ERR_DENIED = 0x05,      /* technician credential wrong or missing */
    SWP_ERR_NO_KEY = 0x06,      /* not provisioned yet */
    SWP_ERR_BAD_KEY = 0x07,     /* unknown configuration key */
    SWP_ERR_RANGE = 0x08,       /* value outside the allowed range */
    SWP_ERR_FLASH_IO = 0x10,
    SWP_ERR_SIZE = 0x11,        /* image larger than a slot */
    SWP_ERR_OFFSET = 0x12,      /* chunk not at the expected offset: resend from next_offset */
    SWP_ERR_HASH = 0x13,        /* SHA-256 of the received bytes differs from FLASH_BEGIN's */
    SWP_ERR_UNCONFIRMED = 0x14, /* running a test image: confirm it before flashing again */
    SWP_ERR_ENCODING = 0x15,    /* chunk encoding not supported */
    SWP_ERR_IMAGE_MAGIC = 0x20, /* not a Swarmergy image (or unsigned raw binary) */
    SWP_ERR_IMAGE_HEADER = 0x21,
    SWP_ERR_IMAGE_TRUNCATED = 0x22,
    SWP_ERR_IMAGE_HASH = 0x23,      /* corrupted: content does not match the header's hash */
    SWP_ERR_IMAGE_SIGNATURE = 0x24, /* signature missing or not by the firmware key */
    SWP_ERR_IMAGE_DOWNGRADE = 0x25  /* version below the hub's version floor */
} swp_status;

/* Capability bits of HELLO_REPLY. */
#define SWP_CAP_FLASH 0x0001u
#define SWP_CAP_PROVISION 0x0002u
#define SWP_CAP_CONFIG 0x0004u
#define SWP_CAP_TELEMETRY 0x0008u
#define SWP_CAP_SENSOR_FEED 0x0010u
#define SWP_CAP_ZCL 0x0020u
#define SWP_CAP_LORAWAN 0x0040u
#define SWP_CAP_FLASH_RLE 0x0080u /* FLASH_CHUNK encoding 1 accepted */
#define SWP_CAP_FLASH_LZ 0x0100u  /* FLASH_CHUNK encoding 2 accepted */
/* Protocol 1.1: PROVISION may carry the ledger domain (chainId, NRG token address) and
 * READINGs are signed in the ledger's format (ledger/contracts/README.md, "Signed reading
 * format"). A 1.0 hub lacks the bit: it takes only the short PROVISION. */
#define SWP_CAP_LEDGER_READING 0x0200u

/* The protocol revision a hub implements: HELLO's protocolVersion is the frame version (1);
 * the minor revision is told by capability bits (1.1 = SWP_CAP_LEDGER_READING). */
#define SWP_PROTOCOL_MINOR 1u

/* FLASH_CHUNK encodings. */
#define SWP_ENCODING_RAW 0u
#define SWP_ENCODING_RLE 1u /* byte-oriented run-length (docs/protocol.md); inflated on the hub */
#define SWP_ENCODING_LZ 2u  /* LZ77 with a 4 KiB window across chunks (swp_lz.h) */

/* REBOOT modes. */
#define SWP_REBOOT_NORMAL 0u
#define SWP_REBOOT_TEST_NEW_IMAGE 1u /* mark the received image for a test boot, then reset */

/* Firmware versions are packed as major << 24 | minor << 16 | patch. */
#define SWP_VERSION_PACK(major, minor, patch) \
    (((uint32_t)(major) << 24) | ((uint32_t)(minor) << 16) | (uint32_t)(patch))

typedef struct swp_hello {
    uint8_t protocolVersion;
    uint16_t maxPayload;
    uint8_t window; /* frames the sender accepts in flight */
} swp_hello;

typedef struct swp_hello_reply {
    uint8_t protocolVersion;
    uint16_t maxPayload;
    uint8_t window;
    uint32_t capabilities; /* SWP_CAP_* */
    uint32_t firmwareVersion;
    uint8_t model[16]; /* NUL-padded ASCII, e.g. "SWH-M4" */
} swp_hello_reply;

typedef struct swp_info_reply {
    uint32_t firmwareVersion;
    uint32_t bootloaderVersion;
    uint32_t versionFloor;
    uint8_t activeSlot;   /* 0 = A, 1 = B */
    uint8_t imageState;   /* 0 = confirmed, 1 = test boot (unconfirmed) */
    uint8_t provisioned;  /* 1 once PROVISION succeeded */
    uint8_t address[20];  /* Ethereum-style address of the hub's identity key (zeros if none) */
    uint32_t rucheId;
    uint32_t alveoleId;
    uint32_t uptimeS;
    uint8_t serial[8]; /* board serial number */
} swp_info_reply;

typedef struct swp_flash_begin {
    uint32_t imageSize; /* bytes of the signed image (header included) */
    uint8_t sha256[32]; /* SHA-256 of the whole image file */
} swp_flash_begin;

typedef struct swp_flash_chunk {
    uint32_t offset;  /* offset in the image of the chunk's first (inflated) byte */
    uint8_t encoding; /* SWP_ENCODING_* */
    const uint8_t *data;
    uint16_t dataLen;
} swp_flash_chunk;

typedef struct swp_flash_status {
    uint8_t status;      /* swp_status */
    uint32_t nextOffset; /* the hub's expected next offset: resume from here */
    uint32_t imageSize;
} swp_flash_status;

typedef struct swp_reboot {
    uint8_t mode; /* SWP_REBOOT_* */
} swp_reboot;

typedef struct swp_challenge {
    uint8_t nonce[32];
} swp_challenge;

typedef struct swp_provision {
    uint8_t response[32]; /* HMAC-SHA256(technician key, nonce) */
    uint32_t rucheId;
    uint32_t alveoleId;
    uint32_t devAddr;     /* LoRaWAN device address */
    uint8_t nwkSKey[16];  /* LoRaWAN 1.0 network session key */
    uint8_t appSKey[16];  /* LoRaWAN 1.0 application session key */
    /* Optional tail (protocol 1.1): the ledger the hub's readings are minted on. On the wire
     * only when hasLedgerDomain is 1 (104-byte payload instead of 76); decode sets it from
     * the payload's length. Without it the hub keeps its previous domain (the demo ledger's
     * by default). */
    uint8_t hasLedgerDomain; /* not on the wire */
    uint64_t chainId;        /* EIP-155 chain id, u64 LE */
    uint8_t nrgToken[20];    /* address of the NRGcoin contract */
} swp_provision;

typedef struct swp_provision_reply {
    uint8_t status;
    uint8_t address[20];   /* Ethereum-style address of the new identity key */
    uint8_t publicKey[64]; /* uncompressed X || Y, for the ledger's registry */
} swp_provision_reply;

typedef struct swp_config_get {
    uint16_t key;
} swp_config_get;

typedef struct swp_config_set {
    uint16_t key;
    int32_t value;
} swp_config_set;

typedef struct swp_config_value {
    uint16_t key;
    uint8_t status;
    int32_t value;
} swp_config_value;

typedef struct swp_telemetry_control {
    uint16_t periodS; /* 0 stops the stream */
} swp_telemetry_control;

typedef struct swp_sensor_feed {
    uint32_t timestampS; /* Unix time of the measurement (the hub's clock follows it) */
    int32_t pvW;         /* PV production, >= 0 */
    int32_t baseLoadW;   /* household load outside the hub's appliances, >= 0 */
    uint8_t gridOk;      /* 0 = grid lost (islanded) */
} swp_sensor_feed;

typedef struct swp_setpoint {
    uint32_t timestampS;
    int32_t batteryW;    /* > 0 charge, < 0 discharge */
    int32_t gridLimitW;  /* maximum import; 0 = no limit */
    uint32_t validS;     /* the setpoint is stale after this many seconds */
} swp_setpoint;

typedef struct swp_reading_request {
    uint32_t periodStartS; /* 0 = the last closed period */
} swp_reading_request;

typedef struct swp_zcl_read {
    uint8_t endpoint;
    uint16_t clusterId;
    uint16_t attributeId;
} swp_zcl_read;

typedef struct swp_zcl_command {
    uint8_t endpoint;
    uint16_t clusterId;
    uint8_t commandId; /* On/Off: 0 off, 1 on, 2 toggle */
} swp_zcl_command;

typedef struct swp_zcl_value {
    uint8_t status; /* ZCL status: 0x00 success, 0x86 unsupported attribute, ... */
    uint8_t endpoint;
    uint16_t clusterId;
    uint16_t attributeId;
    uint8_t dataType; /* ZCL data type id (0x10 bool, 0x25 uint48, 0x2A int24, ...) */
    int32_t valueHigh;
    uint32_t valueLow; /* value = valueHigh << 32 | valueLow */
} swp_zcl_value;

typedef struct swp_result {
    uint8_t requestType;
    uint8_t status;
} swp_result;

typedef struct swp_telemetry {
    uint32_t timestampS;
    int32_t gridW;    /* > 0 import, < 0 export */
    int32_t pvW;
    int32_t batteryW; /* > 0 charge */
    int32_t loadW;    /* household load including appliances that are on */
    uint16_t socPermille;
    uint8_t mode;     /* swh_mode of firmware/core/decision.h */
    uint8_t gridOk;
    uint32_t shedMask; /* appliances switched off by priority shedding, bit per endpoint */
} swp_telemetry;

typedef struct swp_reading {
    uint32_t periodStartS;
    uint16_t periodS;
    uint32_t importWh;
    uint32_t exportWh;
    uint32_t pvWh;
    uint32_t batteryChargeWh;
    uint32_t batteryDischargeWh;
    /* r || s || v (v = recovery id 0/1, low s) over the ledger's reading digest: see
     * firmware/core/swh_meter.h and ledger/contracts/README.md. Zero when not provisioned. */
    uint8_t signature[65];
} swp_reading;

typedef struct swp_uplink {
    const uint8_t *phyPayload; /* LoRaWAN 1.0 PHYPayload as it would go on the air */
    uint16_t phyPayloadLen;
} swp_uplink;

typedef struct swp_message {
    uint8_t type; /* swp_message_type; selects the union member */
    union {
        swp_hello hello;
        swp_hello_reply helloReply;
        swp_info_reply infoReply;
        swp_flash_begin flashBegin;
        swp_flash_chunk flashChunk;
        swp_flash_status flashStatus;
        swp_reboot reboot;
        swp_challenge challenge;
        swp_provision provision;
        swp_provision_reply provisionReply;
        swp_config_get configGet;
        swp_config_set configSet;
        swp_config_value configValue;
        swp_telemetry_control telemetryControl;
        swp_sensor_feed sensorFeed;
        swp_setpoint setpoint;
        swp_reading_request readingRequest;
        swp_zcl_read zclRead;
        swp_zcl_command zclCommand;
        swp_zcl_value zclValue;
        swp_result result;
        swp_telemetry telemetry;
        swp_reading reading;
        swp_uplink uplink;
    } body;
} swp_message;

/* Encodes msg's payload (not the frame header). Returns SWP_OK and *len, or
 * SWP_ERR_UNKNOWN_TYPE / SWP_ERR_RANGE (does not fit in cap). */
swp_status swp_message_encode(const swp_message *msg, uint8_t *out, size_t cap, size_t *len);

/* Decodes a payload of the given type. Exact length required: a short or long payload is
 * SWP_ERR_MALFORMED, an unknown type SWP_ERR_UNKNOWN_TYPE. Variable-length fields point
 * into payload. */
swp_status swp_message_decode(uint8_t type, const uint8_t *payload, size_t len,
                              swp_message *msg);

/* A short name of a message type ("FLASH_CHUNK"), or "?" when unknown. */
const char *swp_message_name(uint8_t type);
/* A short English description of a status code, for error messages. */
const char *swp_status_text(uint8_t status);
/* The packed version as "1.2.3" into out (at least 16 bytes). */
void swp_version_format(uint32_t packed, char *out, size_t cap);

#ifdef __cplusplus
}
#endif
#endif
