#include "ImageProbe.h"

#include <QFile>
#include <QIODevice>

#include <cstdlib>
#include <limits>

namespace studio {

namespace {

std::uint32_t bigEndian32(const QByteArray &bytes, qsizetype at)
{
    const auto b = [&](qsizetype i) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i]));
    };
    return (b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3);
}

std::uint32_t bigEndian16(const QByteArray &bytes, qsizetype at)
{
    const auto b = [&](qsizetype i) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i]));
    };
    return (b(0) << 8) | b(1);
}

std::uint32_t littleEndian(const QByteArray &bytes, qsizetype at, int count)
{
    std::uint32_t value = 0;
    for (int i = count - 1; i >= 0; --i)
        value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

QByteArray readAt(QIODevice &device, qint64 offset, qint64 length)
{
    if (!device.seek(offset))
        return {};
    return device.read(length);
}

void probePng(QIODevice &device, ImageFacts &facts)
{
    const QByteArray header = readAt(device, 8, 25); // IHDR: length, type, 13 bytes, crc
    if (header.size() < 25 || header.mid(4, 4) != "IHDR") {
        facts.problem = "the PNG header has no IHDR chunk";
        return;
    }
    facts.width = static_cast<int>(bigEndian32(header, 8));
    facts.height = static_cast<int>(bigEndian32(header, 12));
    const auto colorType = static_cast<unsigned char>(header[17]);
    facts.hasAlpha = colorType == 4 || colorType == 6;
    // Palette and grey images are transparent when a tRNS chunk precedes the pixel data.
    qint64 offset = 8 + 25;
    for (int chunk = 0; chunk < 256 && !*facts.hasAlpha; ++chunk) {
        const QByteArray chunkHeader = readAt(device, offset, 8);
        if (chunkHeader.size() < 8)
            break;
        const QByteArray type = chunkHeader.mid(4, 4);
        if (type == "tRNS")
            facts.hasAlpha = true;
        if (type == "IDAT" || type == "IEND")
            break;
        offset += 12 + static_cast<qint64>(bigEndian32(chunkHeader, 0));
    }
}

bool isJpegStartOfFrame(unsigned char marker)
{
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

void probeJpeg(QIODevice &device, ImageFacts &facts)
{
    facts.hasAlpha = false;
    qint64 offset = 2;
    for (int segment = 0; segment < 1024; ++segment) {
        QByteArray marker = readAt(device, offset, 4);
        // Markers may be padded with any number of 0xFF bytes.
        while (marker.size() >= 2 && static_cast<unsigned char>(marker[1]) == 0xFF) {
            ++offset;
            marker = readAt(device, offset, 4);
        }
        if (marker.size() < 4 || static_cast<unsigned char>(marker[0]) != 0xFF) {
            facts.problem = "the JPEG data ends before its frame header";
            return;
        }
        const auto type = static_cast<unsigned char>(marker[1]);
        const auto length = static_cast<qint64>(bigEndian16(marker, 2));
        if (isJpegStartOfFrame(type)) {
            const QByteArray frame = readAt(device, offset + 4, 5);
            if (frame.size() < 5)
                break;
            facts.height = static_cast<int>(bigEndian16(frame, 1));
            facts.width = static_cast<int>(bigEndian16(frame, 3));
            return;
        }
        if (type == 0xD9 || type == 0xDA || length < 2)
            break;
        offset += 2 + length;
    }
    facts.problem = "the JPEG data has no frame header";
}

void probeWebp(QIODevice &device, ImageFacts &facts)
{
    const QByteArray chunk = readAt(device, 12, 18);
    if (chunk.size() < 18) {
        facts.problem = "the WebP data is truncated";
        return;
    }
    const QByteArray type = chunk.left(4);
    if (type == "VP8 " && chunk.size() >= 18) {
        const QByteArray frame = readAt(device, 20, 10);
        if (frame.size() < 10 || static_cast<unsigned char>(frame[3]) != 0x9D) {
            facts.problem = "the WebP frame header is malformed";
            return;
        }
        facts.width = static_cast<int>(littleEndian(frame, 6, 2) & 0x3FFF);
        facts.height = static_cast<int>(littleEndian(frame, 8, 2) & 0x3FFF);
        facts.hasAlpha = false;
    } else if (type == "VP8L") {
        const QByteArray bits = readAt(device, 21, 4);
        if (bits.size() < 4) {
            facts.problem = "the WebP data is truncated";
            return;
        }
        const std::uint32_t packed = littleEndian(bits, 0, 4);
        facts.width = static_cast<int>((packed & 0x3FFF) + 1);
        facts.height = static_cast<int>(((packed >> 14) & 0x3FFF) + 1);
        facts.hasAlpha = ((packed >> 28) & 1) != 0;
    } else if (type == "VP8X") {
        const auto flags = static_cast<unsigned char>(chunk[8]);
        facts.hasAlpha = (flags & 0x10) != 0;
        facts.width = static_cast<int>(littleEndian(chunk, 12, 3) + 1);
        facts.height = static_cast<int>(littleEndian(chunk, 15, 3) + 1);
    } else {
        facts.problem = "the WebP data has no image chunk";
    }
}

void probeGif(const QByteArray &head, ImageFacts &facts)
{
    facts.width = static_cast<int>(littleEndian(head, 6, 2));
    facts.height = static_cast<int>(littleEndian(head, 8, 2));
}

void probeBmp(const QByteArray &head, ImageFacts &facts)
{
    facts.width = static_cast<int>(littleEndian(head, 18, 4));
    // A negative height means rows stored top-down; the most negative one has no size.
    const auto height = static_cast<std::int32_t>(littleEndian(head, 22, 4));
    facts.height = height == std::numeric_limits<std::int32_t>::min() ? 0 : std::abs(height);
}

} // namespace

ImageFacts ImageProbe::probeFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ImageFacts facts;
        facts.problem = "cannot be read: " + file.errorString().toStdString();
        return facts;
    }
    return probe(file);
}

ImageFacts ImageProbe::probe(QIODevice &device)
{
    ImageFacts facts;
    facts.fileSize = device.size();
    const QByteArray head = readAt(device, 0, 32);
    if (head.startsWith("\x89PNG\r\n\x1a\n")) {
        facts.format = ImageFormat::Png;
        probePng(device, facts);
    } else if (head.startsWith("\xFF\xD8\xFF")) {
        facts.format = ImageFormat::Jpeg;
        probeJpeg(device, facts);
    } else if (head.size() >= 16 && head.startsWith("RIFF") && head.mid(8, 4) == "WEBP") {
        facts.format = ImageFormat::Webp;
        probeWebp(device, facts);
    } else if (head.size() >= 10 && (head.startsWith("GIF87a") || head.startsWith("GIF89a"))) {
        facts.format = ImageFormat::Gif;
        probeGif(head, facts);
    } else if (head.size() >= 26 && head.startsWith("BM")) {
        facts.format = ImageFormat::Bmp;
        probeBmp(head, facts);
    } else {
        facts.problem = head.isEmpty() ? "the file is empty"
                                       : "its content is not a PNG, JPEG, WebP, GIF or BMP image";
        return facts;
    }
    if (facts.problem.empty() && (facts.width <= 0 || facts.height <= 0))
        facts.problem = "the header gives no pixel size";
    return facts;
}

} // namespace studio
