// firmware/boot over the host flash simulation: signed-image verification with a reason for
// every refusal, A/B test boot with confirmation and rollback, the version floor, and power
// cut before EVERY flash write and erase of a whole upgrade (receive, verify, activate, test
// boot, confirm), each time checking that the hub boots a valid image and can be upgraded.
#include <cstring>
#include <random>
#include <vector>

#include "firmware/boot/swh_boot.h"
#include "firmware/boot/swh_image.h"
#include "firmware/boot/swh_update.h"
#include "firmware/crypto/swh_crypto.h"
#include "firmware/port/host/swh_flash_sim.h"
#include "firmware/protocol/swp_lz.h"
#include "firmware/protocol/swp_rle.h"
#include "tests/firmware/fw_test.h"
#include "tests/firmware/fw_test_util.h"

using Bytes = std::vector<uint8_t>;

namespace {

const uint32_t kV1 = SWP_VERSION_PACK(1, 0, 0);
const uint32_t kV2 = SWP_VERSION_PACK(1, 1, 0);
std::mt19937 rng(6u);
Bytes g_flash(SWH_FLASH_USED_SIZE);
Bytes g_secret;

Bytes makePayload(size_t n)
{
    Bytes p(n);
    for (size_t i = 0; i < n; ++i) {
        p[i] = (i / 512) % 3 == 0 ? 0 : static_cast<uint8_t>(rng());  // zero runs for RLE
    }
    return p;
}

Bytes makeImage(uint32_t version, const Bytes &payload, const uint8_t *secret)
{
    Bytes image(SWH_IMAGE_HEADER_SIZE + payload.size());
    const size_t n = swh_image_build(payload.data(), static_cast<uint32_t>(payload.size()), version,
                                     0x20000, secret, image.data(), image.size());
    image.resize(n);
    return image;
}

void freshFlash(const Bytes &factoryImage)
{
    swh_flash_sim_attach(g_flash.data(), g_flash.size());
    swh_flash_sim_erase_all();
    swh_flash_sim_set_budget(-1);
    FW_CHECK(swh_boot_install(0, factoryImage.data(), static_cast<uint32_t>(factoryImage.size())) == 0);
}

struct Running {
    int slot = -1;
    bool confirmed = false;
    uint32_t version = 0;
};

// Power on: the bootloader decides; returns what runs.
Running powerOn()
{
    swh_boot_state st;
    Running r;
    if (swh_boot_select(&st) == 0) {
        r.slot = st.bootSlot;
        r.confirmed = !st.testBoot;
        r.version = st.slots[st.bootSlot].header.version;
    }
    return r;
}

// Sends an image the way the desktop flasher does (chunks of varying size, raw or RLE).
swp_status sendImage(swh_update &u, const Running &r, const Bytes &image)
{
    uint8_t sha[32];
    swh_sha256(image.data(), image.size(), sha);
    uint32_t next = 0;
    swp_status st = swh_update_begin(&u, r.slot, r.confirmed, static_cast<uint32_t>(image.size()),
                                     sha, &next);
    while (st == SWP_OK && next < image.size()) {
        const size_t n = std::min<size_t>(image.size() - next, 100 + rng() % 900);
        Bytes chunk(image.begin() + next, image.begin() + static_cast<long>(next + n));
        uint8_t encoding = static_cast<uint8_t>(rng() % 3);
        if (encoding == SWP_ENCODING_RLE) {
            Bytes rle(SWP_RLE_MAX_ENCODED(n));
            rle.resize(swp_rle_encode(chunk.data(), n, rle.data(), rle.size()));
            chunk = rle;
        } else if (encoding == SWP_ENCODING_LZ) {
            static swp_lz_encoder enc;
            Bytes lz(2 * n + 16);
            lz.resize(swp_lz_encode(&enc, image.data(), image.size(), next, n, lz.data(), lz.size()));
            chunk = lz;
        }
        st = swh_update_chunk(&u, next, encoding, chunk.data(), static_cast<uint16_t>(chunk.size()), &next);
    }
    return st == SWP_OK ? swh_update_end(&u) : st;
}

// A whole upgrade: receive, verify, activate, reset into the test boot, confirm, reset.
// Stops at the first failure (a power cut makes every flash operation fail).
bool upgrade(const Bytes &image)
{
    Running r = powerOn();
    if (r.slot < 0) return false;
    swh_update u;
    swh_update_init(&u);
    if (sendImage(u, r, image) != SWP_OK || swh_update_activate(&u) != SWP_OK) return false;
    r = powerOn();
    if (r.slot < 0 || r.confirmed) return false;
    if (swh_boot_confirm(r.slot) != 0) return false;
    return powerOn().slot >= 0;
}

void testRefusals(const Bytes &v1, const Bytes &v2)
{
    swh_image_header h;
    const Bytes payload = makePayload(3000);
    FW_CHECK(swh_image_verify_buffer(v2.data(), v2.size(), swh_firmware_public_key, 0, &h) == SWP_OK);
    FW_CHECK(h.version == kV2 && h.payloadSize == v2.size() - SWH_IMAGE_HEADER_SIZE);
    // Unsigned: a raw binary, and a header whose signature is zeros.
    FW_CHECK(swh_image_verify_buffer(payload.data(), payload.size(), swh_firmware_public_key, 0, &h) ==
             SWP_ERR_IMAGE_MAGIC);
    Bytes unsignedImage = v2;
    std::memset(unsignedImage.data() + 56, 0, 64);
    FW_CHECK(swh_image_verify_buffer(unsignedImage.data(), unsignedImage.size(),
                                     swh_firmware_public_key, 0, &h) == SWP_ERR_IMAGE_SIGNATURE);
    // Wrongly signed: a valid signature by another key.
    uint8_t otherKey[32];
    for (auto &b : otherKey) b = static_cast<uint8_t>(rng());
    const Bytes foreign = makeImage(kV2, payload, otherKey);
    FW_CHECK(swh_image_verify_buffer(foreign.data(), foreign.size(), swh_firmware_public_key, 0, &h) ==
             SWP_ERR_IMAGE_SIGNATURE);
    // Truncated, corrupted (payload and hashed header), downgraded, bad header.
    FW_CHECK(swh_image_verify_buffer(v2.data(), v2.size() - 1, swh_firmware_public_key, 0, &h) ==
             SWP_ERR_IMAGE_TRUNCATED);
    Bytes corrupted = v2;
    corrupted[SWH_IMAGE_HEADER_SIZE + 100] ^= 0x10;
    FW_CHECK(swh_image_verify_buffer(corrupted.data(), corrupted.size(), swh_firmware_public_key, 0, &h) ==
             SWP_ERR_IMAGE_HASH);
    Bytes relabelled = v2;
    relabelled[8] ^= 1;  // version field: covered by the hash
    FW_CHECK(swh_image_verify_buffer(relabelled.data(), relabelled.size(), swh_firmware_public_key, 0, &h) ==
             SWP_ERR_IMAGE_HASH);
    FW_CHECK(swh_image_verify_buffer(v1.data(), v1.size(), swh_firmware_public_key, kV2, &h) ==
             SWP_ERR_IMAGE_DOWNGRADE);
    Bytes badHeader = v2;
    badHeader[4] = 64;
    FW_CHECK(swh_image_verify_buffer(badHeader.data(), badHeader.size(), swh_firmware_public_key, 0, &h) ==
             SWP_ERR_IMAGE_HEADER);

    // Through the update path on a hub running v1: every bad image refused, v1 still boots.
    freshFlash(v1);
    struct Case { const Bytes *image; swp_status expected; } cases[] = {
        {&payload, SWP_ERR_IMAGE_MAGIC}, {&unsignedImage, SWP_ERR_IMAGE_SIGNATURE},
        {&foreign, SWP_ERR_IMAGE_SIGNATURE}, {&corrupted, SWP_ERR_IMAGE_HASH}};
    for (const auto &c : cases) {
        swh_update u;
        swh_update_init(&u);
        const Running r = powerOn();
        FW_CHECK_MSG(sendImage(u, r, *c.image) == c.expected, "expected %s",
                     swp_status_text(c.expected));
        FW_CHECK(swh_update_activate(&u) == SWP_ERR_STATE);
        const Running after = powerOn();
        FW_CHECK(after.slot == 0 && after.confirmed && after.version == kV1);
    }
    // Truncated in transit: the announced size is shorter than the header says.
    {
        Bytes truncated(v2.begin(), v2.end() - 10);
        swh_update u;
        swh_update_init(&u);
        FW_CHECK(sendImage(u, powerOn(), truncated) == SWP_ERR_IMAGE_TRUNCATED);
    }
    // A hash that does not match the announced one.
    {
        swh_update u;
        swh_update_init(&u);
        uint8_t wrongSha[32] = {1};
        uint32_t next = 0;
        const Running r = powerOn();
        FW_CHECK(swh_update_begin(&u, r.slot, 1, static_cast<uint32_t>(v2.size()), wrongSha, &next) == SWP_OK);
        FW_CHECK(swh_update_chunk(&u, 0, SWP_ENCODING_RAW, v2.data(), 1000, &next) == SWP_OK && next == 1000);
        FW_CHECK(swh_update_chunk(&u, 5000, SWP_ENCODING_RAW, v2.data(), 10, &next) == SWP_ERR_OFFSET && next == 1000);
        FW_CHECK(swh_update_chunk(&u, 0, SWP_ENCODING_RAW, v2.data(), 1000, &next) == SWP_OK && next == 1000);
        FW_CHECK(swh_update_chunk(&u, 1000, 9, v2.data(), 10, &next) == SWP_ERR_ENCODING);
        FW_CHECK(swh_update_end(&u) == SWP_ERR_OFFSET);
        while (next < v2.size()) {
            const uint32_t n = std::min<uint32_t>(static_cast<uint32_t>(v2.size()) - next, 1000);
            swh_update_chunk(&u, next, SWP_ENCODING_RAW, v2.data() + next, static_cast<uint16_t>(n), &next);
        }
        FW_CHECK(swh_update_end(&u) == SWP_ERR_HASH);
    }
}

void testTestBootConfirmRollbackFloor(const Bytes &v1, const Bytes &v2)
{
    freshFlash(v1);
    Running r = powerOn();
    FW_CHECK(r.slot == 0 && r.confirmed && r.version == kV1);
    // Upgrade to v2, never confirm: the next reset rolls back to v1, for good.
    swh_update u;
    swh_update_init(&u);
    FW_CHECK(sendImage(u, r, v2) == SWP_OK);
    FW_CHECK(swh_update_activate(&u) == SWP_OK);
    r = powerOn();
    FW_CHECK(r.slot == 1 && !r.confirmed && r.version == kV2);
    // While on trial, flashing is refused (the other slot holds the only confirmed image).
    uint8_t sha[32] = {0};
    uint32_t next;
    swh_update_init(&u);
    FW_CHECK(swh_update_begin(&u, r.slot, r.confirmed, 1000, sha, &next) == SWP_ERR_UNCONFIRMED);
    r = powerOn();
    FW_CHECK(r.slot == 0 && r.confirmed && r.version == kV1);
    r = powerOn();
    FW_CHECK(r.slot == 0 && r.version == kV1);
    // Upgrade again and confirm: v2 stays, the floor rises, v1 becomes a refused downgrade.
    FW_CHECK(upgrade(v2));
    r = powerOn();
    FW_CHECK(r.slot == 1 && r.confirmed && r.version == kV2);
    FW_CHECK(swh_boot_version_floor() == kV2);
    swh_boot_state st;
    swh_boot_inspect(&st);
    FW_CHECK(st.slots[0].status == SWP_ERR_IMAGE_DOWNGRADE);
    swh_update_init(&u);
    FW_CHECK(sendImage(u, r, v1) == SWP_ERR_IMAGE_DOWNGRADE);
    FW_CHECK(powerOn().version == kV2);
    // Resume: a second FLASH_BEGIN with the same image continues where the first stopped.
    swh_update_init(&u);
    uint8_t sha2[32];
    swh_sha256(v2.data(), v2.size(), sha2);
    FW_CHECK(swh_update_begin(&u, r.slot, 1, static_cast<uint32_t>(v2.size()), sha2, &next) == SWP_OK && next == 0);
    FW_CHECK(swh_update_chunk(&u, 0, SWP_ENCODING_RAW, v2.data(), 1001, &next) == SWP_OK);
    FW_CHECK(swh_update_begin(&u, r.slot, 1, static_cast<uint32_t>(v2.size()), sha2, &next) == SWP_OK && next == 1001);
}

void testPowerCutAtEveryWrite(const Bytes &v1, const Bytes &v2)
{
    freshFlash(v1);
    const Bytes factory = g_flash;
    swh_flash_sim_reset_operations();
    const unsigned seed = rng();
    rng.seed(seed);
    FW_CHECK(upgrade(v2));
    const long total = swh_flash_sim_operations();
    FW_CHECK(total > static_cast<long>(v2.size() / SWH_FLASH_ALIGN));
    int bootedV1 = 0, bootedV2 = 0;
    for (long cut = 0; cut <= total; ++cut) {
        g_flash = factory;
        swh_flash_sim_attach(g_flash.data(), g_flash.size());
        rng.seed(seed);  // the same chunking, so the cut lands on the same write
        swh_flash_sim_set_budget(cut);
        const bool completed = upgrade(v2);
        FW_CHECK(completed == (cut == total));
        swh_flash_sim_set_budget(-1);
        // Power back: a valid image boots, and (if on trial) a second reset still boots one.
        Running r = powerOn();
        FW_CHECK_MSG(r.slot >= 0 && (r.version == kV1 || r.version == kV2), "cut %ld", cut);
        if (r.slot >= 0 && !r.confirmed) {
            r = powerOn();
            FW_CHECK_MSG(r.slot >= 0 && r.confirmed && r.version == kV1, "rollback after cut %ld", cut);
        }
        (r.version == kV2 ? bootedV2 : bootedV1)++;
        // The image on the booted slot is intact, and the next upgrade succeeds.
        swh_boot_state st;
        swh_boot_inspect(&st);
        FW_CHECK(st.bootSlot >= 0 && st.slots[st.bootSlot].status == SWP_OK);
        FW_CHECK_MSG(upgrade(v2), "upgrade after cut %ld", cut);
        r = powerOn();
        FW_CHECK(r.confirmed && r.version == kV2);
    }
    std::printf("power cut at each of %ld flash operations: booted v1 %d times, v2 %d times\n",
                total + 1, bootedV1, bootedV2);
    FW_CHECK(bootedV1 > 0 && bootedV2 > 0);
}

}  // namespace

int main()
{
    g_secret = fwtest::readKeyFile("firmware-demo.key");
    if (g_secret.size() != 32) {
        std::fprintf(stderr, "cannot read resources/keys/firmware-demo.key\n");
        return 1;
    }
    const Bytes v1 = makeImage(kV1, makePayload(5000), g_secret.data());
    const Bytes v2 = makeImage(kV2, makePayload(6001), g_secret.data());
    FW_CHECK(!v1.empty() && !v2.empty());
    testRefusals(v1, v2);
    testTestBootConfirmRollbackFloor(v1, v2);
    testPowerCutAtEveryWrite(v1, v2);
    return FW_TEST_RESULT();
}
