// firmware/core units: LoRaWAN 1.0 uplink against the lora-packet reference frame, local
// decisions (setpoint, fallback, islanding, shedding, battery limits), 15-minute registers
// the ledger-format reading signature (the ledger README's worked example, byte for byte),
// and the store's migration from firmware 1.0's record format.
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "firmware/core/swh_decision.h"
#include "firmware/core/swh_lorawan.h"
#include "firmware/core/swh_meter.h"
#include "firmware/core/swh_store.h"
#include "firmware/port/host/swh_flash_sim.h"
#include "firmware/port/swh_flash_area.h"
#include "firmware/core/swh_zcl.h"
#include "firmware/crypto/swh_crypto.h"
#include "firmware/protocol/swp_crc32.h"
#include "tests/firmware/fw_test.h"
#include "tests/firmware/fw_test_util.h"

using fwtest::fromHex;
using fwtest::toHex;

namespace {

void testLorawan()
{
    // Reference frame of lora-packet (github.com/anthonykirby/lora-packet, README and MIC
    // tests): DevAddr 49be7df1, FCnt 2, FPort 1, payload "test".
    swh_lorawan_session s{};
    s.devAddr = 0x49be7df1u;
    s.fCntUp = 2;
    const auto nwk = fromHex("44024241ed4ce9a68c6a8bc055233fd3");
    const auto app = fromHex("ec925802ae430ca77fd3dd73cb2cc588");
    std::memcpy(s.nwkSKey, nwk.data(), 16);
    std::memcpy(s.appSKey, app.data(), 16);
    uint8_t out[64];
    const size_t n = swh_lorawan_uplink(&s, 1, reinterpret_cast<const uint8_t *>("test"), 4, out, sizeof out);
    FW_CHECK(n == 17);
    FW_CHECK(toHex(out, n) == "40f17dbe4900020001954378762b11ff0d");
    FW_CHECK(s.fCntUp == 3);
    // Decrypting with the same keystream restores the payload; a longer payload spans blocks.
    uint8_t data[40];
    for (int i = 0; i < 40; ++i) data[i] = static_cast<uint8_t>(i);
    uint8_t copy[40];
    std::memcpy(copy, data, 40);
    swh_lorawan_crypt(s.appSKey, s.devAddr, 7, 0, data, 40);
    FW_CHECK(std::memcmp(copy, data, 40) != 0);
    swh_lorawan_crypt(s.appSKey, s.devAddr, 7, 0, data, 40);
    FW_CHECK(std::memcmp(copy, data, 40) == 0);
    FW_CHECK(swh_lorawan_uplink(&s, 1, data, SWH_LORAWAN_MAX_PAYLOAD + 1, out, sizeof out) == 0);
    FW_CHECK(swh_lorawan_uplink(&s, 0, data, 4, out, sizeof out) == 0);  // FPort 0 is MAC only
}

swh_battery makeBattery(int socPermille)
{
    swh_battery b{};
    b.capacityJ = 10000LL * 3600;  // 10 kWh
    b.socJ = b.capacityJ * socPermille / 1000;
    b.maxChargeW = 5000;
    b.maxDischargeW = 5000;
    b.socMinPermille = 100;
    b.socMaxPermille = 950;
    return b;
}

swh_decision_input makeInput(int pvW, int baseW)
{
    swh_decision_input in{};
    in.pvW = pvW;
    in.baseLoadW = baseW;
    in.gridOk = 1;
    in.horizonS = 60;
    swh_zcl_model z;
    swh_zcl_init_demo(&z);
    in.applianceCount = z.count;
    for (int i = 0; i < z.count; ++i) {
        in.appliancePowerW[i] = z.appliances[i].ratedPowerW;
        in.appliancePriority[i] = z.appliances[i].priority;
        in.applianceRequested[i] = 1;  // everything on: 150 + 2000 + 7400 + 2000
    }
    return in;
}

void testDecisions()
{
    const swh_battery half = makeBattery(500);
    // Follow a fresh setpoint; clamp it to the battery's power limit.
    swh_decision_input in = makeInput(3000, 500);
    in.setpointFresh = 1;
    in.setpointBatteryW = 2000;
    swh_decision d = swh_decide(&in, &half);
    FW_CHECK(d.mode == SWH_MODE_FOLLOW && d.batteryW == 2000);
    FW_CHECK(d.gridW == d.loadW + d.batteryW - d.pvUsedW && d.loadW == 500 + 11550);
    in.setpointBatteryW = 9000;
    FW_CHECK(swh_decide(&in, &half).batteryW == 5000);
    // Import limit: discharge more, then shed deferrable before comfort; critical stays.
    in.setpointBatteryW = 0;
    in.importLimitW = 3000;
    d = swh_decide(&in, &half);
    FW_CHECK(d.gridW <= 3000 && d.batteryW == -5000);
    FW_CHECK((d.shedMask & 1u) == 0);          // fridge (critical) never shed
    FW_CHECK((d.shedMask & 0x4u) != 0);        // EV charger shed first
    // Stale setpoint: self-consumption, battery takes the PV surplus.
    in = makeInput(6000, 300);
    for (int i = 0; i < in.applianceCount; ++i) in.applianceRequested[i] = i == 0;
    d = swh_decide(&in, &half);
    FW_CHECK(d.mode == SWH_MODE_SELF_CONSUMPTION && d.batteryW == 5000 - 0 && d.gridW == 450 + 5000 - 6000);
    // Grid lost with little battery: shed down to what PV + battery can serve; grid stays 0.
    swh_battery low = makeBattery(120);  // 2 % above the floor: 200 Wh usable
    in = makeInput(500, 400);
    in.gridOk = 0;
    in.horizonS = 900;
    d = swh_decide(&in, &low);
    FW_CHECK(d.mode == SWH_MODE_ISLANDED && d.gridW == 0);
    FW_CHECK(d.loadW - d.pvUsedW <= -d.batteryW + d.unservedW);
    FW_CHECK(-d.batteryW <= swh_battery_max_discharge_w(&low, 900));
    FW_CHECK((d.shedMask & 0xEu) == 0xEu && (d.shedMask & 1u) == 0);
    // Grid lost with PV surplus and a full battery: PV curtailed, nothing charged past max.
    swh_battery full = makeBattery(950);
    in = makeInput(8000, 300);
    in.gridOk = 0;
    for (int i = 0; i < in.applianceCount; ++i) in.applianceRequested[i] = 0;
    d = swh_decide(&in, &full);
    FW_CHECK(d.batteryW == 0 && d.pvUsedW == 300 && d.gridW == 0);
    // Battery limits over a random walk of inputs and modes: SoC never leaves its window.
    std::mt19937 rng(3);
    swh_battery b = makeBattery(500);
    for (int step = 0; step < 5000; ++step) {
        swh_decision_input r = makeInput(static_cast<int>(rng() % 9000), static_cast<int>(rng() % 4000));
        r.gridOk = rng() % 4 != 0;
        r.setpointFresh = rng() % 2;
        r.setpointBatteryW = static_cast<int>(rng() % 20000) - 10000;
        r.importLimitW = static_cast<int>(rng() % 8000);
        r.horizonS = 1 + rng() % 900;
        for (int i = 0; i < r.applianceCount; ++i) r.applianceRequested[i] = rng() % 2;
        const swh_decision dd = swh_decide(&r, &b);
        FW_CHECK(dd.batteryW <= b.maxChargeW && -dd.batteryW <= b.maxDischargeW);
        swh_battery_apply(&b, dd.batteryW, 1 + rng() % 1800);  // the real step may differ
        FW_CHECK(b.socJ >= b.capacityJ * 100 / 1000 && b.socJ <= b.capacityJ * 950 / 1000);
        if (!r.gridOk) FW_CHECK(dd.gridW == 0);
    }
}

struct Closed {
    std::vector<uint32_t> starts;
    std::vector<swh_registers> regs;
};

void collect(void *ctx, uint32_t start, const swh_registers *r)
{
    auto *c = static_cast<Closed *>(ctx);
    c->starts.push_back(start);
    c->regs.push_back(*r);
}

void testMeterAndReadings()
{
    swh_meter m;
    swh_meter_init(&m);
    Closed closed;
    const uint32_t t0 = 1764000000u - 1764000000u % 900 + 600;  // 10 min into a period
    // 1 kW import for 10 minutes, straddling the boundary at +5 min.
    swh_meter_integrate(&m, t0, t0 + 600, 1000, 2000, -500, collect, &closed);
    FW_CHECK(closed.starts.size() == 1 && closed.starts[0] == t0 - 600);
    FW_CHECK(closed.regs[0].importJ == 1000LL * 300 && closed.regs[0].pvJ == 2000LL * 300);
    FW_CHECK(closed.regs[0].dischargeJ == 500LL * 300 && closed.regs[0].chargeJ == 0);
    FW_CHECK(m.current.importJ == 1000LL * 300);
    // Export, then a gap of hours: the period closes once, metering restarts, nothing invented.
    swh_meter_integrate(&m, t0 + 600, t0 + 1200, -3000, 3500, 0, collect, &closed);
    FW_CHECK(closed.starts.size() == 2 && closed.regs[1].exportJ == 3000LL * 600);
    swh_meter_integrate(&m, t0 + 1200, t0 + 20000, 500, 0, 0, collect, &closed);
    FW_CHECK(closed.starts.size() == 3 && closed.regs[2].importJ == 0);
    FW_CHECK(m.periodStartS == (t0 + 20000) - (t0 + 20000) % 900);

    // Reading signature in the ledger's format: the signer's key is recovered from the digest.
    swp_reading r;
    swh_reading_fill(closed.starts[0], &closed.regs[0], &r);
    FW_CHECK(r.importWh == 83 && r.pvWh == 166 && r.periodS == 900);
    uint8_t secret[32], pub[64], address[20], recovered[64], digest[32];
    for (int i = 0; i < 32; ++i) secret[i] = static_cast<uint8_t>(i + 1);
    FW_CHECK(swh_secp_pubkey(secret, pub) == 0);
    swh_eth_address(pub, address);
    swh_ledger_domain domain;
    swh_ledger_domain_demo(&domain);
    FW_CHECK(swh_reading_sign(secret, &domain, address, &r) == 0);
    FW_CHECK(r.signature[64] == 0 || r.signature[64] == 1);  // bare recovery id
    swh_reading_digest(&domain, address, &r, digest);
    FW_CHECK(swh_secp_recover(digest, r.signature, recovered) == 0 && std::memcmp(recovered, pub, 64) == 0);
    // Any signed field or the domain changed: the recovered key is someone else's.
    swp_reading changed = r;
    changed.importWh += 1;
    swh_reading_digest(&domain, address, &changed, digest);
    FW_CHECK(swh_secp_recover(digest, r.signature, recovered) != 0 || std::memcmp(recovered, pub, 64) != 0);
    swh_ledger_domain other = domain;
    other.chainId = 1;
    swh_reading_digest(&other, address, &r, digest);
    FW_CHECK(swh_secp_recover(digest, r.signature, recovered) != 0 || std::memcmp(recovered, pub, 64) != 0);
}

// The worked example of ledger/contracts/README.md ("Signed reading format", checked there
// against ethers 6): the firmware's message, digest and RFC 6979 signature must be the
// ledger's byte for byte, or NRGcoin.submitReading refuses every reading.
void testReadingMatchesTheLedgerExample()
{
    uint8_t tag[32];
    const char *tagText = "Swarmergy.MeterReading.v1";
    swh_keccak256(reinterpret_cast<const uint8_t *>(tagText), std::strlen(tagText), tag);
    FW_CHECK(toHex(tag, 32) == toHex(swh_reading_tag, 32));
    FW_CHECK(toHex(swh_reading_tag, 32) == "1f25839525e62078011355677cf915cfa2dfa3447bd99601b7c8707b2de1677c");

    uint8_t secret[32], pub[64], hub[20];
    std::memset(secret, 0x46, sizeof secret);
    FW_CHECK(swh_secp_pubkey(secret, pub) == 0);
    swh_eth_address(pub, hub);
    FW_CHECK(toHex(hub, 20) == "9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f");

    swh_ledger_domain domain;
    swh_ledger_domain_demo(&domain);  // chainId 2468, nrgToken 0x…1001
    swp_reading r{};
    r.periodStartS = 1782258300u;
    r.periodS = 900;
    r.exportWh = 1500;
    r.importWh = 250;
    r.pvWh = 4321;  // not signed: the ledger mints on export and import only
    uint8_t message[SWH_READING_MESSAGE_SIZE];
    swh_reading_message(&domain, hub, &r, message);
    FW_CHECK(toHex(message, sizeof message) ==
             "1f25839525e62078011355677cf915cfa2dfa3447bd99601b7c8707b2de1677c"
             "00000000000000000000000000000000000000000000000000000000000009a4"
             "0000000000000000000000000000000000000000000000000000000000001001"
             "0000000000000000000000009d8a62f656a8d1615c1294fd71e9cfb3e4855a4f"
             "000000000000000000000000000000000000000000000000000000006a3b1a7c"
             "00000000000000000000000000000000000000000000000000000000000005dc"
             "00000000000000000000000000000000000000000000000000000000000000fa");
    uint8_t digest[32];
    swh_reading_digest(&domain, hub, &r, digest);
    FW_CHECK(toHex(digest, 32) == "cc0aae0954fc2f3db9cad313a25c0b7ea83da3423171da4ce6596f5157d15408");
    FW_CHECK(swh_reading_sign(secret, &domain, hub, &r) == 0);
    FW_CHECK(toHex(r.signature, 32) == "3169325f13d4ce9e1e9d4467d70a43897887f98b1b279366b9372bf835ab7c87");
    FW_CHECK(toHex(r.signature + 32, 32) == "527a58e0a4cddf33e08c1995ab8175d039e52de926f73cd65e844befa9083c94");
    FW_CHECK(r.signature[64] == 0);
}

void testZcl()
{
    swh_zcl_model z;
    swh_zcl_init_demo(&z);
    swp_zcl_value v;
    swp_zcl_read q{2, SWH_ZCL_CLUSTER_ELECTRICAL, SWH_ZCL_ATTR_ACTIVE_POWER};
    swh_zcl_read(&z, &q, &v);
    FW_CHECK(v.status == SWH_ZCL_STATUS_SUCCESS && v.dataType == SWH_ZCL_TYPE_INT16 && v.valueLow == 2000);
    swp_zcl_command off{2, SWH_ZCL_CLUSTER_ON_OFF, 0};
    FW_CHECK(swh_zcl_command(&z, &off) == SWH_ZCL_STATUS_SUCCESS);
    swh_zcl_read(&z, &q, &v);
    FW_CHECK(v.valueLow == 0);
    q = {9, SWH_ZCL_CLUSTER_ON_OFF, 0};
    swh_zcl_read(&z, &q, &v);
    FW_CHECK(v.status == SWH_ZCL_STATUS_NOT_FOUND);
    q = {1, 0x0300, 0};
    swh_zcl_read(&z, &q, &v);
    FW_CHECK(v.status == SWH_ZCL_STATUS_UNSUPPORTED_CLUSTER);
    q = {SWH_ZCL_METER_ENDPOINT, SWH_ZCL_CLUSTER_METERING, SWH_ZCL_ATTR_DIVISOR};
    swh_zcl_read(&z, &q, &v);
    FW_CHECK(v.status == 0 && v.valueLow == 1000);
    swp_zcl_command bad{1, SWH_ZCL_CLUSTER_ON_OFF, 7};
    FW_CHECK(swh_zcl_command(&z, &bad) == SWH_ZCL_STATUS_UNSUP_COMMAND);
}

// The store survives a power cut at every flash operation of a save: it loads either the
// previous record or the new one, never garbage, and the next save works.
void testStorePowerCuts()
{
    std::vector<uint8_t> flash(SWH_FLASH_USED_SIZE);
    swh_flash_sim_attach(flash.data(), flash.size());
    swh_flash_sim_erase_all();
    swh_flash_sim_set_budget(-1);
    swh_persistent s;
    FW_CHECK(swh_store_load(&s) == -1 && s.config[SWH_CFG_BATTERY_CAPACITY_WH] == 10000);
    s.config[SWH_CFG_BATTERY_CAPACITY_WH] = 111;
    FW_CHECK(swh_store_save(&s) == 0);
    const std::vector<uint8_t> before = flash;
    swh_flash_sim_reset_operations();
    s.config[SWH_CFG_BATTERY_CAPACITY_WH] = 222;
    FW_CHECK(swh_store_save(&s) == 0);
    const long total = swh_flash_sim_operations();
    int sawOld = 0, sawNew = 0;
    for (long cut = 0; cut <= total; ++cut) {
        flash = before;
        swh_flash_sim_attach(flash.data(), flash.size());
        swh_flash_sim_set_budget(cut);
        swh_persistent w;
        swh_store_load(&w);
        w.config[SWH_CFG_BATTERY_CAPACITY_WH] = 222;
        swh_store_save(&w);
        swh_flash_sim_set_budget(-1);
        swh_persistent r;
        FW_CHECK(swh_store_load(&r) == 0);
        const int v = r.config[SWH_CFG_BATTERY_CAPACITY_WH];
        FW_CHECK_MSG(v == 111 || v == 222, "cut %ld: %d", cut, v);
        (v == 111 ? sawOld : sawNew)++;
        r.config[SWH_CFG_BATTERY_CAPACITY_WH] = 333;
        FW_CHECK(swh_store_save(&r) == 0 && swh_store_load(&r) == 0 && r.config[SWH_CFG_BATTERY_CAPACITY_WH] == 333);
    }
    FW_CHECK(sawOld > 0 && sawNew > 0);
    FW_CHECK(swh_config_check(SWH_CFG_SOC_MAX_PERMILLE, 1001) != 0 && swh_config_check(0, 1) == -1);
}

// A hub upgraded from firmware 1.0 finds a format-1 store record (no ledger domain): it keeps
// its identity, provisioning and settings, signs for the demo ledger, and the next save is a
// format-2 record that loads back with the domain provisioning gave it.
void testStoreMigratesFormat1()
{
    struct RecordV1 {  // firmware 1.0's swh_persistent
        uint32_t magic, seq, provisioned, identityValid, rucheId, alveoleId;
        swh_lorawan_session lora;
        uint8_t identitySecret[32];
        int32_t config[SWH_CFG_KEY_COUNT];
        uint32_t crc;
    };
    std::vector<uint8_t> flash(SWH_FLASH_USED_SIZE);
    swh_flash_sim_attach(flash.data(), flash.size());
    swh_flash_sim_erase_all();
    swh_flash_sim_set_budget(-1);
    RecordV1 old{};
    old.magic = 0x53575354u;
    old.seq = 5;
    old.provisioned = 1;
    old.identityValid = 1;
    old.rucheId = 7;
    old.alveoleId = 42;
    old.lora.devAddr = 0x26011234u;
    old.lora.fCntUp = 99;
    std::memset(old.identitySecret, 0x46, 32);
    old.config[SWH_CFG_BATTERY_CAPACITY_WH] = 12345;
    old.crc = swp_crc32(reinterpret_cast<const uint8_t *>(&old), offsetof(RecordV1, crc));
    const swh_flash_area *fa = swh_flash_area_get(SWH_AREA_CONFIG);
    std::vector<uint8_t> record((sizeof old + SWH_FLASH_ALIGN - 1) / SWH_FLASH_ALIGN * SWH_FLASH_ALIGN, 0xFF);
    std::memcpy(record.data(), &old, sizeof old);
    FW_CHECK(swh_flash_area_write(fa, 0, record.data(), record.size()) == 0);

    swh_persistent s;
    FW_CHECK(swh_store_load(&s) == 0);
    FW_CHECK(s.provisioned == 1 && s.identityValid == 1 && s.rucheId == 7 && s.alveoleId == 42);
    FW_CHECK(s.lora.devAddr == 0x26011234u && s.lora.fCntUp == 99 && s.identitySecret[31] == 0x46);
    FW_CHECK(s.config[SWH_CFG_BATTERY_CAPACITY_WH] == 12345 && s.config[SWH_CFG_SOC_MIN_PERMILLE] == 0);
    FW_CHECK(s.ledger.chainId == SWH_DEMO_CHAIN_ID && s.ledger.nrgToken[18] == 0x10 && s.ledger.nrgToken[19] == 0x01);
    // A corrupted format-1 record is not taken for one.
    swh_persistent none;
    flash[fa->offset + sizeof(uint32_t) * 4] ^= 1;
    FW_CHECK(swh_store_load(&none) == -1);
    flash[fa->offset + sizeof(uint32_t) * 4] ^= 1;

    s.ledger.chainId = 31337;
    s.ledger.nrgToken[0] = 0xAB;
    FW_CHECK(swh_store_save(&s) == 0);
    swh_persistent back;
    FW_CHECK(swh_store_load(&back) == 0);
    FW_CHECK(back.seq == 6 && back.ledger.chainId == 31337 && back.ledger.nrgToken[0] == 0xAB);
    FW_CHECK(back.identityValid == 1 && back.rucheId == 7 && back.lora.fCntUp == 99);
}

}  // namespace

int main()
{
    testLorawan();
    testDecisions();
    testMeterAndReadings();
    testReadingMatchesTheLedgerExample();
    testZcl();
    testStorePowerCuts();
    testStoreMigratesFormat1();
    return FW_TEST_RESULT();
}
