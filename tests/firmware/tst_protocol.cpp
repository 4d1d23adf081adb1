// firmware/protocol: CRC-32, COBS, frames, messages and RLE. Round trips for every message
// type, every single-bit corruption and truncation detected, and 100k random or mutated
// frames fed to the decoder without a crash (this test builds with ASan/UBSan when available).
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "firmware/protocol/swp_cobs.h"
#include "firmware/protocol/swp_crc32.h"
#include "firmware/protocol/swp_frame.h"
#include "firmware/protocol/swp_lz.h"
#include "firmware/protocol/swp_messages.h"
#include "firmware/protocol/swp_rle.h"
#include "tests/firmware/fw_test.h"

using Bytes = std::vector<uint8_t>;

namespace {

std::mt19937 rng(20261125u);

Bytes randomBytes(size_t n)
{
    Bytes b(n);
    for (auto &x : b) {
        x = static_cast<uint8_t>(rng());
    }
    return b;
}

Bytes cobsEncode(const Bytes &in)
{
    Bytes out(SWP_COBS_MAX_ENCODED(in.size()));
    const size_t n = swp_cobs_encode(in.data(), in.size(), out.data(), out.size());
    out.resize(n);
    return out;
}

void testCrc()
{
    const char *check = "123456789";
    FW_CHECK(swp_crc32(reinterpret_cast<const uint8_t *>(check), 9) == 0xCBF43926u);
    const Bytes data = randomBytes(1000);
    const uint32_t partial = swp_crc32_update(swp_crc32(data.data(), 300), data.data() + 300, 700);
    FW_CHECK(partial == swp_crc32(data.data(), data.size()));
}

void testCobsVectors()
{
    // Vectors of the COBS article (Cheshire and Baker) as listed on Wikipedia's COBS page.
    struct Vector { Bytes in, out; };
    Bytes seq254, seq255, enc254, enc255;
    for (int i = 1; i <= 254; ++i) seq254.push_back(static_cast<uint8_t>(i));
    for (int i = 1; i <= 255; ++i) seq255.push_back(static_cast<uint8_t>(i));
    enc254.push_back(0xFF);
    enc254.insert(enc254.end(), seq254.begin(), seq254.end());
    enc255 = enc254;
    enc255.push_back(0x02);
    enc255.push_back(0xFF);
    const std::vector<Vector> vectors = {
        {{0x00}, {0x01, 0x01}},
        {{0x00, 0x00}, {0x01, 0x01, 0x01}},
        {{0x00, 0x11, 0x00}, {0x01, 0x02, 0x11, 0x01}},
        {{0x11, 0x22, 0x00, 0x33}, {0x03, 0x11, 0x22, 0x02, 0x33}},
        {{0x11, 0x22, 0x33, 0x44}, {0x05, 0x11, 0x22, 0x33, 0x44}},
        {{0x11, 0x00, 0x00, 0x00}, {0x02, 0x11, 0x01, 0x01, 0x01}},
        {seq254, enc254},
        {seq255, enc255},
    };
    for (const auto &v : vectors) {
        FW_CHECK(cobsEncode(v.in) == v.out);
        Bytes back(v.in.size() + 8);
        const long n = swp_cobs_decode(v.out.data(), v.out.size(), back.data(), back.size());
        FW_CHECK(n == static_cast<long>(v.in.size()));
        back.resize(n < 0 ? 0 : static_cast<size_t>(n));
        FW_CHECK(back == v.in);
    }
    for (int round = 0; round < 500; ++round) {
        Bytes in = randomBytes(rng() % 1500);
        for (auto &x : in) {
            if (rng() % 3 == 0) x = 0;  // many zeros too
        }
        const Bytes enc = cobsEncode(in);
        FW_CHECK(enc.size() <= SWP_COBS_MAX_ENCODED(in.size()));
        FW_CHECK(std::find(enc.begin(), enc.end(), 0) == enc.end());
        Bytes back(in.size());
        FW_CHECK(swp_cobs_decode(enc.data(), enc.size(), back.data(), back.size()) ==
                 static_cast<long>(in.size()));
        FW_CHECK(back == in);
    }
    uint8_t small[3];
    const Bytes big(10, 0x55);
    FW_CHECK(swp_cobs_encode(big.data(), big.size(), small, sizeof small) == 0);
}

Bytes encodeFrame(const swp_message &msg, uint8_t seq, uint8_t ack)
{
    uint8_t payload[SWP_MAX_PAYLOAD];
    size_t len = 0;
    if (swp_message_encode(&msg, payload, sizeof payload, &len) != SWP_OK) {
        return {};
    }
    swp_header h{SWP_PROTOCOL_VERSION, msg.type, seq, ack, static_cast<uint16_t>(len)};
    Bytes wire(SWP_MAX_WIRE_FRAME);
    wire.resize(swp_frame_encode(&h, payload, wire.data(), wire.size()));
    return wire;
}

const uint8_t kAllTypes[] = {
    SWP_MSG_HELLO, SWP_MSG_INFO, SWP_MSG_FLASH_BEGIN, SWP_MSG_FLASH_CHUNK, SWP_MSG_FLASH_END,
    SWP_MSG_REBOOT, SWP_MSG_CONFIRM, SWP_MSG_PROVISION_CHALLENGE, SWP_MSG_PROVISION,
    SWP_MSG_CONFIG_GET, SWP_MSG_CONFIG_SET, SWP_MSG_TELEMETRY_CONTROL, SWP_MSG_SENSOR_FEED,
    SWP_MSG_SETPOINT, SWP_MSG_READING_REQUEST, SWP_MSG_ZCL_READ, SWP_MSG_ZCL_COMMAND,
    SWP_MSG_HELLO_REPLY, SWP_MSG_INFO_REPLY, SWP_MSG_FLASH_STATUS, SWP_MSG_CHALLENGE,
    SWP_MSG_PROVISION_REPLY, SWP_MSG_CONFIG_VALUE, SWP_MSG_ZCL_VALUE, SWP_MSG_RESULT,
    SWP_MSG_TELEMETRY, SWP_MSG_READING, SWP_MSG_UPLINK};

// A message of the given type with random field values: decode random bytes of the right
// length (every layout accepts exactly one length, plus any tail).
bool randomMessage(uint8_t type, swp_message &msg, Bytes &storage)
{
    for (size_t len = 0; len <= 200; ++len) {
        storage = randomBytes(len);
        if (swp_message_decode(type, storage.data(), storage.size(), &msg) == SWP_OK) {
            return true;
        }
    }
    return false;
}

void testMessageRoundTrips()
{
    for (uint8_t type : kAllTypes) {
        FW_CHECK(std::string(swp_message_name(type)) != "?");
        for (int round = 0; round < 20; ++round) {
            swp_message msg{};
            Bytes storage;
            FW_CHECK_MSG(randomMessage(type, msg, storage), "type 0x%02x", type);
            const uint8_t seq = static_cast<uint8_t>(1 + rng() % 255);
            const Bytes wire = encodeFrame(msg, seq, 7);
            FW_CHECK(!wire.empty() && wire.back() == 0);
            swp_decoder dec;
            swp_decoder_init(&dec);
            swp_frame frame{};
            int frames = 0;
            for (uint8_t b : wire) {
                if (swp_decoder_push(&dec, b, &frame) == SWP_DECODE_FRAME) ++frames;
            }
            FW_CHECK(frames == 1);
            FW_CHECK(frame.header.type == type && frame.header.seq == seq && frame.header.ack == 7);
            swp_message back{};
            FW_CHECK(swp_message_decode(frame.header.type, frame.payload, frame.header.length,
                                        &back) == SWP_OK);
            FW_CHECK(frame.header.length == storage.size());
            FW_CHECK(storage.empty() || std::memcmp(frame.payload, storage.data(), storage.size()) == 0);
            // Exact length: one byte more or less is malformed (unless a tail absorbs it).
            if (type != SWP_MSG_FLASH_CHUNK && type != SWP_MSG_UPLINK) {
                Bytes longer = storage;
                longer.push_back(0);
                FW_CHECK(swp_message_decode(type, longer.data(), longer.size(), &back) ==
                         SWP_ERR_MALFORMED);
                if (!storage.empty()) {
                    FW_CHECK(swp_message_decode(type, storage.data(), storage.size() - 1, &back) ==
                             SWP_ERR_MALFORMED);
                }
            }
        }
    }
    // A specific message, field by field.
    swp_message m{};
    m.type = SWP_MSG_FLASH_CHUNK;
    const uint8_t data[5] = {1, 2, 3, 4, 5};
    m.body.flashChunk = {0x01020304u, SWP_ENCODING_RAW, data, 5};
    uint8_t out[64];
    size_t len = 0;
    FW_CHECK(swp_message_encode(&m, out, sizeof out, &len) == SWP_OK && len == 10);
    FW_CHECK(out[0] == 0x04 && out[3] == 0x01 && out[4] == 0 && out[9] == 5);
    swp_message back{};
    FW_CHECK(swp_message_decode(SWP_MSG_FLASH_CHUNK, out, len, &back) == SWP_OK);
    FW_CHECK(back.body.flashChunk.offset == 0x01020304u && back.body.flashChunk.dataLen == 5);
    FW_CHECK(std::memcmp(back.body.flashChunk.data, data, 5) == 0);
    FW_CHECK(swp_message_decode(0x77, out, len, &back) == SWP_ERR_UNKNOWN_TYPE);
    FW_CHECK(swp_message_encode(&m, out, 6, &len) == SWP_ERR_RANGE);
    // PROVISION's optional ledger domain (protocol 1.1): 76 bytes without, 104 with; the
    // flag follows the length, and a payload between the two is malformed.
    swp_message p{};
    p.type = SWP_MSG_PROVISION;
    p.body.provision.rucheId = 7;
    p.body.provision.appSKey[15] = 0x5A;
    uint8_t pout[200];
    FW_CHECK(swp_message_encode(&p, pout, sizeof pout, &len) == SWP_OK && len == 76);
    FW_CHECK(swp_message_decode(SWP_MSG_PROVISION, pout, len, &back) == SWP_OK);
    FW_CHECK(back.body.provision.hasLedgerDomain == 0 && back.body.provision.chainId == 0 &&
             back.body.provision.appSKey[15] == 0x5A);
    p.body.provision.hasLedgerDomain = 1;
    p.body.provision.chainId = 0x0102030405060708ull;
    p.body.provision.nrgToken[0] = 0xAA;
    p.body.provision.nrgToken[19] = 0x01;
    FW_CHECK(swp_message_encode(&p, pout, sizeof pout, &len) == SWP_OK && len == 104);
    FW_CHECK(pout[76] == 0x08 && pout[83] == 0x01 && pout[84] == 0xAA && pout[103] == 0x01);  // u64 LE
    FW_CHECK(swp_message_decode(SWP_MSG_PROVISION, pout, len, &back) == SWP_OK);
    FW_CHECK(back.body.provision.hasLedgerDomain == 1 && back.body.provision.chainId == 0x0102030405060708ull);
    FW_CHECK(back.body.provision.nrgToken[0] == 0xAA && back.body.provision.rucheId == 7);
    for (size_t cut = 77; cut < 104; ++cut) {
        FW_CHECK_MSG(swp_message_decode(SWP_MSG_PROVISION, pout, cut, &back) == SWP_ERR_MALFORMED, "%zu bytes", cut);
    }
    FW_CHECK(swp_message_decode(SWP_MSG_PROVISION, pout, 105, &back) == SWP_ERR_MALFORMED);
    FW_CHECK(swp_message_encode(&p, pout, 90, &len) == SWP_ERR_RANGE);

    char version[16];
    swp_version_format(SWP_VERSION_PACK(1, 12, 300), version, sizeof version);
    FW_CHECK(std::string(version) == "1.12.300");
}

// Feeds bytes, returns how many frames were accepted.
int feed(swp_decoder &dec, const Bytes &bytes)
{
    swp_frame frame{};
    int frames = 0;
    for (uint8_t b : bytes) {
        if (swp_decoder_push(&dec, b, &frame) == SWP_DECODE_FRAME) ++frames;
    }
    return frames;
}

void testCorruptionDetected()
{
    swp_message msg{};
    Bytes storage;
    std::vector<Bytes> frames;
    for (uint8_t type : {SWP_MSG_INFO, SWP_MSG_FLASH_BEGIN, SWP_MSG_PROVISION, SWP_MSG_READING}) {
        randomMessage(type, msg, storage);
        frames.push_back(encodeFrame(msg, 3, 2));
    }
    msg.type = SWP_MSG_FLASH_CHUNK;
    const Bytes chunk = randomBytes(SWP_MAX_PAYLOAD - 5);
    msg.body.flashChunk = {4096, 0, chunk.data(), static_cast<uint16_t>(chunk.size())};
    frames.push_back(encodeFrame(msg, 9, 8));
    FW_CHECK(frames.back().size() > 1000);

    const Bytes good = frames[0];
    long corruptions = 0;
    for (const Bytes &wire : frames) {
        // Every single-bit flip of every byte (the delimiter included).
        for (size_t i = 0; i < wire.size(); ++i) {
            for (int bit = 0; bit < 8; ++bit) {
                Bytes bad = wire;
                bad[i] ^= static_cast<uint8_t>(1u << bit);
                bad.push_back(0);  // a flipped delimiter must not swallow the next frame
                swp_decoder dec;
                swp_decoder_init(&dec);
                FW_CHECK_MSG(feed(dec, bad) == 0, "flip byte %zu bit %d accepted", i, bit);
                FW_CHECK(feed(dec, good) == 1);  // and the decoder resynchronises
                ++corruptions;
            }
        }
        // Every truncation and every single-byte deletion.
        for (size_t cut = 0; cut + 1 < wire.size(); ++cut) {
            Bytes truncated(wire.begin(), wire.begin() + static_cast<long>(cut));
            truncated.push_back(0);
            Bytes deleted = wire;
            deleted.erase(deleted.begin() + static_cast<long>(cut));
            swp_decoder dec;
            swp_decoder_init(&dec);
            FW_CHECK_MSG(feed(dec, truncated) == 0, "truncation at %zu accepted", cut);
            FW_CHECK_MSG(feed(dec, deleted) == 0, "deletion at %zu accepted", cut);
            corruptions += 2;
        }
    }
    std::printf("corruptions tried: %ld, all rejected\n", corruptions);
    // Too long: a run of non-zero bytes beyond any frame is dropped, then the next frame passes.
    swp_decoder dec;
    swp_decoder_init(&dec);
    FW_CHECK(feed(dec, Bytes(5000, 0x42)) == 0);
    FW_CHECK(feed(dec, Bytes{0}) == 0 && dec.errorCount == 1);
    FW_CHECK(feed(dec, good) == 1);
    // Idle zeros between frames are not errors.
    FW_CHECK(feed(dec, Bytes(10, 0)) == 0 && dec.errorCount == 1);
}

void testGarbageNeverCrashes()
{
    std::vector<Bytes> seeds;
    for (uint8_t type : kAllTypes) {
        swp_message msg{};
        Bytes storage;
        randomMessage(type, msg, storage);
        seeds.push_back(encodeFrame(msg, 1, 0));
    }
    swp_decoder dec;
    swp_decoder_init(&dec);
    long accepted = 0;
    long decodedMessages = 0;
    for (int round = 0; round < 100000; ++round) {
        Bytes bytes;
        if (round % 2 == 0) {
            bytes = randomBytes(rng() % 1200);
            for (auto &x : bytes) {
                if (rng() % 50 == 0) x = 0;
            }
        } else {
            bytes = seeds[rng() % seeds.size()];
            const int mutations = 1 + static_cast<int>(rng() % 8);
            for (int k = 0; k < mutations && !bytes.empty(); ++k) {
                const size_t at = rng() % bytes.size();
                switch (rng() % 4) {
                case 0: bytes[at] = static_cast<uint8_t>(rng()); break;
                case 1: bytes.erase(bytes.begin() + static_cast<long>(at)); break;
                case 2: bytes.insert(bytes.begin() + static_cast<long>(at), static_cast<uint8_t>(rng())); break;
                default: bytes.resize(at); break;
                }
            }
        }
        swp_frame frame{};
        for (uint8_t b : bytes) {
            if (swp_decoder_push(&dec, b, &frame) == SWP_DECODE_FRAME) {
                ++accepted;
                swp_message msg{};
                if (swp_message_decode(frame.header.type, frame.payload, frame.header.length,
                                       &msg) == SWP_OK) {
                    ++decodedMessages;
                }
            }
        }
        // Garbage straight into the message decoder too, with any type.
        swp_message msg{};
        swp_message_decode(static_cast<uint8_t>(rng()), bytes.data(),
                           std::min<size_t>(bytes.size(), SWP_MAX_PAYLOAD), &msg);
    }
    std::printf("100000 garbage inputs: %ld frames passed CRC (%ld decodable), %u rejected\n",
                accepted, decodedMessages, dec.errorCount);
    FW_CHECK(dec.errorCount > 50000);
    // Every accepted frame must be one of the unmutated seeds (a mutation left it intact) or
    // carry a valid CRC by chance (about 2^-32 per frame): far fewer than the rejects.
    FW_CHECK(accepted < 50000);
}

void testRle()
{
    for (int round = 0; round < 300; ++round) {
        Bytes in;
        const size_t n = 1 + rng() % 4096;
        while (in.size() < n) {
            const uint8_t v = static_cast<uint8_t>(rng() % 4 == 0 ? 0xFF : rng());
            const size_t run = rng() % 3 == 0 ? 1 + rng() % 300 : 1;
            in.insert(in.end(), std::min(run, n - in.size()), v);
        }
        Bytes enc(SWP_RLE_MAX_ENCODED(in.size()));
        enc.resize(swp_rle_encode(in.data(), in.size(), enc.data(), enc.size()));
        FW_CHECK(!enc.empty());
        Bytes back(in.size());
        FW_CHECK(swp_rle_decode(enc.data(), enc.size(), back.data(), back.size()) ==
                 static_cast<long>(in.size()));
        FW_CHECK(back == in);
    }
    const Bytes zeros(4096, 0);
    Bytes enc(SWP_RLE_MAX_ENCODED(zeros.size()));
    FW_CHECK(swp_rle_encode(zeros.data(), zeros.size(), enc.data(), enc.size()) < 80);
    // Malformed: a literal count past the end, a run without its byte, output overflow.
    const Bytes badLiteral = {0x05, 1, 2};
    const Bytes badRun = {0x80};
    const Bytes bigRun = {0xFF, 0xAA};
    uint8_t out[16];
    FW_CHECK(swp_rle_decode(badLiteral.data(), badLiteral.size(), out, sizeof out) == -1);
    FW_CHECK(swp_rle_decode(badRun.data(), badRun.size(), out, sizeof out) == -1);
    FW_CHECK(swp_rle_decode(bigRun.data(), bigRun.size(), out, sizeof out) == -1);
}

// LZ chunks decode against the history of earlier chunks, and malformed streams are refused.
void testLz()
{
    // An "image" with repeats near and far (within and beyond the 4 KiB window).
    Bytes image;
    const Bytes motif = randomBytes(300);
    while (image.size() < 60000) {
        if (rng() % 3 == 0) image.insert(image.end(), motif.begin(), motif.end());
        const Bytes fresh = randomBytes(50 + rng() % 400);
        image.insert(image.end(), fresh.begin(), fresh.end());
        if (image.size() > 1000 && rng() % 2) {  // copy a recent stretch
            const size_t from = image.size() - 1 - rng() % 900;
            const size_t n = std::min<size_t>(image.size() - from, 200);
            const Bytes again(image.begin() + static_cast<long>(from), image.begin() + static_cast<long>(from + n));
            image.insert(image.end(), again.begin(), again.end());
        }
    }
    static swp_lz_encoder enc;
    static swp_lz_history hist;
    swp_lz_history_reset(&hist);
    size_t pos = 0, encodedTotal = 0;
    Bytes out(4096), back;
    while (pos < image.size()) {
        const size_t n = std::min<size_t>(image.size() - pos, 1 + rng() % 4096);
        Bytes e(1200);
        size_t elen = swp_lz_encode(&enc, image.data(), image.size(), pos, n, e.data(), e.size());
        size_t used = n;
        while (elen == 0 && used > 1) {  // too big for one frame: take less
            used = used * 3 / 4;
            elen = swp_lz_encode(&enc, image.data(), image.size(), pos, used, e.data(), e.size());
        }
        FW_CHECK(elen > 0);
        const long d = swp_lz_decode(e.data(), elen, &hist, out.data(), out.size());
        FW_CHECK_MSG(d == static_cast<long>(used), "chunk at %zu", pos);
        if (d <= 0) break;
        FW_CHECK(std::memcmp(out.data(), image.data() + pos, used) == 0);
        swp_lz_history_append(&hist, out.data(), used);
        back.insert(back.end(), out.begin(), out.begin() + d);
        pos += used;
        encodedTotal += elen;
    }
    FW_CHECK(back == image);
    std::printf("LZ: %zu bytes -> %zu (%.2f)\n", image.size(), encodedTotal,
                static_cast<double>(encodedTotal) / image.size());
    FW_CHECK(encodedTotal < image.size() * 9 / 10);
    // Malformed: distance 0, beyond the image start, beyond the window; truncated tokens.
    swp_lz_history_reset(&hist);
    const Bytes lit = {0x02, 'a', 'b', 'c'};
    const std::vector<Bytes> bad = {{0x02, 'a', 'b', 'c', 0x80, 0x00, 0x00},
                                    {0x02, 'a', 'b', 'c', 0x80, 0x04, 0x00},
                                    {0x80, 0x01},
                                    {0x05, 'a'}};
    for (const Bytes &b : bad) {
        FW_CHECK(swp_lz_decode(b.data(), b.size(), &hist, out.data(), out.size()) == -1);
    }
    hist.produced = 10000;  // far into an image: a distance of 4097 is outside the window
    const Bytes tooFar = {0x80, 0x01, 0x10};
    FW_CHECK(swp_lz_decode(tooFar.data(), tooFar.size(), &hist, out.data(), out.size()) == -1);
    const Bytes overlap = {0x00, 'z', 0x85, 0x01, 0x00};  // 'z' then 8 copies of it
    swp_lz_history_reset(&hist);
    FW_CHECK(swp_lz_decode(overlap.data(), overlap.size(), &hist, out.data(), out.size()) == 9);
    FW_CHECK(out[8] == 'z');
    FW_CHECK(swp_lz_decode(lit.data(), lit.size(), &hist, out.data(), 2) == -1);  // output cap
}

}  // namespace

int main()
{
    testCrc();
    testCobsVectors();
    testMessageRoundTrips();
    testCorruptionDetected();
    testGarbageNeverCrashes();
    testRle();
    testLz();
    return FW_TEST_RESULT();
}
