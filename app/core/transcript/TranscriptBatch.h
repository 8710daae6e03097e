#pragma once

#include "TranscriptSegment.h"

#include <QList>

namespace studio {

// One transcript_processed call: the segments that are new since the previous call.
struct TranscriptBatch
{
    int index = 0;          // 0-based, counts calls (empty windows make none)
    double windowStart = 0; // conversation seconds
    double windowEnd = 0;
    double sendAt = 0;    // conversation seconds at which the app sends the batch
    int firstSegment = 0; // index of segments.front() in the whole transcript
    QList<TranscriptSegment> segments;
};

} // namespace studio
