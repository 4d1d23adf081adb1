// bench_flash: flashing throughput over a link limited to 115,200 baud (the virtual hub on a
// rate-limited pty: the hub paces its output with --baud, this client paces its own), and the
// time to flash 128 KiB end to end under QEMU.
//   bench_flash VIRTUAL_HUB FACTORY.swfw IMAGE.swfw [BOOTLOADER.elf FW-TOOL]
// Prints the payload throughput as a fraction of the line rate (raw chunks, target >= 0.9),
// the effective rate with RLE chunks on the real image, and a baseline in the same run:
// stop-and-wait with 128-byte chunks.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "firmware/boot/swh_image.h"
#include "firmware/crypto/swh_crypto.h"
#include "firmware/protocol/swp_lz.h"
#include "firmware/protocol/swp_rle.h"
#include "tests/firmware/hub_client.h"
#include "tests/firmware/process.h"

using Bytes = std::vector<uint8_t>;
using Clock = std::chrono::steady_clock;

namespace {

const long kBaud = 115200;

Bytes readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

// The host side of a UART: bytes leave no faster than 10 bits each at kBaud.
class PacedLink {
public:
    explicit PacedLink(fwtest::HubClient &c, long baud) : c_(c), baud_(baud), next_(Clock::now()) {}
    void send(const Bytes &wire)
    {
        if (baud_ > 0) {
            const auto now = Clock::now();
            if (next_ < now) next_ = now;
            std::this_thread::sleep_until(next_);
            next_ += std::chrono::microseconds(static_cast<long>(wire.size()) * 10 * 1000000 / baud_);
        }
        c_.sendRaw(wire);
    }

private:
    fwtest::HubClient &c_;
    long baud_;
    Clock::time_point next_;
};

struct Chunk {
    uint32_t offset;
    uint32_t rawLen;
    Bytes wire;
    uint8_t seq;
};

// Sends the image with up to `window` chunks in flight (go-back-N on OFFSET). Returns seconds
// from FLASH_BEGIN to the FLASH_END status, or -1 on failure.
double flashImage(fwtest::HubClient &c, PacedLink &line, const Bytes &image, size_t chunkSize,
                  int encoding, int window)
{
    uint8_t sha[32];
    swh_sha256(image.data(), image.size(), sha);
    const auto t0 = Clock::now();
    uint8_t seq = 0;
    auto nextSeq = [&] { seq = static_cast<uint8_t>(seq >= 250 ? 1 : seq + 1); return seq; };
    swp_message m{};
    m.type = SWP_MSG_FLASH_BEGIN;
    m.body.flashBegin.imageSize = static_cast<uint32_t>(image.size());
    std::memcpy(m.body.flashBegin.sha256, sha, 32);
    uint8_t s = nextSeq();
    line.send(c.encode(m, s));
    fwtest::Received r = c.waitFor([&](const fwtest::Received &f) { return f.header.ack == s; }, 10000);
    if (!r.ok || r.msg.body.flashStatus.status != SWP_OK) return -1;
    uint32_t sendOffset = 0, acked = 0;
    std::deque<Chunk> inFlight;
    while (acked < image.size()) {
        while (static_cast<int>(inFlight.size()) < window && sendOffset < image.size()) {
            size_t n = std::min<size_t>(image.size() - sendOffset, encoding == SWP_ENCODING_LZ ? 4096 : chunkSize);
            swp_message cm{};
            cm.type = SWP_MSG_FLASH_CHUNK;
            cm.body.flashChunk.offset = sendOffset;
            Bytes enc;
            if (encoding == SWP_ENCODING_LZ) {  // as much input as fits in one 1000-byte chunk
                static swp_lz_encoder lz;
                enc.resize(chunkSize);
                size_t len = 0;
                while ((len = swp_lz_encode(&lz, image.data(), image.size(), sendOffset, n, enc.data(), enc.size())) == 0) {
                    n = n * 7 / 8;
                }
                enc.resize(len);
            } else if (encoding == SWP_ENCODING_RLE) {
                enc.resize(SWP_RLE_MAX_ENCODED(n));
                enc.resize(swp_rle_encode(image.data() + sendOffset, n, enc.data(), enc.size()));
            }
            Bytes data(image.begin() + sendOffset, image.begin() + static_cast<long>(sendOffset + n));
            if (encoding != SWP_ENCODING_RAW && enc.size() < n) {
                cm.body.flashChunk.encoding = static_cast<uint8_t>(encoding);
                cm.body.flashChunk.data = enc.data();
                cm.body.flashChunk.dataLen = static_cast<uint16_t>(enc.size());
            } else {
                cm.body.flashChunk.data = data.data();
                cm.body.flashChunk.dataLen = static_cast<uint16_t>(n);
            }
            Chunk ch{sendOffset, static_cast<uint32_t>(n), {}, nextSeq()};
            ch.wire = c.encode(cm, ch.seq);
            line.send(ch.wire);
            inFlight.push_back(ch);
            sendOffset += static_cast<uint32_t>(n);
        }
        const uint8_t want = inFlight.front().seq;
        r = c.waitFor([&](const fwtest::Received &f) { return f.header.ack == want; }, 5000);
        if (!r.ok) return -1;
        const auto &st = r.msg.body.flashStatus;
        inFlight.pop_front();
        if (st.status == SWP_ERR_OFFSET || st.nextOffset < sendOffset - 0) {
            if (st.status != SWP_OK && st.status != SWP_ERR_OFFSET) return -1;
        }
        acked = st.nextOffset;
        if (st.status == SWP_ERR_OFFSET) {  // go back: resend from the hub's offset
            inFlight.clear();
            sendOffset = st.nextOffset;
        }
    }
    m = {};
    m.type = SWP_MSG_FLASH_END;
    s = nextSeq();
    line.send(c.encode(m, s));
    r = c.waitFor([&](const fwtest::Received &f) { return f.header.ack == s; }, 20000);
    if (!r.ok || r.msg.body.flashStatus.status != SWP_OK) return -1;
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

void report(const char *what, size_t bytes, double seconds)
{
    const double bitsPerS = bytes * 10.0 / seconds;
    std::printf("%-46s %7zu B in %6.2f s: %6.0f B/s, %.3f of the line rate\n", what, bytes, seconds,
                bytes / seconds, bitsPerS / kBaud);
}

int benchVirtualHub(const std::string &hubExe, const Bytes &factory, const Bytes &image)
{
    char tmpl[] = "/tmp/swarmergy-bench-flash-XXXXXX";
    const std::string dir = mkdtemp(tmpl);
    std::ofstream(dir + "/factory.swfw", std::ios::binary)
        .write(reinterpret_cast<const char *>(factory.data()), static_cast<long>(factory.size()));
    fwtest::Process hub;
    hub.start({hubExe, "--state", dir, "--image", dir + "/factory.swfw", "--baud", std::to_string(kBaud)});
    fwtest::HubClient c;
    if (!c.open(hub.readLine())) {
        std::fprintf(stderr, "cannot open the virtual hub's pty\n");
        return 1;
    }
    PacedLink line(c, kBaud);
    std::printf("virtual hub, link limited to %ld baud (10 bits per byte: %ld B/s)\n", kBaud, kBaud / 10);
    const double base = flashImage(c, line, image, 128, SWP_ENCODING_RAW, 1);
    report("baseline: stop-and-wait, 128-byte chunks", image.size(), base);
    const double saw = flashImage(c, line, image, 1000, SWP_ENCODING_RAW, 1);
    report("stop-and-wait, 1000-byte raw chunks", image.size(), saw);
    const double raw = flashImage(c, line, image, 1000, SWP_ENCODING_RAW, 4);
    report("window 4, 1000-byte raw chunks", image.size(), raw);
    const double rle = flashImage(c, line, image, 1000, SWP_ENCODING_RLE, 4);
    report("window 4, RLE chunks (real image)", image.size(), rle);
    const double lz = flashImage(c, line, image, 1000, SWP_ENCODING_LZ, 4);
    report("window 4, LZ chunks (real image)", image.size(), lz);
    std::printf("ratio LZ / baseline: %.2fx\n", base / lz);
    std::printf("ratio window-4 raw / baseline: %.2fx\n", base / raw);
    std::system(("rm -rf " + dir).c_str());
    return base > 0 && raw > 0 && rle > 0 && lz > 0 ? 0 : 1;
}

int benchQemu(const std::string &bootloader, const std::string &tool, const Bytes &factory,
              const Bytes &image)
{
    char tmpl[] = "/tmp/swarmergy-bench-qemu-XXXXXX";
    const std::string dir = mkdtemp(tmpl);
    std::ofstream(dir + "/factory.swfw", std::ios::binary)
        .write(reinterpret_cast<const char *>(factory.data()), static_cast<long>(factory.size()));
    std::system((tool + " mkflash " + dir + "/flash.bin " + dir + "/factory.swfw 16777216").c_str());
    fwtest::Process qemu, socat;
    qemu.start({"qemu-system-arm", "-M", "mps2-an386", "-display", "none", "-monitor", "none", "-kernel",
                bootloader, "-object", "memory-backend-file,id=m,size=16M,mem-path=" + dir + "/flash.bin,share=on",
                "-machine", "memory-backend=m", "-serial", "unix:" + dir + "/uart.sock,server=on,wait=on"});
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    socat.start({"socat", "PTY,link=" + dir + "/tty,raw,echo=0", "UNIX-CONNECT:" + dir + "/uart.sock"});
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    fwtest::HubClient c;
    if (!c.open(dir + "/tty")) return 1;
    PacedLink line(c, 0);  // QEMU sets its own pace (about 25 KB/s host to guest)
    const double t = flashImage(c, line, image, 1000, SWP_ENCODING_RAW, 4);
    report("QEMU end to end, 128 KiB image (window 4, raw)", image.size(), t);
    qemu.kill(SIGKILL);
    socat.kill(SIGKILL);
    std::system(("rm -rf " + dir).c_str());
    return t > 0 ? 0 : 1;
}

}  // namespace

// A signed 128 KiB image (header included): the real image's payload, then pseudo-random
// bytes, signed with the DEMO key so the hub verifies it as it would a real one.
Bytes image128k(const Bytes &real)
{
    std::ifstream in(std::string(SWARMERGY_SOURCE_DIR) + "/resources/keys/firmware-demo.key");
    std::string line, hex;
    while (std::getline(in, line)) {
        if (!line.empty() && line[0] != '#') hex = line;
    }
    uint8_t secret[32];
    for (int i = 0; i < 32 && hex.size() >= 64; ++i) secret[i] = static_cast<uint8_t>(std::stoul(hex.substr(2 * i, 2), nullptr, 16));
    const size_t payloadSize = 128 * 1024 - SWH_IMAGE_HEADER_SIZE;
    Bytes payload(real.begin() + SWH_IMAGE_HEADER_SIZE, real.end());
    uint32_t x = 12345;
    while (payload.size() < payloadSize) {
        x = x * 1103515245u + 12345u;
        payload.push_back(static_cast<uint8_t>(x >> 16));
    }
    payload.resize(payloadSize);
    Bytes out(128 * 1024);
    out.resize(swh_image_build(payload.data(), static_cast<uint32_t>(payload.size()),
                               SWP_VERSION_PACK(1, 1, 0), 0x20000, secret, out.data(), out.size()));
    return out;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        std::fprintf(stderr, "usage: bench_flash VIRTUAL_HUB FACTORY.swfw IMAGE.swfw [BOOTLOADER.elf FW-TOOL]\n");
        return 1;
    }
    const Bytes factory = readFile(argv[2]);
    const Bytes image = readFile(argv[3]);
    if (factory.empty() || image.empty()) {
        std::fprintf(stderr, "cannot read the images\n");
        return 1;
    }
    int rc = benchVirtualHub(argv[1], factory, image);
    if (argc >= 6) rc |= benchQemu(argv[4], argv[5], factory, image128k(image));
    return rc;
}
