#include "SegmentJsonReader.h"

namespace studio {

namespace {

// "SPEAKER_07" -> 7: the prefix, then one to six ASCII digits (and, as the pattern
// ^SPEAKER_(\d{1,6})$ this replaces allowed, one final line break).
std::optional<int> speakerNumber(const QString &speaker)
{
    static const QLatin1String prefix("SPEAKER_");
    QStringView number = QStringView(speaker);
    if (number.endsWith(u'\n'))
        number.chop(1);
    if (!number.startsWith(prefix) || number.size() - prefix.size() < 1 ||
        number.size() - prefix.size() > 6)
        return std::nullopt;
    int value = 0;
    for (const QChar c : number.mid(prefix.size())) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

} // namespace

SegmentJsonReader::SegmentJsonReader(JsonInputReader &reader)
    : m_reader(reader)
{}

TranscriptSegment SegmentJsonReader::read(const Json &value, const std::string &pointer)
{
    m_reader.expectObject(value, pointer);
    m_reader.warnUnknownKeys(
        value, pointer,
        {"text", "speaker", "speaker_id", "is_user", "person_id", "start", "end", "id"},
        QStringLiteral("a segment"));

    TranscriptSegment segment;
    segment.text = m_reader.string(value, pointer, "text");
    segment.isUser = m_reader.boolean(value, pointer, "is_user");
    segment.personId = m_reader.optionalString(value, pointer, "person_id");

    // A null speaker reads as absent, as in the backend's model.
    const bool hasSpeaker = value.contains("speaker") && !value["speaker"].is_null();
    const bool hasSpeakerId = value.contains("speaker_id") && !value["speaker_id"].is_null();
    std::optional<qint64> explicitId;
    if (hasSpeakerId) {
        explicitId = m_reader.integer(value, pointer, "speaker_id");
        if (*explicitId < 0 || *explicitId > 999'999)
            m_reader.fail(JsonInputReader::memberPointer(pointer, "speaker_id"),
                          QStringLiteral("\"speaker_id\" must be between 0 and 999999"));
    }
    if (hasSpeaker) {
        segment.speaker = m_reader.string(value, pointer, "speaker");
        const std::optional<int> number = speakerNumber(segment.speaker);
        if (!number)
            m_reader.fail(JsonInputReader::memberPointer(pointer, "speaker"),
                          QStringLiteral("\"speaker\" must look like SPEAKER_00 (the app reads "
                                         "the speaker number after the underscore), not \"%1\"")
                              .arg(segment.speaker));
        segment.speakerId = *number;
        if (explicitId && *explicitId != *number)
            m_reader.warn(JsonInputReader::memberPointer(pointer, "speaker_id"),
                          QStringLiteral("speaker_id %1 disagrees with speaker \"%2\": the app "
                                         "derives speaker_id from speaker and sends %3")
                              .arg(*explicitId)
                              .arg(segment.speaker)
                              .arg(*number));
    } else if (explicitId) {
        segment.speakerId = static_cast<int>(*explicitId);
        segment.speaker = TranscriptSegment::speakerLabel(segment.speakerId);
    } else {
        m_reader.fail(pointer,
                      QStringLiteral("missing required key \"speaker\" (or \"speaker_id\")"));
    }

    segment.start = m_reader.number(value, pointer, "start");
    segment.end = m_reader.number(value, pointer, "end");
    if (segment.start < 0)
        m_reader.fail(JsonInputReader::memberPointer(pointer, "start"),
                      QStringLiteral("start %1 s is negative: times count from the start of the "
                                     "conversation")
                          .arg(segment.start));
    if (segment.end < segment.start)
        m_reader.fail(
            JsonInputReader::memberPointer(pointer, "end"),
            QStringLiteral("end %1 s is before start %2 s").arg(segment.end).arg(segment.start));
    return segment;
}

} // namespace studio
