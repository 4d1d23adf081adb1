/* swarmergy-fw-tool: host side of the firmware images.
 *   swarmergy-fw-tool pubkey KEYFILE                    print the public key (hex X || Y)
 *   swarmergy-fw-tool sign --key KEYFILE --version X.Y.Z [--load ADDR] IN.bin OUT.swfw
 *   swarmergy-fw-tool inspect IMAGE                     print "VERSION SIZE STATUS", exit 1 if refused
 *   swarmergy-fw-tool mkflash OUT.flash IMAGE [BYTES]   factory flash: erased, IMAGE in slot A
 * A KEYFILE holds 64 hex digits; lines starting with '#' are comments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "firmware/boot/swh_boot.h"
#include "firmware/boot/swh_image.h"
#include "firmware/crypto/swh_crypto.h"
#include "firmware/port/host/swh_flash_sim.h"

static int fail(const char *what, const char *detail)
{
    fprintf(stderr, "swarmergy-fw-tool: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    return 1;
}

static uint8_t *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    const long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *data = malloc(size > 0 ? (size_t)size : 1);
    if (data && size > 0 && fread(data, 1, (size_t)size, f) != (size_t)size) {
        free(data);
        data = NULL;
    }
    fclose(f);
    *len = size > 0 ? (size_t)size : 0;
    return data;
}

static int write_file(const char *path, const uint8_t *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        return -1;
    }
    const size_t n = fwrite(data, 1, len, f);
    return fclose(f) == 0 && n == len ? 0 : -1;
}

static int read_key(const char *path, uint8_t key[32])
{
    FILE *f = fopen(path, "r");
    if (!f) {
        return -1;
    }
    char line[256];
    int found = -1;
    while (found != 0 && fgets(line, sizeof line, f)) {
        if (line[0] == '#') {
            continue;
        }
        found = 0;
        for (int i = 0; i < 32 && found == 0; ++i) {
            unsigned v;
            if (sscanf(line + 2 * i, "%2x", &v) != 1) {
                found = -1;
            }
            key[i] = (uint8_t)v;
        }
    }
    fclose(f);
    return found == 0 && swh_secp_seckey_valid(key) ? 0 : -1;
}

static int parse_version(const char *text, uint32_t *packed)
{
    unsigned major, minor, patch;
    if (sscanf(text, "%u.%u.%u", &major, &minor, &patch) != 3 || major > 255 || minor > 255 ||
        patch > 65535) {
        return -1;
    }
    *packed = SWP_VERSION_PACK(major, minor, patch);
    return 0;
}

static int cmd_pubkey(int argc, char **argv)
{
    uint8_t key[32], pub[64], address[20];
    if (argc != 1 || read_key(argv[0], key) != 0 || swh_secp_pubkey(key, pub) != 0) {
        return fail("cannot read the key", argc == 1 ? argv[0] : "usage: pubkey KEYFILE");
    }
    for (int i = 0; i < 64; ++i) printf("%02x", pub[i]);
    swh_eth_address(pub, address);
    printf("\naddress 0x");
    for (int i = 0; i < 20; ++i) printf("%02x", address[i]);
    printf("\n");
    return 0;
}

static int cmd_sign(int argc, char **argv)
{
    const char *keyPath = NULL, *versionText = NULL, *in = NULL, *out = NULL;
    unsigned long load = 0x00020000u;
    for (int i = 0; i < argc; ++i) {
        if (!strcmp(argv[i], "--key") && i + 1 < argc) keyPath = argv[++i];
        else if (!strcmp(argv[i], "--version") && i + 1 < argc) versionText = argv[++i];
        else if (!strcmp(argv[i], "--load") && i + 1 < argc) load = strtoul(argv[++i], NULL, 0);
        else if (!in) in = argv[i];
        else out = argv[i];
    }
    uint8_t key[32];
    uint32_t version;
    if (!keyPath || !versionText || !in || !out) {
        return fail("usage: sign --key KEYFILE --version X.Y.Z [--load ADDR] IN.bin OUT.swfw", NULL);
    }
    if (read_key(keyPath, key) != 0) return fail("invalid key file", keyPath);
    if (parse_version(versionText, &version) != 0) return fail("invalid version (X.Y.Z)", versionText);
    size_t len;
    uint8_t *payload = read_file(in, &len);
    if (!payload) return fail("cannot read", in);
    if (len == 0 || len > SWH_IMAGE_MAX_PAYLOAD) return fail("payload empty or larger than 256 KiB", in);
    uint8_t *image = malloc(SWH_IMAGE_HEADER_SIZE + len);
    const size_t n = swh_image_build(payload, (uint32_t)len, version, (uint32_t)load, key, image,
                                     SWH_IMAGE_HEADER_SIZE + len);
    const int rc = n > 0 && write_file(out, image, n) == 0 ? 0 : fail("cannot write", out);
    free(payload);
    free(image);
    return rc;
}

static int cmd_inspect(int argc, char **argv)
{
    size_t len;
    uint8_t *image = argc == 1 ? read_file(argv[0], &len) : NULL;
    if (!image) return fail("cannot read image", argc == 1 ? argv[0] : "usage: inspect IMAGE");
    swh_image_header h;
    memset(&h, 0, sizeof h);
    const swp_status st = swh_image_verify_buffer(image, len, swh_firmware_public_key, 0, &h);
    char version[16];
    swp_version_format(h.version, version, sizeof version);
    printf("%s %zu %s\n", version, len, swp_status_text(st));
    free(image);
    return st == SWP_OK ? 0 : 1;
}

static int cmd_mkflash(int argc, char **argv)
{
    if (argc < 2) return fail("usage: mkflash OUT.flash IMAGE [BYTES]", NULL);
    const size_t size = argc > 2 ? strtoul(argv[2], NULL, 0) : SWH_FLASH_USED_SIZE;
    if (size < SWH_FLASH_USED_SIZE) return fail("flash smaller than the layout", argv[2]);
    size_t len;
    uint8_t *image = read_file(argv[1], &len);
    if (!image) return fail("cannot read image", argv[1]);
    swh_image_header h;
    const swp_status st = swh_image_verify_buffer(image, len, swh_firmware_public_key, 0, &h);
    if (st != SWP_OK) return fail("image refused", swp_status_text(st));
    uint8_t *flash = malloc(size);
    swh_flash_sim_attach(flash, size);
    swh_flash_sim_erase_all();
    swh_flash_sim_set_budget(-1);
    int rc = swh_boot_install(0, image, (uint32_t)len) == 0 ? 0 : fail("install failed", NULL);
    if (rc == 0 && write_file(argv[0], flash, size) != 0) rc = fail("cannot write", argv[0]);
    free(flash);
    free(image);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        return fail("usage: swarmergy-fw-tool pubkey|sign|inspect|mkflash ...", NULL);
    }
    if (swh_secp_init() != 0) return fail("secp256k1 context", NULL);
    if (!strcmp(argv[1], "pubkey")) return cmd_pubkey(argc - 2, argv + 2);
    if (!strcmp(argv[1], "sign")) return cmd_sign(argc - 2, argv + 2);
    if (!strcmp(argv[1], "inspect")) return cmd_inspect(argc - 2, argv + 2);
    if (!strcmp(argv[1], "mkflash")) return cmd_mkflash(argc - 2, argv + 2);
    return fail("unknown command", argv[1]);
}
