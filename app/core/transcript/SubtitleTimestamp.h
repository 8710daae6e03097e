#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace studio {

// Cue timestamps of subtitle files, in seconds.
//   SRT:    hh:mm:ss,mmm   (a '.' before the milliseconds is accepted too: it is common)
//   WebVTT: [hh:]mm:ss.mmm (hours optional)
// Minutes and seconds are two digits below 60; the fraction is exactly three digits.
class SubtitleTimestamp
{
public:
    enum class Style
    {
        Srt,
        WebVtt
    };

    static std::optional<double> parse(QStringView text, Style style);
    // What a valid timestamp looks like, for error messages.
    static QString expectedForm(Style style);
    // 3725.5 -> "01:02:05,500" (SRT) or "01:02:05.500" (WebVTT).
    static QString format(double seconds, Style style);
};

} // namespace studio
