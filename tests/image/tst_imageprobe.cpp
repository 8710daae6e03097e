#include "TestFiles.h"
#include "image/ImageProbe.h"

#include <QBuffer>
#include <QTest>

using namespace studio;
using namespace studio::test;

namespace {

ImageFacts probeBytes(const QByteArray &bytes)
{
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return ImageProbe::probe(buffer);
}

} // namespace

class ImageProbeTest : public QObject
{
    Q_OBJECT

private slots:
    void probe_readsHeaders_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("alpha"); // -1 unknown, 0 no, 1 yes

        QTest::newRow("png rgb") << pngBytes(512, 256) << int(ImageFormat::Png) << 512 << 256 << 0;
        QTest::newRow("png rgba") << pngBytes(300, 300, true) << int(ImageFormat::Png) << 300 << 300
                                  << 1;
        QTest::newRow("jpeg") << jpegBytes(640, 480) << int(ImageFormat::Jpeg) << 640 << 480 << 0;
        QTest::newRow("jpeg behind a 60 KB exif block")
            << jpegBytes(4032, 3024, 60'000) << int(ImageFormat::Jpeg) << 4032 << 3024 << 0;
        QTest::newRow("webp lossy")
            << webpVp8Bytes(400, 200) << int(ImageFormat::Webp) << 400 << 200 << 0;
        QTest::newRow("webp lossless with alpha")
            << webpVp8lBytes(256, 128, true) << int(ImageFormat::Webp) << 256 << 128 << 1;
        QTest::newRow("webp extended")
            << webpVp8xBytes(1024, 1024, true) << int(ImageFormat::Webp) << 1024 << 1024 << 1;
        QTest::newRow("gif") << gifBytes(64, 32) << int(ImageFormat::Gif) << 64 << 32 << -1;
    }

    void probe_readsHeaders()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, format);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, alpha);
        const ImageFacts facts = probeBytes(bytes);
        QVERIFY2(facts.isImage(), facts.problem.c_str());
        QCOMPARE(int(facts.format), format);
        QCOMPARE(facts.width, width);
        QCOMPARE(facts.height, height);
        QCOMPARE(facts.fileSize, qint64(bytes.size()));
        if (alpha < 0)
            QVERIFY(!facts.hasAlpha.has_value());
        else
            QCOMPARE(facts.hasAlpha.value(), alpha == 1);
    }

    void probe_findsTransparencyChunkOfPalettePng()
    {
        QByteArray png = pngBytes(32, 32);
        png[8 + 8 + 9] = '\x03'; // colour type: palette
        // Insert a tRNS chunk before IDAT.
        const QByteArray trns = QByteArray("\0\0\0\1tRNS\0\0\0\0\0", 13);
        png.insert(8 + 25, trns);
        QVERIFY(probeBytes(png).hasAlpha.value());
    }

    void probe_rejectsWhatIsNotAnImage_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("problem");

        QTest::newRow("empty") << QByteArray() << "the file is empty";
        QTest::newRow("text") << QByteArray("<html>not found</html>")
                              << "not a PNG, JPEG, WebP, GIF or BMP";
        QTest::newRow("png cut after signature") << pngBytes(10, 10).left(12) << "no IHDR";
        QTest::newRow("jpeg without frame") << QByteArray("\xFF\xD8\xFF\xD9", 4) << "JPEG";
        QTest::newRow("webp truncated") << webpVp8xBytes(10, 10, false).left(20) << "truncated";
        QTest::newRow("png of zero size") << pngBytes(0, 0) << "no pixel size";
        // std::abs of the most negative height was undefined behaviour.
        QTest::newRow("bmp of height -2^31")
            << QByteArray("BM\x36\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0\x40\0\0\0\0\0\0\x80", 26)
            << "no pixel size";
    }

    void probe_rejectsWhatIsNotAnImage()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, problem);
        const ImageFacts facts = probeBytes(bytes);
        QVERIFY(!facts.isImage());
        QVERIFY2(QString::fromStdString(facts.problem).contains(problem), facts.problem.c_str());
    }

    void probeFile_readsOnlyHeadersOfALargeFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.png"));
        writeFile(path, pngBytes(2000, 1000, false, 8 * 1024 * 1024));
        const ImageFacts facts = ImageProbe::probeFile(path);
        QVERIFY(facts.isImage());
        QCOMPARE(facts.width, 2000);
        QVERIFY(facts.fileSize > 8 * 1024 * 1024);
    }

    void probeFile_reportsAnUnreadableFile()
    {
        const ImageFacts facts = ImageProbe::probeFile(QStringLiteral("/nonexistent/logo.png"));
        QVERIFY(!facts.isImage());
        QVERIFY(QString::fromStdString(facts.problem).startsWith(u"cannot be read"));
    }

    void extension_mapsToFormat()
    {
        QCOMPARE(imageFormatForExtension("PNG"), ImageFormat::Png);
        QCOMPARE(imageFormatForExtension("Jpeg"), ImageFormat::Jpeg);
        QCOMPARE(imageFormatForExtension("jpg"), ImageFormat::Jpeg);
        QCOMPARE(imageFormatForExtension("webp"), ImageFormat::Webp);
        QCOMPARE(imageFormatForExtension("svg"), ImageFormat::Unknown);
        QCOMPARE(imageFormatForExtension(""), ImageFormat::Unknown);
    }
};

QTEST_GUILESS_MAIN(ImageProbeTest)
#include "tst_imageprobe.moc"
