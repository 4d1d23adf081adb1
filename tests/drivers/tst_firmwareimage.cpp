// FirmwareImage: the header layout agrees with firmware/boot/swh_image.h, good images parse
// with their hash and version, and every kind of bad file is refused with a sentence naming
// the file and the problem.

#include "drivers/flash/FirmwareImage.h"
#include "firmware/boot/swh_image.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

using namespace swarmergy::drivers;

class TstFirmwareImage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void constantsMatchTheBootloader();
    void builtImageParses();
    void badFilesAreRefusedWithAReason_data();
    void badFilesAreRefusedWithAReason();
    void missingFileSaysSo();
};

void TstFirmwareImage::constantsMatchTheBootloader()
{
    QCOMPARE(kImageMagic, quint32(SWH_IMAGE_MAGIC));
    QCOMPARE(kImageHeaderSize, int(SWH_IMAGE_HEADER_SIZE));
    QCOMPARE(kImageMaxPayload, quint32(SWH_IMAGE_MAX_PAYLOAD));
    QCOMPARE(int(sizeof(swh_image_header)) >= 120, true);
}

void TstFirmwareImage::builtImageParses()
{
    const QByteArray payload(5000, 'x');
    const QByteArray bytes = buildUnsignedImage(SWP_VERSION_PACK(2, 5, 17), payload);
    QCOMPARE(bytes.size(), 128 + 5000);
    QString error;
    const auto image = parseFirmwareImage(bytes, QStringLiteral("a.swfw"), &error);
    QVERIFY2(image, qPrintable(error));
    QCOMPARE(image->version, SWP_VERSION_PACK(2, 5, 17));
    QCOMPARE(image->versionText(), QStringLiteral("2.5.17"));
    QCOMPARE(image->payloadSize, 5000u);
    QCOMPARE(image->sha256, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
    // The header's own hash covers bytes 0..23 and the payload (swh_image.h).
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(QByteArrayView(bytes.constData(), 24));
    h.addData(payload);
    QCOMPARE(bytes.mid(24, 32), h.result());
}

void TstFirmwareImage::badFilesAreRefusedWithAReason_data()
{
    const QByteArray good = buildUnsignedImage(SWP_VERSION_PACK(1, 0, 0), QByteArray(300, 'p'));
    QByteArray badMagic = good;
    badMagic[0] = 0x7f;
    QByteArray badHeaderSize = good;
    badHeaderSize[4] = 64;
    QByteArray zeroPayload = good;
    zeroPayload.replace(12, 4, QByteArray(4, '\0'));
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    QTest::newRow("short") << good.left(100) << QStringLiteral("shorter than an image header");
    QTest::newRow("magic") << badMagic << QStringLiteral("not a Swarmergy image");
    QTest::newRow("header size") << badHeaderSize << QStringLiteral("header size 64");
    QTest::newRow("empty payload") << zeroPayload << QStringLiteral("payload size 0");
    QTest::newRow("truncated") << good.left(good.size() - 1) << QStringLiteral("truncated");
    QTest::newRow("padded") << good + QByteArray(4, '\xFF') << QStringLiteral("padded");
}

void TstFirmwareImage::badFilesAreRefusedWithAReason()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!parseFirmwareImage(bytes, QStringLiteral("hub.swfw"), &error));
    QVERIFY2(error.startsWith(QStringLiteral("hub.swfw: ")) && error.contains(reason), qPrintable(error));
}

void TstFirmwareImage::missingFileSaysSo()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(!loadFirmwareImage(dir.filePath(QStringLiteral("none.swfw")), &error));
    QVERIFY2(error.contains(QStringLiteral("cannot read")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TstFirmwareImage)
#include "tst_firmwareimage.moc"
