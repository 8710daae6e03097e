#pragma once

#include "TranscriptLoadResult.h"

#include <QString>

namespace studio {

// SRT and WebVTT subtitles as transcripts.
//
// Each cue becomes a segment (start and end from its timing line, its lines joined by a
// space). Speakers come from WebVTT voice tags (<v Ana>) or a "Name: " prefix and get the
// labels SPEAKER_00, SPEAKER_01 ... in order of appearance. A cue that names nobody keeps
// the speaker of the cue before it. A cue whose lines name different speakers becomes one
// segment per speaker, all with the cue's times. `userSpeaker` (a name from the file or a
// label like SPEAKER_01) marks that speaker's segments is_user; by default nobody is.
class SubtitleLoader
{
public:
    enum class Format
    {
        Srt,
        WebVtt
    };

    static TranscriptLoadResult load(const QString &text, Format format,
                                     const QString &userSpeaker = {});
};

} // namespace studio
