// The virtual hub end to end over its pty, as the console and swarmergy-hubctl will use it:
// handshake, info, technician challenge-response provisioning, configuration, sensor feeds
// closing a 15-minute period into a reading signed for the provisioned ledger domain (verified
// here with libsecp256k1, the desktop's library) and a LoRaWAN uplink (MIC and decryption
// checked), ZCL, retransmission, refused images, flashing with resume, test boot, confirm,
// and state kept across a kill.
#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "firmware/boot/swh_image.h"
#include "firmware/core/swh_lorawan.h"
#include "firmware/core/swh_meter.h"
#include "firmware/core/swh_store.h"
#include "firmware/crypto/swh_crypto.h"
#include "tests/firmware/fw_test.h"
#include "tests/firmware/fw_test_util.h"
#include "tests/firmware/hub_client.h"
#include "tests/firmware/process.h"

using Bytes = std::vector<uint8_t>;
using fwtest::HubClient;
using fwtest::Received;

namespace {

std::string g_hubExe;
std::string g_dir;
Bytes g_v1, g_v2;
const uint8_t kNwk[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
const uint8_t kApp[16] = {16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};

Bytes makeImage(uint32_t version, size_t payloadSize, unsigned seed)
{
    std::mt19937 rng(seed);
    Bytes payload(payloadSize);
    for (size_t i = 0; i < payloadSize; ++i) payload[i] = (i / 700) % 2 ? 0 : static_cast<uint8_t>(rng());
    const auto secret = fwtest::readKeyFile("firmware-demo.key");
    Bytes image(SWH_IMAGE_HEADER_SIZE + payloadSize);
    image.resize(swh_image_build(payload.data(), static_cast<uint32_t>(payloadSize), version, 0x20000,
                                 secret.data(), image.data(), image.size()));
    return image;
}

void writeFile(const std::string &path, const Bytes &data)
{
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char *>(data.data()),
                                                static_cast<long>(data.size()));
}

swp_message msgOf(uint8_t type)
{
    swp_message m{};
    m.type = type;
    return m;
}

bool startHub(fwtest::Process &proc, HubClient &client)
{
    if (!proc.start({g_hubExe, "--state", g_dir, "--image", g_dir + "/v1.swfw"})) return false;
    const std::string pty = proc.readLine();
    FW_CHECK_MSG(pty.rfind("/dev/pts/", 0) == 0, "first line: '%s'", pty.c_str());
    return !pty.empty() && client.open(pty);
}

swp_info_reply info(HubClient &c)
{
    const Received r = c.request(msgOf(SWP_MSG_INFO));
    FW_CHECK(r.ok && r.header.type == SWP_MSG_INFO_REPLY);
    return r.msg.body.infoReply;
}

void testHandshakeAndRetransmission(HubClient &c)
{
    swp_message hello = msgOf(SWP_MSG_HELLO);
    hello.body.hello = {SWP_PROTOCOL_VERSION, SWP_MAX_PAYLOAD, 4};
    const Received r = c.request(hello);
    FW_CHECK(r.ok && r.header.type == SWP_MSG_HELLO_REPLY);
    FW_CHECK(r.msg.body.helloReply.firmwareVersion == SWP_VERSION_PACK(1, 0, 0));
    FW_CHECK((r.msg.body.helloReply.capabilities & SWP_CAP_FLASH) && (r.msg.body.helloReply.capabilities & SWP_CAP_FLASH_RLE));
    FW_CHECK(r.msg.body.helloReply.capabilities & SWP_CAP_LEDGER_READING);  // protocol 1.1
    FW_CHECK(std::string(reinterpret_cast<const char *>(r.msg.body.helloReply.model)) == "SWH-HOST");
    const swp_info_reply i = info(c);
    FW_CHECK(i.activeSlot == 0 && i.imageState == 0 && i.provisioned == 0);
    FW_CHECK(i.versionFloor == SWP_VERSION_PACK(1, 0, 0) && i.bootloaderVersion != 0);
    // A retransmitted request (same seq) gets the same reply bytes, not a second execution:
    // two challenges with one seq carry one nonce.
    const Bytes wire = c.encode(msgOf(SWP_MSG_PROVISION_CHALLENGE), 200);
    c.sendRaw(wire);
    const Received a = c.waitFor([](const Received &f) { return f.header.ack == 200; }, 3000);
    c.sendRaw(wire);
    const Received b = c.waitFor([](const Received &f) { return f.header.ack == 200; }, 3000);
    FW_CHECK(a.ok && b.ok && a.payload == b.payload);
    // Unknown type and malformed payload get a RESULT with the reason.
    c.sendRaw(c.encodeRaw(SWP_MSG_FLASH_BEGIN, {1, 2, 3}, 201));  // 3 bytes: malformed
    Received u = c.waitFor([](const Received &f) { return f.header.ack == 201; }, 3000);
    FW_CHECK(u.ok && u.header.type == SWP_MSG_RESULT && u.msg.body.result.status == SWP_ERR_MALFORMED);
    c.sendRaw(c.encodeRaw(0x6F, {}, 202));  // unknown type
    u = c.waitFor([](const Received &f) { return f.header.ack == 202; }, 3000);
    FW_CHECK(u.ok && u.header.type == SWP_MSG_RESULT && u.msg.body.result.status == SWP_ERR_UNKNOWN_TYPE);
    // Line noise between frames is ignored.
    c.sendRaw(Bytes{0x13, 0x37, 0x00, 0xFF, 0x00});
    FW_CHECK(info(c).activeSlot == 0);
}

Bytes g_address;
// The ledger domain the hub is provisioned with (not the demo one: the reading must carry it).
swh_ledger_domain g_domain;

void testProvisioning(HubClient &c)
{
    const auto techKey = fwtest::readKeyFile("technician-demo.key");
    FW_CHECK(techKey.size() == 32);
    swp_message p = msgOf(SWP_MSG_PROVISION);
    p.body.provision.rucheId = 7;
    p.body.provision.alveoleId = 42;
    p.body.provision.devAddr = 0x26011234u;
    std::memcpy(p.body.provision.nwkSKey, kNwk, 16);
    std::memcpy(p.body.provision.appSKey, kApp, 16);
    g_domain.chainId = 31337;
    for (int i = 0; i < 20; ++i) g_domain.nrgToken[i] = static_cast<uint8_t>(0xA0 + i);
    p.body.provision.hasLedgerDomain = 1;
    p.body.provision.chainId = 0;  // refused first: no ledger has chain id 0
    std::memcpy(p.body.provision.nrgToken, g_domain.nrgToken, 20);
    // Without a challenge, and with a wrong answer: denied.
    Received r = c.request(p);
    FW_CHECK(r.ok && r.msg.body.provisionReply.status == SWP_ERR_DENIED);
    Received ch = c.request(msgOf(SWP_MSG_PROVISION_CHALLENGE));
    FW_CHECK(ch.ok && ch.header.type == SWP_MSG_CHALLENGE);
    r = c.request(p);  // zero response
    FW_CHECK(r.ok && r.msg.body.provisionReply.status == SWP_ERR_DENIED);
    // The right answer, but to a used challenge: denied too (one attempt per nonce).
    swh_hmac_sha256(techKey.data(), 32, ch.msg.body.challenge.nonce, 32, p.body.provision.response);
    r = c.request(p);
    FW_CHECK(r.ok && r.msg.body.provisionReply.status == SWP_ERR_DENIED);
    ch = c.request(msgOf(SWP_MSG_PROVISION_CHALLENGE));
    swh_hmac_sha256(techKey.data(), 32, ch.msg.body.challenge.nonce, 32, p.body.provision.response);
    r = c.request(p);
    FW_CHECK(r.ok && r.msg.body.provisionReply.status == SWP_ERR_RANGE);
    FW_CHECK(info(c).provisioned == 0);
    p.body.provision.chainId = g_domain.chainId;
    ch = c.request(msgOf(SWP_MSG_PROVISION_CHALLENGE));
    swh_hmac_sha256(techKey.data(), 32, ch.msg.body.challenge.nonce, 32, p.body.provision.response);
    r = c.request(p);
    FW_CHECK(r.ok && r.msg.body.provisionReply.status == SWP_OK);
    uint8_t address[20];
    swh_eth_address(r.msg.body.provisionReply.publicKey, address);
    FW_CHECK(std::memcmp(address, r.msg.body.provisionReply.address, 20) == 0);
    g_address.assign(address, address + 20);
    const swp_info_reply i = info(c);
    FW_CHECK(i.provisioned == 1 && i.rucheId == 7 && i.alveoleId == 42);
    FW_CHECK(std::memcmp(i.address, address, 20) == 0);
}

void testConfig(HubClient &c)
{
    swp_message set = msgOf(SWP_MSG_CONFIG_SET);
    set.body.configSet = {SWH_CFG_BATTERY_CAPACITY_WH, 13500};
    Received r = c.request(set);
    FW_CHECK(r.ok && r.msg.body.configValue.status == SWP_OK && r.msg.body.configValue.value == 13500);
    swp_message get = msgOf(SWP_MSG_CONFIG_GET);
    get.body.configGet.key = SWH_CFG_BATTERY_CAPACITY_WH;
    r = c.request(get);
    FW_CHECK(r.ok && r.msg.body.configValue.value == 13500);
    set.body.configSet = {SWH_CFG_SOC_MAX_PERMILLE, 2000};
    r = c.request(set);
    FW_CHECK(r.ok && r.msg.body.configValue.status == SWP_ERR_RANGE);
    get.body.configGet.key = 77;
    r = c.request(get);
    FW_CHECK(r.ok && r.msg.body.configValue.status == SWP_ERR_BAD_KEY);
}

bool recoverAddress(const uint8_t digest[32], const uint8_t sig65[65], uint8_t address[20])
{
    secp256k1_context *ctx = secp256k1_context_create(SECP256K1_CONTEXT_VERIFY);
    secp256k1_ecdsa_recoverable_signature sig;
    secp256k1_pubkey pub;
    bool ok = sig65[64] <= 1 &&  // the ledger's v: the bare recovery id
              secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &sig, sig65, sig65[64]) &&
              secp256k1_ecdsa_recover(ctx, &pub, &sig, digest);
    if (ok) {
        uint8_t out[65];
        size_t len = sizeof out;
        secp256k1_ec_pubkey_serialize(ctx, out, &len, &pub, SECP256K1_EC_UNCOMPRESSED);
        swh_eth_address(out + 1, address);
    }
    secp256k1_context_destroy(ctx);
    return ok;
}

void testMeteringReadingUplink(HubClient &c)
{
    const uint32_t t0 = 1764000000u - 1764000000u % 900;
    swp_message feed = msgOf(SWP_MSG_SENSOR_FEED);
    for (uint32_t t = t0; t <= t0 + 900; t += 60) {
        feed.body.sensorFeed = {t, 1200, 800, 1};  // stale setpoint: self-consumption
        const Received r = c.request(feed);
        FW_CHECK(r.ok && r.header.type == SWP_MSG_TELEMETRY);
        FW_CHECK(r.msg.body.telemetry.mode == 1 /* self-consumption */ && r.msg.body.telemetry.gridOk == 1);
    }
    const Received reading = c.waitFor([](const Received &f) { return f.header.type == SWP_MSG_READING; }, 3000);
    FW_CHECK(reading.ok && reading.msg.body.reading.periodStartS == t0 && reading.msg.body.reading.periodS == 900);
    const swp_reading &rd = reading.msg.body.reading;
    FW_CHECK(rd.pvWh == 300);  // 1200 W for 15 minutes
    // Signed for the domain it was provisioned with, in the ledger's format; the same reading
    // under the demo domain recovers someone else.
    uint8_t digest[32], recovered[20];
    swh_reading_digest(&g_domain, g_address.data(), &rd, digest);
    FW_CHECK(recoverAddress(digest, rd.signature, recovered) &&
             std::memcmp(recovered, g_address.data(), 20) == 0);
    swh_ledger_domain demo;
    swh_ledger_domain_demo(&demo);
    swh_reading_digest(&demo, g_address.data(), &rd, digest);
    FW_CHECK(!recoverAddress(digest, rd.signature, recovered) ||
             std::memcmp(recovered, g_address.data(), 20) != 0);
    // The LoRaWAN uplink of the same period: MIC under NwkSKey, payload under AppSKey.
    const Received up = c.waitFor([](const Received &f) { return f.header.type == SWP_MSG_UPLINK; }, 3000);
    FW_CHECK(up.ok && up.payload.size() == 13 + 24);
    if (up.ok && up.payload.size() == 37) {
        const Bytes &phy = up.payload;
        FW_CHECK(phy[0] == 0x40 && phy[8] == 1);
        const uint32_t devAddr = phy[1] | phy[2] << 8 | phy[3] << 16 | static_cast<uint32_t>(phy[4]) << 24;
        const uint32_t fCnt = phy[6] | phy[7] << 8;
        FW_CHECK(devAddr == 0x26011234u && fCnt == 0);
        uint8_t mic[4];
        swh_lorawan_mic(kNwk, devAddr, fCnt, 0, phy.data(), 33, mic);
        FW_CHECK(std::memcmp(mic, phy.data() + 33, 4) == 0);
        Bytes plain(phy.begin() + 9, phy.begin() + 33);
        swh_lorawan_crypt(kApp, devAddr, fCnt, 0, plain.data(), plain.size());
        uint32_t start, pvWh;
        std::memcpy(&start, plain.data(), 4);
        std::memcpy(&pvWh, plain.data() + 12, 4);
        FW_CHECK(start == t0 && pvWh == 300);
    }
    // The same reading on request; islanding shows in telemetry and keeps the grid at 0.
    swp_message req = msgOf(SWP_MSG_READING_REQUEST);
    req.body.readingRequest.periodStartS = t0;
    const Received again = c.request(req);
    FW_CHECK(again.ok && again.header.type == SWP_MSG_READING && again.payload == reading.payload);
    feed.body.sensorFeed = {t0 + 960, 0, 3000, 0};
    const Received island = c.request(feed);
    FW_CHECK(island.ok && island.msg.body.telemetry.mode == 2 && island.msg.body.telemetry.gridW == 0);
    // A fresh setpoint is followed.
    swp_message sp = msgOf(SWP_MSG_SETPOINT);
    sp.body.setpoint = {t0 + 960, 1500, 0, 900};
    FW_CHECK(c.request(sp).msg.body.result.status == SWP_OK);
    feed.body.sensorFeed = {t0 + 1020, 4000, 500, 1};
    const Received follow = c.request(feed);
    FW_CHECK(follow.ok && follow.msg.body.telemetry.mode == 0 && follow.msg.body.telemetry.batteryW == 1500);
}

void testTelemetryStream(HubClient &c)
{
    swp_message ctl = msgOf(SWP_MSG_TELEMETRY_CONTROL);
    ctl.body.telemetryControl.periodS = 1;
    FW_CHECK(c.request(ctl).msg.body.result.status == SWP_OK);
    c.unsolicited().clear();
    const auto isTelemetry = [](const Received &f) { return f.header.type == SWP_MSG_TELEMETRY && f.header.ack == 0; };
    const Received first = c.waitFor(isTelemetry, 3000);
    const Received second = c.waitFor(isTelemetry, 3000);
    FW_CHECK(first.ok && second.ok && second.header.seq != first.header.seq);
    ctl.body.telemetryControl.periodS = 0;
    FW_CHECK(c.request(ctl).msg.body.result.status == SWP_OK);
    c.unsolicited().clear();
    FW_CHECK(!c.waitFor(isTelemetry, 1500).ok);  // stopped
}

void testZcl(HubClient &c)
{
    swp_message cmd = msgOf(SWP_MSG_ZCL_COMMAND);
    cmd.body.zclCommand = {3, 0x0006, 1};  // EV charger on
    Received r = c.request(cmd);
    FW_CHECK(r.ok && r.msg.body.zclValue.status == 0 && r.msg.body.zclValue.valueLow == 1);
    swp_message rd = msgOf(SWP_MSG_ZCL_READ);
    rd.body.zclRead = {3, 0x0B04, 0x050B};
    r = c.request(rd);
    FW_CHECK(r.ok && r.msg.body.zclValue.valueLow == 7400);
    rd.body.zclRead = {5, 0x0006, 0};
    r = c.request(rd);
    FW_CHECK(r.ok && r.msg.body.zclValue.status == 0x8B);
}

void testFlashing(HubClient &c)
{
    uint8_t sha[32];
    // Refused: corrupted and downgraded images; the hub keeps running v1.
    Bytes corrupted = g_v2;
    corrupted[500] ^= 0x40;
    swh_sha256(corrupted.data(), corrupted.size(), sha);
    FW_CHECK(c.flash(corrupted, sha, SWP_ENCODING_RAW) == SWP_ERR_IMAGE_HASH);
    // A plain reboot after the refusal: the hub comes back on v1 (nothing was activated).
    FW_CHECK(c.request(msgOf(SWP_MSG_REBOOT)).msg.body.result.status == SWP_OK);
    FW_CHECK(info(c).firmwareVersion == SWP_VERSION_PACK(1, 0, 0));
    // Resume: stop half-way (an unplug), reopen the session, continue from next_offset.
    swh_sha256(g_v2.data(), g_v2.size(), sha);
    FW_CHECK(c.flash(g_v2, sha, SWP_ENCODING_RAW, g_v2.size() / 2) == SWP_OK);
    uint32_t resumed = 0;
    FW_CHECK(c.flash(g_v2, sha, SWP_ENCODING_LZ, 0, &resumed) == SWP_OK);
    FW_CHECK(resumed >= g_v2.size() / 2 && resumed < g_v2.size());
    swp_message reboot = msgOf(SWP_MSG_REBOOT);
    reboot.body.reboot.mode = SWP_REBOOT_TEST_NEW_IMAGE;
    FW_CHECK(c.request(reboot).msg.body.result.status == SWP_OK);
    swp_info_reply i = info(c);
    FW_CHECK(i.firmwareVersion == SWP_VERSION_PACK(1, 1, 0) && i.activeSlot == 1 && i.imageState == 1);
    // On trial: no new flashing until confirmed.
    FW_CHECK(c.flash(g_v2, sha, SWP_ENCODING_RAW) == SWP_ERR_UNCONFIRMED);
    FW_CHECK(c.request(msgOf(SWP_MSG_CONFIRM)).msg.body.result.status == SWP_OK);
    i = info(c);
    FW_CHECK(i.imageState == 0 && i.versionFloor == SWP_VERSION_PACK(1, 1, 0));
    swh_sha256(g_v1.data(), g_v1.size(), sha);
    FW_CHECK(c.flash(g_v1, sha, SWP_ENCODING_RLE) == SWP_ERR_IMAGE_DOWNGRADE);
    FW_CHECK(info(c).firmwareVersion == SWP_VERSION_PACK(1, 1, 0));
}

}  // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: tst_fw_virtual_hub PATH/swarmergy-virtual-hub\n");
        return 1;
    }
    g_hubExe = argv[1];
    char tmpl[] = "/tmp/swarmergy-vhub-XXXXXX";
    g_dir = mkdtemp(tmpl);
    g_v1 = makeImage(SWP_VERSION_PACK(1, 0, 0), 20000, 1);
    g_v2 = makeImage(SWP_VERSION_PACK(1, 1, 0), 24000, 2);
    writeFile(g_dir + "/v1.swfw", g_v1);
    {
        fwtest::Process hub;
        HubClient c;
        FW_CHECK(startHub(hub, c));
        testHandshakeAndRetransmission(c);
        testProvisioning(c);
        testConfig(c);
        testMeteringReadingUplink(c);
        testZcl(c);
        testTelemetryStream(c);
        testFlashing(c);
        hub.kill(SIGKILL);  // power cut
    }
    {
        // After the kill: still v1.1.0 confirmed, still provisioned with the same identity.
        fwtest::Process hub;
        HubClient c;
        FW_CHECK(startHub(hub, c));
        const swp_info_reply i = info(c);
        FW_CHECK(i.firmwareVersion == SWP_VERSION_PACK(1, 1, 0) && i.imageState == 0);
        FW_CHECK(i.provisioned == 1 && g_address.size() == 20 && std::memcmp(i.address, g_address.data(), 20) == 0);
        swp_message get = msgOf(SWP_MSG_CONFIG_GET);
        get.body.configGet.key = SWH_CFG_BATTERY_CAPACITY_WH;
        FW_CHECK(c.request(get).msg.body.configValue.value == 13500);
    }
    std::system(("rm -rf " + g_dir).c_str());
    return FW_TEST_RESULT();
}
