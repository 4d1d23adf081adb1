// bench_flash_link: the desktop flasher (drivers/flash FlashSession over HubLink) on a link
// limited to 115,200 baud, in both directions, 10 bits per byte.
//   bench_flash_link [IMAGE_OLD.swfw IMAGE_NEW.swfw]
// Defaults to the signed images the build produced (firmware/images). Prints, for the mock
// link (fake hub, 1 ms latency each way) and for the firmware's virtual hub on a pty (the hub
// paces its output with --baud, PacedTransport paces ours):
//  - payload throughput of raw chunks as a fraction of the line rate (target >= 0.9), with a
//    baseline measured in the same run: stop-and-wait (window 1);
//  - the effective rate with RLE chunks on the image, as a multiple of the line rate.
// The transfer is timed from Sending to Verifying (what the link carries); the hub's hash
// and signature check and the reboot are not part of the link's throughput.

#include "drivers/flash/FirmwareImage.h"
#include "drivers/flash/FlashSession.h"
#include "drivers/mock/FakeHub.h"
#include "drivers/mock/MockLink.h"
#include "drivers/mock/PacedTransport.h"
#include "drivers/serial/HubLink.h"
#include "drivers/serial/SerialTransport.h"
#include "drivers/virtual/VirtualHubs.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>
#include <optional>

using namespace swarmergy::drivers;

namespace {

constexpr int kBaud = 115200;
constexpr double kLineBytesPerSecond = kBaud / 10.0;

struct Measure {
    bool ok = false;
    QString message;
    double sendingSeconds = 0;
    quint64 imageBytes = 0;
    quint64 wireBytes = 0;
    quint64 retransmissions = 0;
};

Measure flashOnce(HubLink& link, const FirmwareImage& image, bool rle)
{
    FlashOptions options;
    options.allowCompression = rle;
    options.rebootAndConfirm = false;  // the hub keeps its image: the next run flashes again
    FlashSession session(&link, options);
    QElapsedTimer clock;
    Measure m;
    m.imageBytes = static_cast<quint64>(image.bytes.size());
    quint64 wireAtStart = 0;
    QObject::connect(&session, &FlashSession::stateChanged, [&](FlashState s) {
        if (s == FlashState::Sending && !clock.isValid()) {
            clock.start();
            wireAtStart = link.stats().bytesSent;
        } else if (s == FlashState::Verifying) {
            m.sendingSeconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
            m.wireBytes = link.stats().bytesSent - wireAtStart;
        }
    });
    QEventLoop loop;
    QObject::connect(&session, &FlashSession::finished, [&](FlashState s, const QString& message) {
        m.ok = s == FlashState::Done;
        m.message = message;
        loop.quit();
    });
    const quint64 retransmissionsBefore = link.stats().retransmissions;
    session.start(image);
    loop.exec();
    m.retransmissions = link.stats().retransmissions - retransmissionsBefore;
    return m;
}

void report(const char* name, const Measure& m, bool compressed)
{
    if (!m.ok) {
        std::printf("%-34s failed: %s\n", name, qPrintable(m.message));
        return;
    }
    const double rate = m.imageBytes / m.sendingSeconds;
    std::printf("%-34s %6.2f s  %7.0f B/s image  %5.3f x line rate  wire %6llu B  retx %llu%s\n",
                name, m.sendingSeconds, rate, rate / kLineBytesPerSecond,
                static_cast<unsigned long long>(m.wireBytes),
                static_cast<unsigned long long>(m.retransmissions),
                compressed ? "  (RLE: effective rate)" : "  (payload fraction)");
}

Measure onMock(const FirmwareImage& image, quint8 window, bool rle)
{
    FakeHubConfig config;
    config.window = window;
    config.firmwareVersion = 0;  // any image version is an upgrade
    config.versionFloor = 0;
    FakeHub hub(config);
    MockLink mock(&hub);
    mock.setLineRateBaud(kBaud);
    mock.setLatencyMs(1);
    HubLink link(&mock);
    return flashOnce(link, image, rle);
}

std::optional<FirmwareImage> load(const QString& path)
{
    QString error;
    auto image = loadFirmwareImage(path, &error);
    if (!image) {
        std::fprintf(stderr, "bench_flash_link: %s\n", qPrintable(error));
    }
    return image;
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QString imagesDir = QStringLiteral(SWARMERGY_BUILD_DIR "/firmware/images");
    const QString oldPath = argc > 2 ? QString::fromLocal8Bit(argv[1])
                                     : imagesDir + QStringLiteral("/swarmergy-hub-1.0.0.swfw");
    const QString newPath = argc > 2 ? QString::fromLocal8Bit(argv[2])
                                     : imagesDir + QStringLiteral("/swarmergy-hub-1.1.0.swfw");
    const auto oldImage = load(oldPath);
    const auto newImage = load(newPath);
    if (!oldImage || !newImage) {
        std::fprintf(stderr, "usage: bench_flash_link [IMAGE_OLD.swfw IMAGE_NEW.swfw] (build the "
                             "firmware images first)\n");
        return 2;
    }
    std::printf("line %d baud = %.0f B/s; image %s, %lld bytes\n", kBaud, kLineBytesPerSecond,
                qPrintable(QFileInfo(newPath).fileName()), static_cast<long long>(newImage->bytes.size()));

    report("mock, stop-and-wait, raw (baseline)", onMock(*newImage, 1, false), false);
    report("mock, window 4, raw", onMock(*newImage, 4, false), false);
    report("mock, window 4, RLE", onMock(*newImage, 4, true), true);

    const QString program = findVirtualHubProgram();
    if (program.isEmpty()) {
        std::printf("virtual hub: not built, skipped\n");
        return 0;
    }
    QTemporaryDir dir;
    VirtualHubProcess hub;
    if (!hub.start(program, dir.filePath(QStringLiteral("hub")), oldPath, kBaud)) {
        std::printf("virtual hub: %s\n", qPrintable(hub.errorText()));
        return 1;
    }
    SerialTransport serial({hub.ptyPath(), kBaud});
    PacedTransport paced(&serial, kBaud);
    HubLink link(&paced);
    report("virtual hub, window 4, raw", flashOnce(link, *newImage, false), false);
    report("virtual hub, window 4, RLE", flashOnce(link, *newImage, true), true);
    return 0;
}
