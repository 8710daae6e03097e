#pragma once

#include "LoadIssue.h"
#include "TranscriptSegment.h"

#include <QList>

#include <optional>
#include <string>

namespace studio {

// Where a segment came from in its file, so a viewer can jump to it.
struct SegmentOrigin
{
    int line = 0;
    std::string pointer; // JSON inputs only
};

// A loaded transcript, or the first error that stopped the load. Warnings describe what
// was accepted but changed or may surprise (segments re-ordered, unknown keys).
struct TranscriptLoadResult
{
    QList<TranscriptSegment> segments;
    QList<SegmentOrigin> origins; // parallel to segments
    std::optional<LoadIssue> error;
    QList<LoadIssue> warnings;

    bool ok() const { return !error.has_value(); }
};

} // namespace studio
