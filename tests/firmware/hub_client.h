// A minimal hub-link client for the firmware tests (the real one lives in drivers/): opens a
// serial device (pty), sends requests with sequence numbers and waits for the reply that
// acknowledges them, keeping unsolicited frames (readings, uplinks, telemetry) aside.
#pragma once
#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <string>
#include <vector>

#include "firmware/protocol/swp_frame.h"
#include "firmware/protocol/swp_messages.h"
#include "firmware/protocol/swp_lz.h"
#include "firmware/protocol/swp_rle.h"

namespace fwtest {

struct Received {
    swp_header header{};
    std::vector<uint8_t> payload;
    swp_message msg{};  // variable-length fields point into payload
    bool ok = false;
};

class HubClient {
public:
    ~HubClient() { close(); }

    bool open(const std::string &path)
    {
        fd_ = ::open(path.c_str(), O_RDWR | O_NOCTTY);
        if (fd_ < 0) return false;
        termios tio{};
        tcgetattr(fd_, &tio);
        cfmakeraw(&tio);
        cfsetspeed(&tio, B115200);
        tcsetattr(fd_, TCSANOW, &tio);
        swp_decoder_init(&decoder_);
        return true;
    }

    void close()
    {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

    bool sendRaw(const std::vector<uint8_t> &bytes)
    {
        size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
            if (n <= 0) return false;
            done += static_cast<size_t>(n);
        }
        return true;
    }

    // A frame with an arbitrary payload (for malformed-request tests).
    std::vector<uint8_t> encodeRaw(uint8_t type, const std::vector<uint8_t> &payload, uint8_t seq)
    {
        const swp_header h{SWP_PROTOCOL_VERSION, type, seq, 0, static_cast<uint16_t>(payload.size())};
        std::vector<uint8_t> wire(SWP_MAX_WIRE_FRAME);
        wire.resize(swp_frame_encode(&h, payload.data(), wire.data(), wire.size()));
        return wire;
    }

    std::vector<uint8_t> encode(const swp_message &msg, uint8_t seq)
    {
        uint8_t payload[SWP_MAX_PAYLOAD];
        size_t len = 0;
        swp_message_encode(&msg, payload, sizeof payload, &len);
        const swp_header h{SWP_PROTOCOL_VERSION, msg.type, seq, 0, static_cast<uint16_t>(len)};
        std::vector<uint8_t> wire(SWP_MAX_WIRE_FRAME);
        wire.resize(swp_frame_encode(&h, payload, wire.data(), wire.size()));
        return wire;
    }

    // Sends msg and waits for the frame acknowledging it; retransmits on timeout.
    Received request(const swp_message &msg, int timeoutMs = 0, int attempts = 0)
    {
        timeoutMs = timeoutMs > 0 ? timeoutMs : defaultTimeoutMs_;
        attempts = attempts > 0 ? attempts : defaultAttempts_;
        seq_ = static_cast<uint8_t>(seq_ == 255 ? 1 : seq_ + 1);
        const auto wire = encode(msg, seq_);
        for (int a = 0; a < attempts; ++a) {
            if (!sendRaw(wire)) break;
            Received r = waitFor([&](const Received &f) { return f.header.ack == seq_; }, timeoutMs);
            if (r.ok) return r;
        }
        return {};
    }

    template <class Pred>
    Received waitFor(Pred pred, int timeoutMs)
    {
        for (size_t i = 0; i < unsolicited_.size(); ++i) {
            if (pred(unsolicited_[i])) {
                Received r = unsolicited_[i];
                unsolicited_.erase(unsolicited_.begin() + static_cast<long>(i));
                return r;
            }
        }
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        while (std::chrono::steady_clock::now() < deadline) {
            const int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                  deadline - std::chrono::steady_clock::now()).count());
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, left > 0 ? left : 0) <= 0) continue;
            uint8_t buf[2048];
            const ssize_t n = ::read(fd_, buf, sizeof buf);
            for (ssize_t i = 0; i < n; ++i) {
                swp_frame frame;
                if (swp_decoder_push(&decoder_, buf[i], &frame) != SWP_DECODE_FRAME) continue;
                Received r;
                r.header = frame.header;
                r.payload.assign(frame.payload, frame.payload + frame.header.length);
                r.ok = swp_message_decode(r.header.type, r.payload.data(), r.payload.size(), &r.msg) == SWP_OK;
                if (pred(r)) {
                    // Later frames of this read stay in the decoder's stream: keep them too.
                    for (ssize_t k = i + 1; k < n; ++k) pushLater(buf[k]);
                    return r;
                }
                unsolicited_.push_back(r);
            }
        }
        return {};
    }

    // Frames received but not asked for yet (readings, uplinks, telemetry), oldest first.
    std::vector<Received> &unsolicited() { return unsolicited_; }

    static bool isUnsolicited(uint8_t type)
    {
        return type == SWP_MSG_READING || type == SWP_MSG_UPLINK || type == SWP_MSG_TELEMETRY;
    }

    uint8_t lastSeq() const { return seq_; }
    // The next sequence number, for frames the caller sends itself (sendRaw).
    uint8_t takeSeq() { return seq_ = static_cast<uint8_t>(seq_ == 255 ? 1 : seq_ + 1); }

    // Defaults of request(): a loaded machine slows QEMU down, the QEMU tests give more.
    void setPatience(int timeoutMs, int attempts)
    {
        defaultTimeoutMs_ = timeoutMs;
        defaultAttempts_ = attempts;
    }

    // FLASH_BEGIN .. FLASH_END; returns the final FLASH_STATUS status (or 0xFF on no reply).
    // stopAfter > 0 stops sending after that many bytes (for resume tests).
    // encoding: 0 raw, 1 RLE, 2 LZ (what FLASH_CHUNK carries).
    // sendEnd false: everything but FLASH_END (the caller sends it, e.g. in a burst).
    uint8_t flash(const std::vector<uint8_t> &image, const uint8_t sha[32], int encoding, size_t stopAfter = 0,
                  uint32_t *resumedFrom = nullptr, bool sendEnd = true)
    {
        swp_message m{};
        m.type = SWP_MSG_FLASH_BEGIN;
        m.body.flashBegin.imageSize = static_cast<uint32_t>(image.size());
        std::memcpy(m.body.flashBegin.sha256, sha, 32);
        Received r = request(m);
        if (!r.ok || r.msg.body.flashStatus.status != SWP_OK) return r.ok ? r.msg.body.flashStatus.status : 0xFF;
        uint32_t next = r.msg.body.flashStatus.nextOffset;
        if (resumedFrom) *resumedFrom = next;
        while (next < image.size()) {
            if (stopAfter > 0 && next >= stopAfter) return SWP_OK;
            size_t n = std::min<size_t>(image.size() - next, encoding ? 2048 : 1000);
            std::vector<uint8_t> data(image.begin() + next, image.begin() + static_cast<long>(next + n));
            m = {};
            m.type = SWP_MSG_FLASH_CHUNK;
            m.body.flashChunk.offset = next;
            if (encoding == SWP_ENCODING_LZ) {
                static swp_lz_encoder enc;
                std::vector<uint8_t> lz(1000);
                size_t len = 0;
                while (n > 0 && (len = swp_lz_encode(&enc, image.data(), image.size(), next, n, lz.data(), lz.size())) == 0) {
                    n = n * 3 / 4;
                }
                lz.resize(len);
                data = lz;
                m.body.flashChunk.encoding = SWP_ENCODING_LZ;
            } else if (encoding == SWP_ENCODING_RLE) {
                std::vector<uint8_t> enc(SWP_RLE_MAX_ENCODED(n));
                enc.resize(swp_rle_encode(data.data(), n, enc.data(), enc.size()));
                if (enc.size() < n && enc.size() <= 1000) {
                    data = enc;
                    m.body.flashChunk.encoding = SWP_ENCODING_RLE;
                } else {
                    data.resize(std::min<size_t>(n, 1000));
                }
            }
            m.body.flashChunk.data = data.data();
            m.body.flashChunk.dataLen = static_cast<uint16_t>(data.size());
            r = request(m);
            if (!r.ok) return 0xFF;
            if (r.msg.body.flashStatus.status != SWP_OK && r.msg.body.flashStatus.status != SWP_ERR_OFFSET)
                return r.msg.body.flashStatus.status;
            next = r.msg.body.flashStatus.nextOffset;
        }
        if (!sendEnd) return SWP_OK;
        m = {};
        m.type = SWP_MSG_FLASH_END;
        r = request(m, 20000);
        return r.ok ? r.msg.body.flashStatus.status : 0xFF;
    }

private:
    void pushLater(uint8_t byte)
    {
        swp_frame frame;
        if (swp_decoder_push(&decoder_, byte, &frame) == SWP_DECODE_FRAME) {
            Received r;
            r.header = frame.header;
            r.payload.assign(frame.payload, frame.payload + frame.header.length);
            r.ok = swp_message_decode(r.header.type, r.payload.data(), r.payload.size(), &r.msg) == SWP_OK;
            unsolicited_.push_back(r);
        }
    }

    int fd_ = -1;
    int defaultTimeoutMs_ = 2000;
    int defaultAttempts_ = 2;
    uint8_t seq_ = 0;
    swp_decoder decoder_{};
    std::vector<Received> unsolicited_;
};

}  // namespace fwtest
