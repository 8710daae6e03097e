#include "WavReader.h"

#include <algorithm>
#include <climits>

namespace studio {

namespace {

constexpr qint64 kRiffHeaderBytes = 12;
constexpr qint64 kChunkHeaderBytes = 8;
constexpr qint64 kFmtMinBytes = 16;
constexpr qint64 kFmtExtensibleBytes = 40;
constexpr qint64 kSubFormatOffset = 24; // in an extensible fmt chunk: the GUID's first bytes
constexpr int kMaxSampleRate = 384'000;

quint32 le32(QByteArrayView bytes, qint64 at)
{
    const auto byte = [&](qint64 i) { return quint32(quint8(bytes[at + i])); };
    return byte(0) | byte(1) << 8 | byte(2) << 16 | byte(3) << 24;
}

quint16 le16(QByteArrayView bytes, qint64 at)
{
    return quint16(quint8(bytes[at]) | quint8(bytes[at + 1]) << 8);
}

WavReadResult failure(qint64 offset, const QString &message,
                      std::optional<AudioFormat> format = std::nullopt)
{
    WavReadResult result;
    result.format = format;
    result.error = AudioError{offset, message};
    return result;
}

// The chunk id as text, its bytes escaped when they are not printable ASCII.
QString chunkId(QByteArrayView id)
{
    QString text;
    for (const char c : id)
        text += c >= 0x20 && c < 0x7f ? QString(QLatin1Char(c))
                                      : QStringLiteral("\\x%1").arg(quint8(c), 2, 16, QLatin1Char('0'));
    return text;
}

std::optional<AudioError> readFmt(QByteArrayView body, qint64 offset, AudioFormat &format)
{
    if (body.size() < kFmtMinBytes)
        return AudioError{offset, QStringLiteral("the fmt chunk is %1 bytes; it needs at least %2")
                                      .arg(body.size())
                                      .arg(kFmtMinBytes)};
    format.encoding = le16(body, 0);
    format.channels = le16(body, 2);
    format.sampleRate = int(std::min<quint32>(le32(body, 4), INT_MAX));
    format.blockAlign = le16(body, 12);
    format.bitsPerSample = le16(body, 14);
    if (format.encoding == AudioFormat::kExtensible && body.size() >= kFmtExtensibleBytes)
        format.encoding = le16(body, kSubFormatOffset);
    if (format.channels == 0)
        return AudioError{offset + kChunkHeaderBytes + 2,
                          QStringLiteral("the fmt chunk says 0 channels")};
    if (format.sampleRate <= 0 || format.sampleRate > kMaxSampleRate)
        return AudioError{offset + kChunkHeaderBytes + 4,
                          QStringLiteral("the fmt chunk says %1 Hz; a sample rate is 1 to %2 Hz")
                              .arg(le32(body, 4))
                              .arg(kMaxSampleRate)};
    return std::nullopt;
}

} // namespace

QString AudioError::toString() const
{
    return offset < 0 ? message : QStringLiteral("at byte %1: %2").arg(offset).arg(message);
}

bool WavReader::looksLikeWav(QByteArrayView bytes)
{
    return bytes.size() >= kRiffHeaderBytes && bytes.first(4) == "RIFF" &&
           bytes.sliced(8, 4) == "WAVE";
}

WavReadResult WavReader::read(QByteArrayView bytes)
{
    const qint64 size = bytes.size();
    if (size < kRiffHeaderBytes)
        return failure(0, QStringLiteral("truncated header: a WAV starts with 12 bytes "
                                         "(RIFF, size, WAVE), the file has %1")
                              .arg(size));
    if (bytes.first(4) != "RIFF")
        return failure(0, QStringLiteral("not a WAV file: it starts with '%1', not 'RIFF'")
                              .arg(chunkId(bytes.first(4))));
    if (bytes.sliced(8, 4) != "WAVE")
        return failure(8, QStringLiteral("not a WAV file: a RIFF of type '%1', not 'WAVE'")
                              .arg(chunkId(bytes.sliced(8, 4))));

    std::optional<AudioFormat> format;
    qint64 fmtOffset = -1;
    std::optional<QByteArrayView> data;
    qint64 dataOffset = -1;
    // The RIFF size is not trusted (streaming writers leave it wrong): the chunks are read to
    // the end of the file, each checked against what is left.
    qint64 at = kRiffHeaderBytes;
    while (at < size) {
        if (size - at < kChunkHeaderBytes)
            return failure(at, QStringLiteral("truncated chunk header: %1 bytes left, a chunk "
                                              "header is 8")
                                   .arg(size - at),
                           format);
        const QByteArrayView id = bytes.sliced(at, 4);
        const qint64 length = le32(bytes, at + 4);
        const qint64 available = size - at - kChunkHeaderBytes;
        if (length > available)
            return failure(at, QStringLiteral("the '%1' chunk says %2 bytes, but only %3 follow "
                                              "(the file is cut short or the size is wrong)")
                                   .arg(chunkId(id))
                                   .arg(length)
                                   .arg(available),
                           format);
        const QByteArrayView body = bytes.sliced(at + kChunkHeaderBytes, length);
        if (id == "fmt ") {
            if (format)
                return failure(at, QStringLiteral("a second fmt chunk (the first is at byte %1)")
                                       .arg(fmtOffset),
                               format);
            AudioFormat read;
            if (const std::optional<AudioError> error = readFmt(body, at, read))
                return failure(error->offset, error->message);
            format = read;
            fmtOffset = at;
        } else if (id == "data") {
            if (data)
                return failure(at, QStringLiteral("a second data chunk (the first is at byte %1)")
                                       .arg(dataOffset),
                               format);
            data = body;
            dataOffset = at;
        }
        // Chunks are padded to an even length; the pad byte may be missing at the very end.
        at += kChunkHeaderBytes + length + (length % 2);
    }

    if (!format)
        return failure(size, QStringLiteral("no fmt chunk: the file does not say its format"));
    if (!data)
        return failure(size, QStringLiteral("no data chunk: the file holds no audio"), format);
    if (!format->isAppPcm())
        return failure(fmtOffset,
                       QStringLiteral("the file is %1; the app streams 16-bit PCM mono (convert "
                                      "it, e.g. ffmpeg -i IN -ac 1 -c:a pcm_s16le OUT.wav)")
                           .arg(format->describe()),
                       format);
    if (data->size() % PcmAudio::kBytesPerSample != 0)
        return failure(dataOffset, QStringLiteral("the data chunk's %1 bytes are not whole "
                                                  "16-bit samples")
                                       .arg(data->size()),
                       format);
    if (data->isEmpty())
        return failure(dataOffset, QStringLiteral("the data chunk is empty: no audio to send"),
                       format);

    WavReadResult result;
    result.format = format;
    result.audio = PcmAudio{format->sampleRate, data->toByteArray()};
    return result;
}

} // namespace studio
