#pragma once

#include "JsonInputReader.h"
#include "TranscriptSegment.h"

namespace studio {

// Reads one segment object in the app's segment shape:
//   {"text": str, "speaker": "SPEAKER_00", "speaker_id": int, "is_user": bool,
//    "person_id": str|null, "start": seconds, "end": seconds}
// `speaker` may be left out when `speaker_id` is given (it is then SPEAKER_<id>). When both
// are given and disagree, the app's rule wins: it derives speaker_id from `speaker`.
class SegmentJsonReader
{
public:
    explicit SegmentJsonReader(JsonInputReader &reader);

    TranscriptSegment read(const Json &value, const std::string &pointer);

private:
    JsonInputReader &m_reader;
};

} // namespace studio
