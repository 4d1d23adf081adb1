/* swarmergy-virtual-hub: the Smart Hub core on Linux, its serial link a pseudo-terminal.
 *
 *   swarmergy-virtual-hub --state DIR [--image FILE] [--baud N]
 *
 * Prints the pty path as its first line on stdout, then serves the hub protocol on it until
 * killed (SIGTERM/SIGINT). Flash is DIR/flash.bin (mmap'd, so it survives restarts and kills
 * like QEMU's file-backed memory); a fresh DIR gets FILE installed in slot A as the factory
 * image. The same bootloader logic as on the M4 picks the slot at every (re)boot; a REBOOT
 * request re-runs it in-process, keeping the pty. --baud limits the output rate to emulate
 * a real UART (10 bits per byte). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "firmware/boot/swh_boot.h"
#include "firmware/core/swh_hub.h"
#include "firmware/core/swh_port.h"
#include "firmware/crypto/swh_crypto.h"
#include "firmware/port/host/swh_flash_sim.h"

static int s_master = -1;
static long s_baud;
static uint8_t s_serial[8];
static volatile sig_atomic_t s_stop;

static uint64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static void sleep_us(uint64_t us)
{
    struct timespec ts = {(time_t)(us / 1000000u), (long)(us % 1000000u) * 1000};
    nanosleep(&ts, NULL);
}

/* ---- port functions for the core ---- */

void swh_port_serial_write(const uint8_t *data, size_t len)
{
    const uint64_t start = now_us();
    size_t done = 0;
    while (done < len && !s_stop) {
        const ssize_t n = write(s_master, data + done, len - done);
        if (n > 0) {
            done += (size_t)n;
        } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
            return; /* nobody listening: the bytes are lost, as on a real unplugged cable */
        } else {
            struct pollfd p = {s_master, POLLOUT, 0};
            if (poll(&p, 1, 200) <= 0) return; /* the host stopped reading: drop */
        }
    }
    if (s_baud > 0) { /* pace like a UART: 10 bits per byte */
        const uint64_t due = start + (uint64_t)len * 10u * 1000000u / (uint64_t)s_baud;
        const uint64_t t = now_us();
        if (due > t) sleep_us(due - t);
    }
}

uint32_t swh_port_millis(void)
{
    return (uint32_t)(now_us() / 1000u);
}

int swh_port_entropy(void *ctx, uint8_t *out, size_t len)
{
    (void)ctx;
    return getrandom(out, len, 0) == (ssize_t)len ? 0 : -1;
}

void swh_port_serial_number(uint8_t serial[8])
{
    memcpy(serial, s_serial, 8);
}

/* ---- setup ---- */

static int fail(const char *what, const char *detail)
{
    fprintf(stderr, "swarmergy-virtual-hub: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    return 1;
}

static uint8_t *map_flash(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/flash.bin", dir);
    const int fd = open(path, O_RDWR | O_CREAT, 0644);
    if (fd < 0) return NULL;
    struct stat st;
    const int fresh = fstat(fd, &st) == 0 && st.st_size == 0;
    if (ftruncate(fd, SWH_FLASH_USED_SIZE) != 0) {
        close(fd);
        return NULL;
    }
    void *mem = mmap(NULL, SWH_FLASH_USED_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (mem == MAP_FAILED) return NULL;
    swh_flash_sim_attach(mem, SWH_FLASH_USED_SIZE);
    if (fresh) swh_flash_sim_erase_all(); /* a factory-new chip reads 0xFF */
    return mem;
}

static int install_factory_image(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return fail("cannot read image", path);
    static uint8_t image[SWH_SLOT_IMAGE_CAPACITY + 1];
    const size_t len = fread(image, 1, sizeof image, f);
    fclose(f);
    swh_image_header h;
    const swp_status st = swh_image_verify_buffer(image, len, swh_firmware_public_key, 0, &h);
    if (st != SWP_OK) return fail("factory image refused", swp_status_text(st));
    return swh_boot_install(0, image, (uint32_t)len) == 0 ? 0 : fail("cannot install", path);
}

/* Power-on: the bootloader's decision, then the application starts. */
static int boot(const char *imagePath)
{
    swh_boot_state st;
    if (swh_boot_select(&st) != 0) {
        if (!imagePath) return fail("no bootable image in flash (give --image FILE)", NULL);
        if (install_factory_image(imagePath) != 0 || swh_boot_select(&st) != 0) return 1;
    }
    const swh_hub_boot_info info = {st.bootSlot, st.testBoot,
                                    st.slots[st.bootSlot].header.version, "SWH-HOST"};
    swh_hub_init(&info);
    char version[16];
    swp_version_format(info.firmwareVersion, version, sizeof version);
    fprintf(stderr, "swarmergy-virtual-hub: booted slot %c, version %s%s\n", 'A' + st.bootSlot,
            version, st.testBoot ? " (test boot, awaiting CONFIRM)" : "");
    return 0;
}

static int open_pty(char *name, size_t cap, int *slave)
{
    struct termios tio;
    char path[256];
    if (openpty(&s_master, slave, path, NULL, NULL) != 0) return -1;
    tcgetattr(*slave, &tio);
    cfmakeraw(&tio);
    tcsetattr(*slave, TCSANOW, &tio);
    fcntl(s_master, F_SETFL, fcntl(s_master, F_GETFL) | O_NONBLOCK);
    snprintf(name, cap, "%s", path);
    return 0;
}

static void on_signal(int sig)
{
    (void)sig;
    s_stop = 1;
}

static void serial_from_dir(const char *dir)
{
    char real[4096];
    uint8_t digest[32];
    const char *name = realpath(dir, real) ? real : dir;
    swh_sha256((const uint8_t *)name, strlen(name), digest);
    memcpy(s_serial, digest, 8);
}

int main(int argc, char **argv)
{
    const char *dir = NULL, *imagePath = NULL;
    for (int i = 1; i < argc; ++i) {
        if (!strcmp(argv[i], "--state") && i + 1 < argc) dir = argv[++i];
        else if (!strcmp(argv[i], "--image") && i + 1 < argc) imagePath = argv[++i];
        else if (!strcmp(argv[i], "--baud") && i + 1 < argc) s_baud = strtol(argv[++i], NULL, 10);
        else return fail("usage: swarmergy-virtual-hub --state DIR [--image FILE] [--baud N]", NULL);
    }
    if (!dir) return fail("usage: swarmergy-virtual-hub --state DIR [--image FILE] [--baud N]", NULL);
    mkdir(dir, 0755);
    if (!map_flash(dir)) return fail("cannot map flash file in", dir);
    serial_from_dir(dir);
    if (boot(imagePath) != 0) return 1;
    char ptyName[256];
    int slave = -1; /* kept open so the pty survives clients closing it (unplug/replug) */
    if (open_pty(ptyName, sizeof ptyName, &slave) != 0) return fail("openpty failed", strerror(errno));
    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);
    signal(SIGPIPE, SIG_IGN);
    printf("%s\n", ptyName);
    fflush(stdout);
    while (!s_stop) {
        struct pollfd p = {s_master, POLLIN, 0};
        const int ready = poll(&p, 1, 100);
        if (ready > 0 && (p.revents & POLLIN)) {
            uint8_t buf[4096];
            const ssize_t n = read(s_master, buf, sizeof buf);
            if (n > 0) swh_hub_receive(buf, (size_t)n);
        } else if (ready > 0) {
            sleep_us(50000); /* hang-up without data: do not spin */
        }
        swh_hub_poll();
        if (swh_hub_reboot_requested()) {
            tcdrain(slave);
            if (boot(imagePath) != 0) return 1;
        }
    }
    close(slave);
    close(s_master);
    return 0;
}
