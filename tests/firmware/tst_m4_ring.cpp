// The M4 port's UART receive ring (firmware/port/m4/m4_ring.h) holds the protocol window the
// hub advertises: SWH_HUB_WINDOW maximum-size frames sent back to back while the main loop
// does not drain (busy signing or writing flash) all arrive intact; one frame more overflows
// and the loss is counted.
#include <cstring>
#include <vector>

#include "firmware/port/m4/m4_ring.h"
#include "firmware/protocol/swp_messages.h"
#include "tests/firmware/fw_test.h"

namespace {

// A FLASH_CHUNK with the largest payload: its wire frame is the longest there is.
std::vector<uint8_t> maxFrame(uint8_t seq)
{
    std::vector<uint8_t> data(SWP_MAX_PAYLOAD - 5);
    for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<uint8_t>(i * 7 + seq);
    data[0] = 0;  // zeros cost COBS overhead; none in a row keeps the frame near its maximum
    swp_message m{};
    m.type = SWP_MSG_FLASH_CHUNK;
    m.body.flashChunk = {seq * 1019u, SWP_ENCODING_RAW, data.data(), static_cast<uint16_t>(data.size())};
    uint8_t payload[SWP_MAX_PAYLOAD];
    size_t len = 0;
    swp_message_encode(&m, payload, sizeof payload, &len);
    const swp_header h{SWP_PROTOCOL_VERSION, m.type, seq, 0, static_cast<uint16_t>(len)};
    std::vector<uint8_t> wire(SWP_MAX_WIRE_FRAME);
    wire.resize(swp_frame_encode(&h, payload, wire.data(), wire.size()));
    return wire;
}

int pushAll(m4_ring &ring, const std::vector<uint8_t> &bytes)
{
    int stored = 0;
    for (uint8_t b : bytes) stored += m4_ring_push(&ring, b);
    return stored;
}

}  // namespace

int main()
{
    static uint8_t buffer[M4_RX_RING_SIZE];
    m4_ring ring;
    m4_ring_init(&ring, buffer, sizeof buffer);
    FW_CHECK(M4_RX_RING_SIZE <= 8 * 1024);  // RAM budget: 64 KiB for the whole application

    // A full window back to back, nothing drained in between.
    size_t sent = 0;
    for (uint8_t seq = 1; seq <= SWH_HUB_WINDOW; ++seq) {
        const auto wire = maxFrame(seq);
        FW_CHECK(wire.size() >= SWP_MAX_WIRE_FRAME - 8);
        FW_CHECK_MSG(pushAll(ring, wire) == static_cast<int>(wire.size()), "frame %u lost bytes", seq);
        sent += wire.size();
    }
    FW_CHECK(ring.dropped == 0);

    // The main loop then drains it in its 128-byte reads: every frame decodes, in order.
    swp_decoder decoder;
    swp_decoder_init(&decoder);
    uint8_t chunk[128];
    size_t drained = 0;
    unsigned frames = 0;
    for (size_t n; (n = m4_ring_pop(&ring, chunk, sizeof chunk)) > 0;) {
        drained += n;
        for (size_t i = 0; i < n; ++i) {
            swp_frame f;
            if (swp_decoder_push(&decoder, chunk[i], &f) == SWP_DECODE_FRAME) {
                ++frames;
                FW_CHECK(f.header.seq == frames && f.header.length == SWP_MAX_PAYLOAD);
            }
        }
    }
    FW_CHECK(drained == sent && frames == SWH_HUB_WINDOW && decoder.errorCount == 0);
    FW_CHECK(m4_ring_empty(&ring));

    // One frame beyond the window without draining: the overflow is dropped and counted.
    for (uint8_t seq = 1; seq <= SWH_HUB_WINDOW + 1; ++seq) pushAll(ring, maxFrame(seq));
    FW_CHECK(ring.dropped > 0);
    return FW_TEST_RESULT();
}
