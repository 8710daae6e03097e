#include "TranscriptText.h"

#include <QStringList>

namespace studio {

QString TranscriptText::plain(const QList<TranscriptSegment> &segments)
{
    QStringList paragraphs;
    paragraphs.reserve(segments.size());
    for (const TranscriptSegment &segment : segments) {
        const QString who = segment.isUser ? QStringLiteral("User")
                                           : QStringLiteral("Speaker %1").arg(segment.speakerId);
        paragraphs.append(who + QStringLiteral(": ") + segment.text.trimmed());
    }
    return paragraphs.join(QStringLiteral("\n\n"));
}

} // namespace studio
