#include "AudioFile.h"

#include "io/TextFile.h"

#include <QFileInfo>

namespace studio {

namespace {

AudioLoadResult failed(const QString &error, std::optional<AudioFormat> format = std::nullopt)
{
    AudioLoadResult result;
    result.error = error;
    result.format = format;
    return result;
}

} // namespace

bool AudioFile::isRaw(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"pcm" || suffix == u"raw";
}

AudioLoadResult AudioFile::load(const QString &path, std::optional<int> rawSampleRate)
{
    const TextFileRead read = TextFile::read(path, kMaxBytes);
    if (!read.ok)
        return failed(QString::fromStdString(read.error));
    return fromBytes(QByteArrayView(read.bytes.data(), qsizetype(read.bytes.size())), path,
                     rawSampleRate);
}

AudioLoadResult AudioFile::fromBytes(QByteArrayView bytes, const QString &path,
                                     std::optional<int> rawSampleRate)
{
    if (isRaw(path)) {
        if (!rawSampleRate)
            return failed(QStringLiteral("raw PCM says nothing of its sample rate: give it "
                                         "(--sample-rate 16000)"));
        if (*rawSampleRate < kMinRawSampleRate || *rawSampleRate > kMaxRawSampleRate)
            return failed(QStringLiteral("a sample rate of %1 Hz: it must be %2 to %3 Hz")
                              .arg(*rawSampleRate)
                              .arg(kMinRawSampleRate)
                              .arg(kMaxRawSampleRate));
        if (bytes.size() % PcmAudio::kBytesPerSample != 0)
            return failed(QStringLiteral("%1 bytes are not whole 16-bit samples").arg(bytes.size()));
        if (bytes.isEmpty())
            return failed(QStringLiteral("the file is empty: no audio to send"));
        AudioLoadResult result;
        result.audio = PcmAudio{*rawSampleRate, bytes.toByteArray()};
        return result;
    }
    WavReadResult wav = WavReader::read(bytes);
    if (!wav.ok())
        return failed(wav.error->toString(), wav.format);
    if (rawSampleRate)
        return failed(QStringLiteral("a WAV says its own sample rate (%1 Hz); the sample rate "
                                     "is given only for raw PCM (.pcm, .raw)")
                          .arg(wav.audio->sampleRate),
                      wav.format);
    AudioLoadResult result;
    result.audio = std::move(wav.audio);
    result.format = wav.format;
    return result;
}

} // namespace studio
