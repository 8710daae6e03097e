#include "TestFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>
#include <QtEndian>

namespace studio::test {

namespace {

QByteArray bigEndian32(quint32 value)
{
    QByteArray bytes(4, '\0');
    qToBigEndian(value, bytes.data());
    return bytes;
}

QByteArray littleEndian(quint32 value, int count)
{
    QByteArray bytes;
    for (int i = 0; i < count; ++i)
        bytes.append(static_cast<char>((value >> (8 * i)) & 0xFF));
    return bytes;
}

quint32 crc32(const QByteArray &bytes)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : bytes) {
        crc ^= static_cast<quint8>(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// With its real CRC, so decoders (libpng) believe the header as well as the probe does.
QByteArray pngChunk(const QByteArray &type, const QByteArray &data)
{
    return bigEndian32(static_cast<quint32>(data.size())) + type + data +
           bigEndian32(crc32(type + data));
}

} // namespace

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(file.errorString()));
    QCOMPARE(file.write(bytes), bytes.size());
}

void copyTree(const QString &from, const QString &to)
{
    QDir source(from);
    QVERIFY2(source.exists(), qPrintable(from));
    QDir().mkpath(to);
    const auto entries =
        source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QFileInfo &entry : entries) {
        const QString target = QDir(to).filePath(entry.fileName());
        if (entry.isDir())
            copyTree(entry.absoluteFilePath(), target);
        else
            QVERIFY(QFile::copy(entry.absoluteFilePath(), target));
    }
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QByteArray pngBytes(int width, int height, bool withAlpha, int padBytes)
{
    QByteArray header =
        bigEndian32(static_cast<quint32>(width)) + bigEndian32(static_cast<quint32>(height));
    header.append('\x08');                      // bit depth
    header.append(withAlpha ? '\x06' : '\x02'); // RGBA or RGB
    header.append(QByteArray(3, '\0'));         // compression, filter, interlace
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    png += pngChunk("IHDR", header);
    png += pngChunk("IDAT", QByteArray(16 + padBytes, '\0'));
    png += pngChunk("IEND", {});
    return png;
}

QByteArray jpegBytes(int width, int height, int exifBytes)
{
    QByteArray jpeg("\xFF\xD8", 2);
    const QByteArray app0 = QByteArray("JFIF\0", 5) + QByteArray(9, '\0');
    jpeg += QByteArray("\xFF\xE0", 2) + bigEndian32(static_cast<quint32>(app0.size() + 2)).mid(2) +
            app0;
    if (exifBytes > 0) {
        const QByteArray exif = QByteArray("Exif\0\0", 6) + QByteArray(exifBytes, 'x');
        jpeg += QByteArray("\xFF\xE1", 2) +
                bigEndian32(static_cast<quint32>(exif.size() + 2)).mid(2) + exif;
    }
    QByteArray frame;
    frame.append('\x08');
    frame += bigEndian32(static_cast<quint32>(height)).mid(2);
    frame += bigEndian32(static_cast<quint32>(width)).mid(2);
    frame += QByteArray("\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 10);
    jpeg += QByteArray("\xFF\xC0", 2) + bigEndian32(static_cast<quint32>(frame.size() + 2)).mid(2) +
            frame;
    jpeg += QByteArray("\xFF\xD9", 2);
    return jpeg;
}

QByteArray webpVp8xBytes(int width, int height, bool withAlpha)
{
    QByteArray chunk;
    chunk.append(withAlpha ? '\x10' : '\0');
    chunk += QByteArray(3, '\0');
    chunk += littleEndian(static_cast<quint32>(width - 1), 3);
    chunk += littleEndian(static_cast<quint32>(height - 1), 3);
    const QByteArray body = QByteArray("WEBP") + "VP8X" + littleEndian(10, 4) + chunk;
    return QByteArray("RIFF") + littleEndian(static_cast<quint32>(body.size()), 4) + body;
}

QByteArray webpVp8lBytes(int width, int height, bool withAlpha)
{
    const quint32 packed = static_cast<quint32>(width - 1) |
                           (static_cast<quint32>(height - 1) << 14) | (withAlpha ? (1U << 28) : 0U);
    const QByteArray data = QByteArray("\x2F", 1) + littleEndian(packed, 4) + QByteArray(8, '\0');
    const QByteArray body =
        QByteArray("WEBP") + "VP8L" + littleEndian(static_cast<quint32>(data.size()), 4) + data;
    return QByteArray("RIFF") + littleEndian(static_cast<quint32>(body.size()), 4) + body;
}

QByteArray webpVp8Bytes(int width, int height)
{
    const QByteArray frame = QByteArray("\x00\x00\x00\x9D\x01\x2A", 6) +
                             littleEndian(static_cast<quint32>(width), 2) +
                             littleEndian(static_cast<quint32>(height), 2) + QByteArray(8, '\0');
    const QByteArray body =
        QByteArray("WEBP") + "VP8 " + littleEndian(static_cast<quint32>(frame.size()), 4) + frame;
    return QByteArray("RIFF") + littleEndian(static_cast<quint32>(body.size()), 4) + body;
}

QByteArray gifBytes(int width, int height)
{
    return QByteArray("GIF89a") + littleEndian(static_cast<quint32>(width), 2) +
           littleEndian(static_cast<quint32>(height), 2) + QByteArray(8, '\0');
}

TemporaryRepository::TemporaryRepository()
{
    QVERIFY(m_dir.isValid());
}

QString TemporaryRepository::path(const QString &relative) const
{
    return QDir(m_dir.path()).filePath(relative);
}

void TemporaryRepository::write(const QString &relative, const QByteArray &bytes) const
{
    writeFile(path(relative), bytes);
}

void TemporaryRepository::writeIndex(const std::string &json) const
{
    write(QStringLiteral("community-plugins.json"), QByteArray::fromStdString(json));
}

} // namespace studio::test
