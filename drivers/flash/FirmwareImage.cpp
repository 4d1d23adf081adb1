#include "drivers/flash/FirmwareImage.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QtEndian>

namespace swarmergy::drivers {

namespace {

// The context is the one lupdate files these strings under (the enclosing namespace).
QString tr(const char* text) { return QCoreApplication::translate("swarmergy::drivers", text); }

quint32 le32(const QByteArray& bytes, int at)
{
    return qFromLittleEndian<quint32>(bytes.constData() + at);
}

}  // namespace

QString formatFirmwareVersion(quint32 packed)
{
    return QStringLiteral("%1.%2.%3")
        .arg(packed >> 24)
        .arg((packed >> 16) & 0xFFu)
        .arg(packed & 0xFFFFu);
}

QString FirmwareImage::versionText() const { return formatFirmwareVersion(version); }

std::optional<FirmwareImage> parseFirmwareImage(const QByteArray& bytes, const QString& path,
                                                QString* error)
{
    auto fail = [&](const QString& why) -> std::optional<FirmwareImage> {
        if (error) {
            *error = tr("%1: %2").arg(path, why);
        }
        return std::nullopt;
    };
    if (bytes.size() < kImageHeaderSize) {
        return fail(tr("%1 bytes, shorter than an image header (128 bytes)").arg(bytes.size()));
    }
    const quint32 magic = le32(bytes, 0);
    if (magic != kImageMagic) {
        return fail(tr("not a Swarmergy image (magic 0x%1, expected 0x57465753 'SWFW')")
                        .arg(magic, 8, 16, QLatin1Char('0')));
    }
    const quint16 headerSize = qFromLittleEndian<quint16>(bytes.constData() + 4);
    if (headerSize != kImageHeaderSize) {
        return fail(tr("header size %1, expected 128").arg(headerSize));
    }
    FirmwareImage image;
    image.path = path;
    image.bytes = bytes;
    image.version = le32(bytes, 8);
    image.payloadSize = le32(bytes, 12);
    if (image.payloadSize == 0 || image.payloadSize > kImageMaxPayload) {
        return fail(tr("payload size %1 bytes outside 1..262144").arg(image.payloadSize));
    }
    const qsizetype expected = kImageHeaderSize + static_cast<qsizetype>(image.payloadSize);
    if (bytes.size() != expected) {
        return fail(tr("truncated or padded: %1 bytes, the header announces %2")
                        .arg(bytes.size())
                        .arg(expected));
    }
    image.sha256 = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    return image;
}

std::optional<FirmwareImage> loadFirmwareImage(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = tr("%1: cannot read (%2)").arg(path, file.errorString());
        }
        return std::nullopt;
    }
    if (file.size() > kImageHeaderSize + static_cast<qint64>(kImageMaxPayload)) {
        if (error) {
            *error = tr("%1: %2 bytes, larger than any image (256 KiB + header)")
                         .arg(path)
                         .arg(file.size());
        }
        return std::nullopt;
    }
    return parseFirmwareImage(file.readAll(), path, error);
}

QByteArray buildUnsignedImage(quint32 version, const QByteArray& payload, quint32 loadAddress)
{
    QByteArray header(kImageHeaderSize, '\0');
    char* h = header.data();
    qToLittleEndian<quint32>(kImageMagic, h);
    qToLittleEndian<quint16>(kImageHeaderSize, h + 4);
    qToLittleEndian<quint32>(version, h + 8);
    qToLittleEndian<quint32>(static_cast<quint32>(payload.size()), h + 12);
    qToLittleEndian<quint32>(loadAddress, h + 16);
    // sha256 of header bytes 0..23 || payload (swh_image.h), signature left zero.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView(header.constData(), 24));
    hash.addData(payload);
    const QByteArray digest = hash.result();
    std::copy(digest.begin(), digest.end(), h + 24);
    return header + payload;
}

}  // namespace swarmergy::drivers
