#pragma once

#include "AudioFormat.h"
#include "PcmAudio.h"
#include "WavReader.h"

#include <QString>

#include <optional>

namespace studio {

struct AudioLoadResult
{
    std::optional<PcmAudio> audio;
    std::optional<AudioFormat> format; // a WAV's, when its fmt chunk was read
    QString error;                     // empty when the audio loaded

    bool ok() const { return audio.has_value(); }
};

// An audio file to stream: a WAV (its header says the rate), or raw PCM (.pcm, .raw: 16-bit
// mono little-endian, whose rate the caller gives). Bounded: a file over kMaxBytes is
// refused before it is read.
class AudioFile
{
public:
    static constexpr qint64 kMaxBytes = 256LL * 1024 * 1024; // 2.3 h at 16 kHz
    static constexpr int kMinRawSampleRate = 1000;
    static constexpr int kMaxRawSampleRate = 384'000;

    // True for the names of raw PCM (.pcm, .raw), which need a sample rate.
    static bool isRaw(const QString &path);
    // `rawSampleRate` must be given for raw PCM and must not be for a WAV.
    static AudioLoadResult load(const QString &path, std::optional<int> rawSampleRate);
    // The same for bytes already read; `path` names them in errors and decides raw or WAV.
    static AudioLoadResult fromBytes(QByteArrayView bytes, const QString &path,
                                     std::optional<int> rawSampleRate);
};

} // namespace studio
