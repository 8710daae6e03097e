#pragma once

#include <QString>

#include <optional>

namespace studio {

// One utterance of a conversation, as the app's transcript_segments carry it. Times are
// seconds from the start of the conversation.
struct TranscriptSegment
{
    QString text;
    QString speaker = QStringLiteral("SPEAKER_00");
    int speakerId = 0; // the app derives it from the number in `speaker`
    bool isUser = false;
    std::optional<QString> personId;
    double start = 0;
    double end = 0;

    // "SPEAKER_00", "SPEAKER_07", "SPEAKER_12": the diarizer's labels.
    static QString speakerLabel(int speakerId)
    {
        return QStringLiteral("SPEAKER_%1").arg(speakerId, 2, 10, QLatin1Char('0'));
    }

    bool operator==(const TranscriptSegment &) const = default;
};

} // namespace studio
