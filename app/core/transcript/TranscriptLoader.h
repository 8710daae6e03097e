#pragma once

#include "TranscriptLoadResult.h"

#include <QString>

#include <optional>
#include <string_view>

namespace studio {

enum class TranscriptFormat
{
    Auto,
    StudioJson,
    Srt,
    WebVtt
};

struct TranscriptLoadOptions
{
    TranscriptFormat format = TranscriptFormat::Auto; // Auto: from the extension, else the content
    QString
        userSpeaker; // subtitles only: this speaker's segments are is_user (JSON says it itself)
};

// Loads a transcript from the studio's JSON, SRT or WebVTT (see TranscriptJsonLoader and
// SubtitleLoader) and checks what every format shares:
// - an empty file, binary data (a NUL byte) and text that is not UTF-8 are errors that give
//   their line;
// - a UTF-8 byte-order mark is skipped;
// - segments out of order are sorted, stably, by their end time, with a warning: the app
//   receives a segment once it has ended, so that is the order a plugin sees.
class TranscriptLoader
{
public:
    static constexpr qint64 kMaxBytes = 64 * 1024 * 1024;

    static TranscriptLoadResult loadFile(const QString &path,
                                         const TranscriptLoadOptions &options = {});
    // `sourceName` (a file name) decides the format when options.format is Auto.
    static TranscriptLoadResult loadBytes(std::string_view bytes,
                                          const TranscriptLoadOptions &options = {},
                                          const QString &sourceName = {});

    static TranscriptFormat detectFormat(const QString &sourceName, std::string_view bytes);
    static QString formatName(TranscriptFormat format); // "json", "srt", "vtt", "auto"
    static std::optional<TranscriptFormat> formatFromName(const QString &name);
};

} // namespace studio
