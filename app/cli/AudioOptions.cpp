#include "AudioOptions.h"

#include "audio/AudioChunker.h"
#include "audio/AudioFile.h"

namespace studio::cli {

namespace {

// --sample-rate HZ into `rate` when given: a whole number. False (after saying why) when it
// is not one.
bool readSampleRate(const OptionParser &parser, const CliIo &io, std::optional<int> &rate)
{
    if (!parser.isSet(QStringLiteral("sample-rate")))
        return true;
    bool ok = false;
    rate = parser.value(QStringLiteral("sample-rate")).toInt(&ok);
    if (!ok)
        io.fail("--sample-rate must be a whole number of Hz, not '" +
                parser.value(QStringLiteral("sample-rate")).toStdString() + "'");
    return ok;
}

std::optional<double> chunkSecondsOption(const OptionParser &parser, const CliIo &io)
{
    if (!parser.isSet(QStringLiteral("chunk-seconds")))
        return AudioChunker::kBackendChunkSeconds;
    bool ok = false;
    const double value = parser.value(QStringLiteral("chunk-seconds")).toDouble(&ok);
    if (!ok || !(value >= 0.01 && value <= 600)) {
        io.fail("--chunk-seconds must be 0.01 to 600 seconds, not '" +
                parser.value(QStringLiteral("chunk-seconds")).toStdString() + "'");
        return std::nullopt;
    }
    return value;
}

} // namespace

void AudioOptions::addTo(OptionParser &parser)
{
    parser.addOption({QStringLiteral("audio"), QStringLiteral("audio"), QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("sample-rate"), QStringLiteral("sample-rate"), QStringLiteral("HZ")});
    parser.addOption(
        {QStringLiteral("chunk-seconds"), QStringLiteral("chunk-seconds"), QStringLiteral("S")});
}

std::optional<AudioOptions> AudioOptions::read(const OptionParser &parser, const CliIo &io)
{
    AudioOptions options;
    options.path = parser.value(QStringLiteral("audio"));
    if (options.path.isEmpty()) {
        io.fail("--audio FILE is required: the recording to stream (WAV or raw PCM)");
        return std::nullopt;
    }
    if (!readSampleRate(parser, io, options.sampleRate))
        return std::nullopt;
    if (options.sampleRate && !AudioFile::isRaw(options.path)) {
        io.fail("--sample-rate is for raw PCM (.pcm, .raw): a WAV says its own rate");
        return std::nullopt;
    }
    if (!options.sampleRate && AudioFile::isRaw(options.path)) {
        io.fail(options.path.toStdString() +
                ": raw PCM says nothing of its sample rate: give --sample-rate HZ");
        return std::nullopt;
    }
    const std::optional<double> chunkSeconds = chunkSecondsOption(parser, io);
    if (!chunkSeconds)
        return std::nullopt;
    options.chunkSeconds = *chunkSeconds;
    return options;
}

std::optional<PcmAudio> AudioOptions::load(const Contract &contract, const CliIo &io) const
{
    if (!contract.triggers().contains(QStringLiteral("audio_bytes"))) {
        io.fail(std::string(contract.name()) +
                ": the 2024 app had no audio trigger; audio_bytes is today's apps' (apps-2026)");
        return std::nullopt;
    }
    const AudioLoadResult loaded = AudioFile::load(path, sampleRate);
    if (!loaded.ok()) {
        io.fail(path.toStdString() + ": " + loaded.error.toStdString());
        return std::nullopt;
    }
    return loaded.audio;
}

} // namespace studio::cli
