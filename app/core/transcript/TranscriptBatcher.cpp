#include "TranscriptBatcher.h"

#include <algorithm>
#include <cmath>

namespace studio {

qint64 TranscriptBatcher::windowIndex(double end, double windowSeconds)
{
    const double position = end / windowSeconds;
    const double index = std::ceil(position - 1e-9) - 1.0;
    // Loaders bound times (TranscriptTimes); this keeps the cast defined for any input.
    constexpr double kLastIndex = 9.0e18;
    if (!(index > 0)) // also NaN
        return 0;
    return static_cast<qint64>(std::min(index, kLastIndex));
}

QList<TranscriptBatch> TranscriptBatcher::cut(const QList<TranscriptSegment> &input,
                                              const BatchingOptions &options)
{
    QList<TranscriptSegment> segments = input;
    std::stable_sort(
        segments.begin(), segments.end(),
        [](const TranscriptSegment &a, const TranscriptSegment &b) { return a.end < b.end; });

    QList<TranscriptBatch> batches;
    if (options.mode == BatchingOptions::Mode::PerSegment) {
        for (qsizetype i = 0; i < segments.size(); ++i) {
            const TranscriptSegment &segment = segments[i];
            batches.append({static_cast<int>(i),
                            segment.start,
                            segment.end,
                            segment.end,
                            static_cast<int>(i),
                            {segment}});
        }
        return batches;
    }

    const double window = std::max(options.windowSeconds, BatchingOptions::kMinimumWindowSeconds);
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const qint64 index = windowIndex(segments[i].end, window);
        const double windowStart = static_cast<double>(index) * window;
        if (batches.isEmpty() || batches.last().windowStart != windowStart) {
            TranscriptBatch batch;
            batch.index = static_cast<int>(batches.size());
            batch.windowStart = windowStart;
            batch.windowEnd = windowStart + window;
            batch.sendAt = batch.windowEnd;
            batch.firstSegment = static_cast<int>(i);
            batches.append(batch);
        }
        batches.last().segments.append(segments[i]);
    }
    return batches;
}

} // namespace studio
