#pragma once

#include "BatchingOptions.h"
#include "TranscriptBatch.h"

namespace studio {

// Cuts a transcript into the app's transcript_processed calls.
//
// Windows are (k*W, (k+1)*W] in conversation seconds, the first one [0, W]: a segment
// belongs to the window in which it ENDS, because the app only has a segment once it is
// over. A segment ending exactly on a boundary (30.0 s) belongs to the window that closes
// there and goes out at 30.0 s; one ending at 30.001 s waits for the next window. A
// tolerance of 1e-9 of the window absorbs decimal rounding (0.1 + 0.2). Each batch is sent
// at the end of its window; windows with no segment make no call. In PerSegment mode each
// segment is its own call, window = the segment's [start, end], sent at its end.
//
// Every segment goes out exactly once, in order. The input should be sorted by end time
// (the loaders do that); otherwise it is sorted here, stably, so the promise still holds.
class TranscriptBatcher
{
public:
    static QList<TranscriptBatch> cut(const QList<TranscriptSegment> &segments,
                                      const BatchingOptions &options = {});
    // 0-based window of a segment ending at `end` seconds.
    static qint64 windowIndex(double end, double windowSeconds);
};

} // namespace studio
