#pragma once

#include "TranscriptLoadResult.h"

#include <string_view>

namespace studio {

// The studio's transcript format: a JSON array of segments in the app's segment shape
// (see SegmentJsonReader), or an object {"segments": [...]} (other members are ignored,
// so a captured transcript_processed body {"session_id", "segments"} loads as is).
class TranscriptJsonLoader
{
public:
    static TranscriptLoadResult load(std::string_view text);
};

} // namespace studio
