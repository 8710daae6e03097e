#pragma once

#include "CliIo.h"
#include "OptionParser.h"
#include "audio/PcmAudio.h"
#include "contract/Contract.h"

#include <QString>

#include <optional>

namespace studio::cli {

// --audio FILE, --sample-rate HZ and --chunk-seconds S, shared by simulate audio and load:
// the recording an audio_bytes app streams, and how the app's buffer cuts it.
struct AudioOptions
{
    QString path;
    std::optional<int> sampleRate; // raw PCM only: a WAV says its own
    double chunkSeconds = 0;

    static void addTo(OptionParser &parser);
    // Prints why and returns nullopt on a usage error: no --audio, a rate that is not a whole
    // number, a rate with a WAV or none with raw PCM, chunks out of range.
    static std::optional<AudioOptions> read(const OptionParser &parser, const CliIo &io);
    // The recording, for an app under `contract`; prints why and returns nullopt when the
    // contract has no audio trigger or the file cannot be used.
    std::optional<PcmAudio> load(const Contract &contract, const CliIo &io) const;
};

} // namespace studio::cli
