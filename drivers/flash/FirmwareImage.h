#pragma once
// A signed Smart Hub image file as the flasher sends it: the whole file (128-byte header,
// then the payload), its SHA-256 (what FLASH_BEGIN announces and FLASH_END checks) and the
// header fields the technician needs to see (version). The layout is firmware/boot/
// swh_image.h's; the hub verifies the signature, the desktop only reads the header so that
// a file that is not an image is refused before anything is erased.

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>

namespace swarmergy::drivers {

struct FirmwareImage {
    QString path;
    QByteArray bytes;    // the whole file, header included
    QByteArray sha256;   // 32 bytes, of the whole file
    quint32 version = 0; // major << 24 | minor << 16 | patch
    quint32 payloadSize = 0;

    QString versionText() const;
};

// Header constants of firmware/boot/swh_image.h (checked against it in tests).
inline constexpr quint32 kImageMagic = 0x57465753u;  // 'SWFW'
inline constexpr int kImageHeaderSize = 128;
inline constexpr quint32 kImageMaxPayload = 256u * 1024u;

// Reads and checks an image file. On failure returns nullopt and sets *error to a sentence
// naming the file and what is wrong ("not a Swarmergy image (magic 0x464c457f)").
std::optional<FirmwareImage> loadFirmwareImage(const QString& path, QString* error);
// Same, from bytes already in memory (path is only used in messages).
std::optional<FirmwareImage> parseFirmwareImage(const QByteArray& bytes, const QString& path,
                                                QString* error);

// Builds an image with a valid header and hash but a zero signature: for the mock hub and
// tests only (real hubs refuse it with SWP_ERR_IMAGE_SIGNATURE).
QByteArray buildUnsignedImage(quint32 version, const QByteArray& payload,
                              quint32 loadAddress = 0x00010000u);

QString formatFirmwareVersion(quint32 packed);

}  // namespace swarmergy::drivers
