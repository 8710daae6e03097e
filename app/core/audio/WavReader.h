#pragma once

#include "AudioFormat.h"
#include "PcmAudio.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace studio {

// Why a file could not be read as audio, and where.
struct AudioError
{
    qint64 offset = -1; // the byte the problem is at; -1: the file as a whole
    QString message;

    QString toString() const; // "at byte 36: the data chunk says ..."
};

struct WavReadResult
{
    std::optional<PcmAudio> audio;
    std::optional<AudioFormat> format; // what the fmt chunk said, once it was read
    std::optional<AudioError> error;

    bool ok() const { return audio.has_value(); }
};

// A RIFF/WAVE file read as untrusted bytes: every chunk's size is checked against what
// follows before it is used, so a lying header is an error with its offset, never a read
// past the end. Only 16-bit PCM mono is accepted (what the app sends, as it is); any other
// format is refused, saying what it is.
class WavReader
{
public:
    static WavReadResult read(QByteArrayView bytes);
    static bool looksLikeWav(QByteArrayView bytes);
};

} // namespace studio
