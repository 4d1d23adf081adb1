#include "firmware/core/swh_hub.h"

#include <string.h>

#include "firmware/boot/swh_boot.h"
#include "firmware/boot/swh_update.h"
#include "firmware/core/swh_lorawan.h"
#include "firmware/core/swh_meter.h"
#include "firmware/core/swh_port.h"
#include "firmware/crypto/swh_crypto.h"
#include "firmware/protocol/swp_frame.h"
#include "firmware/protocol/swp_messages.h"

#define READING_RING 8
#define UPLINK_FPORT 1

/* DEMO technician credential (resources/keys/technician-demo.key). */
static const uint8_t kDemoTechnicianKey[32] = {
    0xf1, 0xda, 0xeb, 0x84, 0x50, 0x0a, 0xb6, 0x31, 0x18, 0x48, 0x42, 0x33, 0x0d, 0xd4, 0x63, 0x21,
    0x26, 0xe6, 0x46, 0x7e, 0xda, 0x0b, 0x25, 0x52, 0x85, 0xb9, 0x8b, 0x09, 0x9d, 0xe2, 0x23, 0xc2};

typedef struct hub_state {
    swh_hub_boot_info boot;
    swp_decoder decoder;
    uint8_t txSeq;
    uint8_t lastRxSeq;
    uint8_t cachedReply[SWP_MAX_WIRE_FRAME]; /* last reply, resent when a request repeats */
    size_t cachedLen;
    swh_update update;
    swh_persistent persist;
    uint8_t address[20];
    uint8_t publicKey[64];
    uint8_t technicianKey[32];
    uint8_t nonce[32];
    uint8_t nonceValid;
    uint8_t rebootRequested;
    swh_battery battery;
    swh_zcl_model zcl;
    swh_meter meter;
    uint8_t haveFeed;
    swp_sensor_feed feed;
    swh_decision decision;
    uint8_t haveSetpoint;
    swp_setpoint setpoint;
    swp_reading readings[READING_RING];
    uint32_t readingCount;
    uint32_t lastTelemetryMs;
    uint32_t startMs;
} hub_state;

static hub_state s_hub;

/* ---------- link: send, reply cache ---------- */

static void send_message(const swp_message *msg, uint8_t ack, int cacheAsReply)
{
    uint8_t payload[SWP_MAX_PAYLOAD];
    size_t len = 0;
    if (swp_message_encode(msg, payload, sizeof payload, &len) != SWP_OK) {
        return;
    }
    s_hub.txSeq = (uint8_t)(s_hub.txSeq == 255 ? 1 : s_hub.txSeq + 1);
    const swp_header h = {SWP_PROTOCOL_VERSION, msg->type, s_hub.txSeq, ack, (uint16_t)len};
    uint8_t wire[SWP_MAX_WIRE_FRAME];
    const size_t n = swp_frame_encode(&h, payload, wire, sizeof wire);
    if (n == 0) {
        return;
    }
    if (cacheAsReply) {
        memcpy(s_hub.cachedReply, wire, n);
        s_hub.cachedLen = n;
    }
    swh_port_serial_write(wire, n);
}

static void reply_result(uint8_t requestType, uint8_t status, uint8_t ack)
{
    swp_message m;
    m.type = SWP_MSG_RESULT;
    m.body.result.requestType = requestType;
    m.body.result.status = status;
    send_message(&m, ack, 1);
}

static void reply_flash_status(swp_status status, uint32_t next, uint8_t ack)
{
    swp_message m;
    m.type = SWP_MSG_FLASH_STATUS;
    m.body.flashStatus.status = (uint8_t)status;
    m.body.flashStatus.nextOffset = next;
    m.body.flashStatus.imageSize = s_hub.update.imageSize;
    send_message(&m, ack, 1);
}

/* ---------- identity, readings, uplinks ---------- */

static int ensure_identity(void)
{
    if (s_hub.persist.identityValid) {
        return 0;
    }
    /* Reseed first: since power-on the port has gathered more entropy (UART timing). */
    uint8_t serial[8];
    swh_port_serial_number(serial);
    if (swh_drbg_seed(swh_port_entropy, NULL, serial, sizeof serial) != 0) {
        return -1;
    }
    uint8_t secret[32];
    do {
        if (swh_drbg_generate(secret, sizeof secret) != 0) {
            return -1;
        }
    } while (!swh_secp_seckey_valid(secret));
    memcpy(s_hub.persist.identitySecret, secret, 32);
    memset(secret, 0, sizeof secret);
    s_hub.persist.identityValid = 1;
    return 0;
}

static void derive_address(void)
{
    memset(s_hub.address, 0, sizeof s_hub.address);
    memset(s_hub.publicKey, 0, sizeof s_hub.publicKey);
    if (s_hub.persist.identityValid &&
        swh_secp_pubkey(s_hub.persist.identitySecret, s_hub.publicKey) == 0) {
        swh_eth_address(s_hub.publicKey, s_hub.address);
    }
}

static void put_le32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; ++i) p[i] = (uint8_t)(v >> (8 * i));
}

static void send_uplink(const swp_reading *r)
{
    uint8_t payload[24];
    put_le32(payload, r->periodStartS);
    put_le32(payload + 4, r->importWh);
    put_le32(payload + 8, r->exportWh);
    put_le32(payload + 12, r->pvWh);
    put_le32(payload + 16, r->batteryChargeWh);
    put_le32(payload + 20, r->batteryDischargeWh);
    uint8_t phy[SWH_LORAWAN_MAX_PAYLOAD + SWH_LORAWAN_OVERHEAD];
    const size_t n = swh_lorawan_uplink(&s_hub.persist.lora, UPLINK_FPORT, payload,
                                        sizeof payload, phy, sizeof phy);
    if (n == 0) {
        return;
    }
    swh_store_save(&s_hub.persist); /* the frame counter must never repeat after a reset */
    swp_message m;
    m.type = SWP_MSG_UPLINK;
    m.body.uplink.phyPayload = phy;
    m.body.uplink.phyPayloadLen = (uint16_t)n;
    send_message(&m, 0, 0);
}

static void on_period_closed(void *ctx, uint32_t periodStartS, const swh_registers *regs)
{
    (void)ctx;
    swp_reading *r = &s_hub.readings[s_hub.readingCount % READING_RING];
    swh_reading_fill(periodStartS, regs, r);
    if (s_hub.persist.identityValid) {
        swh_reading_sign(s_hub.persist.identitySecret, &s_hub.persist.ledger, s_hub.address, r);
    }
    ++s_hub.readingCount;
    swp_message m;
    m.type = SWP_MSG_READING;
    m.body.reading = *r;
    send_message(&m, 0, 0);
    if (s_hub.persist.provisioned) {
        send_uplink(r);
    }
}

/* ---------- energy: battery, decisions, metering ---------- */

static void battery_from_config(void)
{
    const int32_t *c = s_hub.persist.config;
    s_hub.battery.capacityJ = (int64_t)c[SWH_CFG_BATTERY_CAPACITY_WH] * 3600;
    s_hub.battery.maxChargeW = c[SWH_CFG_BATTERY_MAX_CHARGE_W];
    s_hub.battery.maxDischargeW = c[SWH_CFG_BATTERY_MAX_DISCHARGE_W];
    s_hub.battery.socMinPermille = (uint16_t)c[SWH_CFG_SOC_MIN_PERMILLE];
    s_hub.battery.socMaxPermille = (uint16_t)c[SWH_CFG_SOC_MAX_PERMILLE];
}

static uint16_t soc_permille(void)
{
    if (s_hub.battery.capacityJ <= 0) return 0;
    return (uint16_t)(s_hub.battery.socJ * 1000 / s_hub.battery.capacityJ);
}

static int setpoint_fresh(uint32_t nowS)
{
    if (!s_hub.haveSetpoint || nowS < s_hub.setpoint.timestampS) {
        return 0;
    }
    uint32_t valid = s_hub.setpoint.validS;
    const uint32_t timeout = (uint32_t)s_hub.persist.config[SWH_CFG_SETPOINT_TIMEOUT_S];
    if (valid > timeout) valid = timeout;
    return nowS - s_hub.setpoint.timestampS <= valid;
}

static void decide(uint32_t horizonS)
{
    swh_decision_input in;
    memset(&in, 0, sizeof in);
    in.pvW = s_hub.feed.pvW;
    in.baseLoadW = s_hub.feed.baseLoadW;
    in.gridOk = s_hub.feed.gridOk;
    in.setpointFresh = (uint8_t)setpoint_fresh(s_hub.feed.timestampS);
    in.setpointBatteryW = s_hub.setpoint.batteryW;
    in.importLimitW = in.setpointFresh && s_hub.setpoint.gridLimitW > 0
                          ? s_hub.setpoint.gridLimitW
                          : s_hub.persist.config[SWH_CFG_FALLBACK_IMPORT_LIMIT_W];
    in.horizonS = horizonS;
    in.applianceCount = s_hub.zcl.count;
    for (uint8_t i = 0; i < s_hub.zcl.count; ++i) {
        in.appliancePowerW[i] = s_hub.zcl.appliances[i].ratedPowerW;
        in.appliancePriority[i] = s_hub.zcl.appliances[i].priority;
        in.applianceRequested[i] = s_hub.zcl.appliances[i].requested;
    }
    s_hub.decision = swh_decide(&in, &s_hub.battery);
    for (uint8_t i = 0; i < s_hub.zcl.count; ++i) {
        s_hub.zcl.appliances[i].shed = (uint8_t)((s_hub.decision.shedMask >> i) & 1u);
    }
    s_hub.zcl.gridW = s_hub.decision.gridW;
}

/* The last decision held from the previous feed until now: integrate it, then decide anew. */
static void on_sensor_feed(const swp_sensor_feed *feed)
{
    uint32_t horizonS = 60;
    if (s_hub.haveFeed && feed->timestampS > s_hub.feed.timestampS) {
        const uint32_t dt = feed->timestampS - s_hub.feed.timestampS;
        swh_decision *d = &s_hub.decision;
        const int32_t applied = swh_battery_apply(&s_hub.battery, d->batteryW, dt);
        d->gridW += applied - d->batteryW; /* a clipped battery leaves the rest to the grid */
        if (d->mode == SWH_MODE_ISLANDED) d->gridW = 0;
        d->batteryW = applied;
        swh_meter_integrate(&s_hub.meter, s_hub.feed.timestampS, feed->timestampS, d->gridW,
                            d->pvUsedW, d->batteryW, on_period_closed, NULL);
        for (uint8_t i = 0; i < s_hub.zcl.count; ++i) {
            s_hub.zcl.appliances[i].energyJ +=
                (int64_t)swh_zcl_appliance_power_w(&s_hub.zcl.appliances[i]) * dt;
        }
        if (d->gridW > 0) s_hub.zcl.importJ += (int64_t)d->gridW * dt;
        else s_hub.zcl.exportJ += -(int64_t)d->gridW * dt;
        horizonS = dt;
    }
    s_hub.feed = *feed;
    s_hub.haveFeed = 1;
    decide(horizonS);
}

/* ---------- request handlers ---------- */

static void handle_hello(uint8_t ack)
{
    swp_message m;
    memset(&m, 0, sizeof m);
    m.type = SWP_MSG_HELLO_REPLY;
    m.body.helloReply.protocolVersion = SWP_PROTOCOL_VERSION;
    m.body.helloReply.maxPayload = SWP_MAX_PAYLOAD;
    m.body.helloReply.window = SWH_HUB_WINDOW;
    m.body.helloReply.capabilities = SWP_CAP_FLASH | SWP_CAP_PROVISION | SWP_CAP_CONFIG |
                                     SWP_CAP_TELEMETRY | SWP_CAP_SENSOR_FEED | SWP_CAP_ZCL |
                                     SWP_CAP_LORAWAN | SWP_CAP_FLASH_RLE |
                                     SWP_CAP_FLASH_LZ | SWP_CAP_LEDGER_READING;
    m.body.helloReply.firmwareVersion = s_hub.boot.firmwareVersion;
    const size_t modelLen = strlen(s_hub.boot.model);
    memcpy(m.body.helloReply.model, s_hub.boot.model,
           modelLen < sizeof m.body.helloReply.model ? modelLen : sizeof m.body.helloReply.model);
    send_message(&m, ack, 1);
}

static void handle_info(uint8_t ack)
{
    swp_message m;
    memset(&m, 0, sizeof m);
    m.type = SWP_MSG_INFO_REPLY;
    swp_info_reply *r = &m.body.infoReply;
    r->firmwareVersion = s_hub.boot.firmwareVersion;
    r->bootloaderVersion = SWH_BOOTLOADER_VERSION;
    r->versionFloor = swh_boot_version_floor();
    r->activeSlot = (uint8_t)s_hub.boot.slot;
    r->imageState = (uint8_t)(s_hub.boot.testBoot ? 1 : 0);
    r->provisioned = (uint8_t)s_hub.persist.provisioned;
    memcpy(r->address, s_hub.address, 20);
    r->rucheId = s_hub.persist.rucheId;
    r->alveoleId = s_hub.persist.alveoleId;
    r->uptimeS = (swh_port_millis() - s_hub.startMs) / 1000u;
    swh_port_serial_number(r->serial);
    send_message(&m, ack, 1);
}

static void handle_provision(const swp_provision *p, uint8_t ack)
{
    swp_message m;
    memset(&m, 0, sizeof m);
    m.type = SWP_MSG_PROVISION_REPLY;
    uint8_t expected[32];
    swh_hmac_sha256(s_hub.technicianKey, 32, s_hub.nonce, 32, expected);
    const int granted = s_hub.nonceValid && swh_ct_compare(expected, p->response, 32) == 0;
    s_hub.nonceValid = 0; /* one attempt per challenge */
    if (!granted) {
        m.body.provisionReply.status = SWP_ERR_DENIED;
    } else if (p->hasLedgerDomain && p->chainId == 0) {
        m.body.provisionReply.status = SWP_ERR_RANGE; /* no ledger has chain id 0 (EIP-155) */
    } else if (ensure_identity() != 0) {
        m.body.provisionReply.status = SWP_ERR_STATE;
    } else {
        s_hub.persist.provisioned = 1;
        s_hub.persist.rucheId = p->rucheId;
        s_hub.persist.alveoleId = p->alveoleId;
        if (s_hub.persist.lora.devAddr != p->devAddr) s_hub.persist.lora.fCntUp = 0;
        s_hub.persist.lora.devAddr = p->devAddr;
        memcpy(s_hub.persist.lora.nwkSKey, p->nwkSKey, 16);
        memcpy(s_hub.persist.lora.appSKey, p->appSKey, 16);
        if (p->hasLedgerDomain) { /* a 1.0 host sends none: the previous domain stays */
            s_hub.persist.ledger.chainId = p->chainId;
            memcpy(s_hub.persist.ledger.nrgToken, p->nrgToken, 20);
        }
        derive_address();
        m.body.provisionReply.status =
            swh_store_save(&s_hub.persist) == 0 ? SWP_OK : SWP_ERR_FLASH_IO;
        memcpy(m.body.provisionReply.address, s_hub.address, 20);
        memcpy(m.body.provisionReply.publicKey, s_hub.publicKey, 64);
    }
    send_message(&m, ack, 1);
}

static void handle_config(const swp_message *req, uint8_t ack)
{
    swp_message m;
    memset(&m, 0, sizeof m);
    m.type = SWP_MSG_CONFIG_VALUE;
    const uint16_t key = req->type == SWP_MSG_CONFIG_GET ? req->body.configGet.key
                                                         : req->body.configSet.key;
    m.body.configValue.key = key;
    if (swh_config_check(key, 0) == -1) {
        m.body.configValue.status = SWP_ERR_BAD_KEY;
    } else if (req->type == SWP_MSG_CONFIG_SET) {
        const int32_t value = req->body.configSet.value;
        if (swh_config_check(key, value) != 0) {
            m.body.configValue.status = SWP_ERR_RANGE;
        } else if (key == SWH_CFG_SOC_PERMILLE) {
            s_hub.battery.socJ = s_hub.battery.capacityJ * value / 1000;
        } else {
            s_hub.persist.config[key] = value;
            battery_from_config();
            if (swh_store_save(&s_hub.persist) != 0) m.body.configValue.status = SWP_ERR_FLASH_IO;
        }
    }
    m.body.configValue.value = key == SWH_CFG_SOC_PERMILLE ? soc_permille()
                                                            : s_hub.persist.config[key < SWH_CFG_KEY_COUNT ? key : 0];
    send_message(&m, ack, 1);
}

static void send_telemetry(uint8_t ack, int asReply)
{
    swp_message m;
    memset(&m, 0, sizeof m);
    m.type = SWP_MSG_TELEMETRY;
    swp_telemetry *t = &m.body.telemetry;
    t->timestampS = s_hub.feed.timestampS;
    t->gridW = s_hub.decision.gridW;
    t->pvW = s_hub.decision.pvUsedW;
    t->batteryW = s_hub.decision.batteryW;
    t->loadW = s_hub.decision.loadW;
    t->socPermille = soc_permille();
    t->mode = s_hub.decision.mode;
    t->gridOk = s_hub.haveFeed ? s_hub.feed.gridOk : 1;
    t->shedMask = s_hub.decision.shedMask;
    send_message(&m, ack, asReply);
}

static void handle_reading_request(uint32_t periodStartS, uint8_t ack)
{
    for (uint32_t k = 0; k < READING_RING && k < s_hub.readingCount; ++k) {
        const swp_reading *r = &s_hub.readings[(s_hub.readingCount - 1 - k) % READING_RING];
        if (periodStartS == 0 || r->periodStartS == periodStartS) {
            swp_message m;
            m.type = SWP_MSG_READING;
            m.body.reading = *r;
            send_message(&m, ack, 1);
            return;
        }
    }
    reply_result(SWP_MSG_READING_REQUEST, SWP_ERR_STATE, ack);
}

static void handle_flash(const swp_message *req, uint8_t ack)
{
    uint32_t next = s_hub.update.nextOffset;
    swp_status st;
    if (req->type == SWP_MSG_FLASH_BEGIN) {
        st = swh_update_begin(&s_hub.update, s_hub.boot.slot, !s_hub.boot.testBoot,
                              req->body.flashBegin.imageSize, req->body.flashBegin.sha256, &next);
    } else if (req->type == SWP_MSG_FLASH_CHUNK) {
        const swp_flash_chunk *c = &req->body.flashChunk;
        st = swh_update_chunk(&s_hub.update, c->offset, c->encoding, c->data, c->dataLen, &next);
    } else {
        st = swh_update_end(&s_hub.update);
    }
    reply_flash_status(st, next, ack);
}

static void handle_reboot(uint8_t mode, uint8_t ack)
{
    swp_status st = SWP_OK;
    if (mode == SWP_REBOOT_TEST_NEW_IMAGE) {
        st = swh_update_activate(&s_hub.update);
    } else if (mode != SWP_REBOOT_NORMAL) {
        st = SWP_ERR_RANGE;
    }
    reply_result(SWP_MSG_REBOOT, st, ack);
    if (st == SWP_OK) {
        s_hub.rebootRequested = 1;
    }
}

static void handle_confirm(uint8_t ack)
{
    swp_status st = SWP_OK;
    if (s_hub.boot.testBoot) {
        st = swh_boot_confirm(s_hub.boot.slot) == 0 ? SWP_OK : SWP_ERR_FLASH_IO;
        if (st == SWP_OK) s_hub.boot.testBoot = 0;
    }
    reply_result(SWP_MSG_CONFIRM, st, ack);
}

static void dispatch(const swp_message *req, uint8_t ack)
{
    swp_message m;
    switch (req->type) {
    case SWP_MSG_HELLO: handle_hello(ack); break;
    case SWP_MSG_INFO: handle_info(ack); break;
    case SWP_MSG_FLASH_BEGIN:
    case SWP_MSG_FLASH_CHUNK:
    case SWP_MSG_FLASH_END: handle_flash(req, ack); break;
    case SWP_MSG_REBOOT: handle_reboot(req->body.reboot.mode, ack); break;
    case SWP_MSG_CONFIRM: handle_confirm(ack); break;
    case SWP_MSG_PROVISION_CHALLENGE:
        m.type = SWP_MSG_CHALLENGE;
        s_hub.nonceValid = swh_drbg_generate(s_hub.nonce, sizeof s_hub.nonce) == 0;
        memcpy(m.body.challenge.nonce, s_hub.nonce, 32);
        send_message(&m, ack, 1);
        break;
    case SWP_MSG_PROVISION: handle_provision(&req->body.provision, ack); break;
    case SWP_MSG_CONFIG_GET:
    case SWP_MSG_CONFIG_SET: handle_config(req, ack); break;
    case SWP_MSG_TELEMETRY_CONTROL:
        s_hub.persist.config[SWH_CFG_TELEMETRY_PERIOD_S] = req->body.telemetryControl.periodS;
        s_hub.lastTelemetryMs = swh_port_millis();
        reply_result(req->type, SWP_OK, ack);
        break;
    case SWP_MSG_SENSOR_FEED:
        swh_hub_sensor_sample(&req->body.sensorFeed);
        send_telemetry(ack, 1); /* the simulator sees the decision at once */
        break;
    case SWP_MSG_SETPOINT:
        s_hub.setpoint = req->body.setpoint;
        s_hub.haveSetpoint = 1;
        if (s_hub.haveFeed) decide(60);
        reply_result(req->type, SWP_OK, ack);
        break;
    case SWP_MSG_READING_REQUEST: handle_reading_request(req->body.readingRequest.periodStartS, ack); break;
    case SWP_MSG_ZCL_READ:
        m.type = SWP_MSG_ZCL_VALUE;
        swh_zcl_read(&s_hub.zcl, &req->body.zclRead, &m.body.zclValue);
        send_message(&m, ack, 1);
        break;
    case SWP_MSG_ZCL_COMMAND: {
        const uint8_t zclStatus = swh_zcl_command(&s_hub.zcl, &req->body.zclCommand);
        if (zclStatus == SWH_ZCL_STATUS_SUCCESS && s_hub.haveFeed) decide(60);
        const swp_zcl_read q = {req->body.zclCommand.endpoint, SWH_ZCL_CLUSTER_ON_OFF, SWH_ZCL_ATTR_ON_OFF};
        m.type = SWP_MSG_ZCL_VALUE;
        swh_zcl_read(&s_hub.zcl, &q, &m.body.zclValue);
        if (zclStatus != SWH_ZCL_STATUS_SUCCESS) m.body.zclValue.status = zclStatus;
        send_message(&m, ack, 1);
        break;
    }
    default: reply_result(req->type, SWP_ERR_UNKNOWN_TYPE, ack); break;
    }
}

static void on_frame(const swp_frame *frame)
{
    const uint8_t seq = frame->header.seq;
    if (frame->header.type == SWP_MSG_HELLO) {
        s_hub.lastRxSeq = 0; /* a new session: forget the previous peer's sequence */
    } else if (seq != 0 && seq == s_hub.lastRxSeq && s_hub.cachedLen > 0) {
        swh_port_serial_write(s_hub.cachedReply, s_hub.cachedLen); /* retransmitted request */
        return;
    }
    s_hub.lastRxSeq = seq;
    s_hub.cachedLen = 0;
    swp_message req;
    const swp_status st = swp_message_decode(frame->header.type, frame->payload,
                                             frame->header.length, &req);
    if (st != SWP_OK) {
        reply_result(frame->header.type, (uint8_t)st, seq);
        return;
    }
    dispatch(&req, seq);
}

/* ---------- public API ---------- */

void swh_hub_init(const swh_hub_boot_info *boot)
{
    memset(&s_hub, 0, sizeof s_hub);
    s_hub.boot = *boot;
    swp_decoder_init(&s_hub.decoder);
    swh_update_init(&s_hub.update);
    memcpy(s_hub.technicianKey, kDemoTechnicianKey, 32);
    swh_store_load(&s_hub.persist);
    swh_secp_init();
    uint8_t serial[8];
    swh_port_serial_number(serial);
    swh_drbg_seed(swh_port_entropy, NULL, serial, sizeof serial);
    derive_address();
    battery_from_config();
    s_hub.battery.socJ = s_hub.battery.capacityJ / 2;
    swh_zcl_init_demo(&s_hub.zcl);
    swh_meter_init(&s_hub.meter);
    s_hub.startMs = swh_port_millis();
    s_hub.lastTelemetryMs = s_hub.startMs;
}

void swh_hub_receive(const uint8_t *data, size_t len)
{
    for (size_t i = 0; i < len && !s_hub.rebootRequested; ++i) {
        /* After a REBOOT is acknowledged nothing more is served: a request racing the reset
         * must not be answered by the old image; the host retransmits it to the new one. */
        swp_frame frame;
        if (swp_decoder_push(&s_hub.decoder, data[i], &frame) == SWP_DECODE_FRAME) {
            on_frame(&frame);
        }
    }
}

void swh_hub_poll(void)
{
    const uint32_t periodS = (uint32_t)s_hub.persist.config[SWH_CFG_TELEMETRY_PERIOD_S];
    const uint32_t now = swh_port_millis();
    if (periodS > 0 && now - s_hub.lastTelemetryMs >= periodS * 1000u) {
        s_hub.lastTelemetryMs = now;
        send_telemetry(0, 0);
    }
}

void swh_hub_sensor_sample(const swp_sensor_feed *sample)
{
    on_sensor_feed(sample);
}

int swh_hub_reboot_requested(void) { return s_hub.rebootRequested; }
void swh_hub_set_technician_key(const uint8_t key[32]) { memcpy(s_hub.technicianKey, key, 32); }
const swh_persistent *swh_hub_persistent(void) { return &s_hub.persist; }
const swh_battery *swh_hub_battery(void) { return &s_hub.battery; }
const swh_decision *swh_hub_last_decision(void) { return &s_hub.decision; }

int swh_hub_identity_address(uint8_t address[20])
{
    memcpy(address, s_hub.address, 20);
    return s_hub.persist.identityValid ? 0 : -1;
}
