#pragma once

#include "TranscriptLoadResult.h"

#include <optional>

namespace studio {

// The time checks every transcript format shares. Times are seconds from the start of the
// conversation: a replay counts them in nanoseconds, and waits for them in real time.
class TranscriptTimes
{
public:
    // About 126 years: beyond it nanoseconds overflow, and no conversation lasts that long.
    static constexpr double kMaxSeconds = 4e9;
    // A conversation whose first words come a day in was most likely stamped with clock
    // times (seconds since 1970), not times from its start.
    static constexpr double kLateStartSeconds = 24 * 3600;

    // The first segment whose time is beyond kMaxSeconds, as an error; else none.
    static std::optional<LoadIssue> outOfRange(const TranscriptLoadResult &result);
    // A warning when the conversation starts late (see kLateStartSeconds), naming the fix.
    static std::optional<LoadIssue> lateStart(const TranscriptLoadResult &result);

    static double earliestStart(const QList<TranscriptSegment> &segments);
    static bool startsLate(const QList<TranscriptSegment> &segments);
    // The same conversation with its first segment starting at 0 s.
    static QList<TranscriptSegment> shiftedToZero(QList<TranscriptSegment> segments);
};

} // namespace studio
