#include "TranscriptTimes.h"

#include <algorithm>
#include <limits>

namespace studio {

namespace {

LoadIssue issueAt(const TranscriptLoadResult &result, qsizetype index, QString message)
{
    const SegmentOrigin origin = result.origins.value(index);
    return LoadIssue{origin.line, 0, origin.pointer, std::move(message)};
}

QString duration(double seconds)
{
    const double days = seconds / 86400;
    if (days >= 365.25)
        return QStringLiteral("%1 years").arg(days / 365.25, 0, 'f', 1);
    return QStringLiteral("%1 days").arg(days, 0, 'f', 1);
}

} // namespace

std::optional<LoadIssue> TranscriptTimes::outOfRange(const TranscriptLoadResult &result)
{
    for (qsizetype i = 0; i < result.segments.size(); ++i) {
        const TranscriptSegment &segment = result.segments[i];
        const double latest = std::max(segment.start, segment.end);
        if (latest > kMaxSeconds)
            return issueAt(result, i,
                           QStringLiteral("this segment ends at %1 s, beyond the %2 s (about 126 "
                                          "years) a conversation can last")
                               .arg(latest)
                               .arg(kMaxSeconds, 0, 'f', 0));
    }
    return std::nullopt;
}

std::optional<LoadIssue> TranscriptTimes::lateStart(const TranscriptLoadResult &result)
{
    if (!startsLate(result.segments))
        return std::nullopt;
    const double start = earliestStart(result.segments);
    const auto first = std::min_element(
        result.segments.begin(), result.segments.end(),
        [](const TranscriptSegment &a, const TranscriptSegment &b) { return a.start < b.start; });
    return issueAt(result, first - result.segments.begin(),
                   QStringLiteral("the conversation starts at %1 s, %2 in: these look like clock "
                                  "times, not seconds from its start, and a real-time replay "
                                  "would wait that long; shift it to start at 0 s")
                       .arg(start, 0, 'f', 0)
                       .arg(duration(start)));
}

double TranscriptTimes::earliestStart(const QList<TranscriptSegment> &segments)
{
    double earliest = std::numeric_limits<double>::infinity();
    for (const TranscriptSegment &segment : segments)
        earliest = std::min(earliest, segment.start);
    return segments.isEmpty() ? 0.0 : earliest;
}

bool TranscriptTimes::startsLate(const QList<TranscriptSegment> &segments)
{
    return earliestStart(segments) >= kLateStartSeconds;
}

QList<TranscriptSegment> TranscriptTimes::shiftedToZero(QList<TranscriptSegment> segments)
{
    const double offset = earliestStart(segments);
    for (TranscriptSegment &segment : segments) {
        segment.start -= offset;
        segment.end -= offset;
    }
    return segments;
}

} // namespace studio
