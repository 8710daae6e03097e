// An audio file as `simulate audio` reads it: whatever the bytes, a WAV's audio cut into the
// app's chunks, or an error saying where.

#include "FuzzCheck.h"
#include "audio/AudioChunker.h"
#include "audio/AudioFile.h"

#include <QString>

using namespace studio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const WavReadResult wav = WavReader::read(bytes);
    FUZZ_CHECK(wav.ok() != wav.error.has_value());
    if (!wav.ok()) {
        FUZZ_CHECK(!wav.error->message.isEmpty());
        FUZZ_CHECK(wav.error->offset >= 0 && wav.error->offset <= static_cast<qint64>(size));
        return 0;
    }
    const PcmAudio &audio = *wav.audio;
    FUZZ_CHECK(wav.format && wav.format->isAppPcm() && audio.sampleRate == wav.format->sampleRate);
    FUZZ_CHECK(!audio.samples.isEmpty() && audio.samples.size() % PcmAudio::kBytesPerSample == 0);
    FUZZ_CHECK(audio.samples.size() <= bytes.size());
    FUZZ_CHECK(bytes.indexOf(audio.samples) >= 0);

    // The chunks hold every sample once, in order, each due no later than the next.
    for (const double seconds : {AudioChunker::kBackendChunkSeconds, 0.01}) {
        QByteArray joined;
        double end = 0;
        for (const AudioChunk &chunk : AudioChunker::cut(audio, seconds)) {
            FUZZ_CHECK(!chunk.pcm.isEmpty() && chunk.start == end && chunk.end > chunk.start);
            FUZZ_CHECK(chunk.pcm.size() <= AudioChunker::chunkBytes(audio.sampleRate, seconds));
            joined += chunk.pcm;
            end = chunk.end;
        }
        FUZZ_CHECK(joined == audio.samples);
    }
    // The file loader says the same of the same bytes.
    FUZZ_CHECK(AudioFile::fromBytes(bytes, QStringLiteral("fuzz.wav"), std::nullopt).ok());
    return 0;
}
