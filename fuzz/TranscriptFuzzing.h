#pragma once

#include "FuzzCheck.h"
#include "transcript/TranscriptBatcher.h"
#include "transcript/TranscriptLoader.h"

namespace studio::fuzz {

// A transcript loaded in one format and cut into the app's calls, as `simulate transcript`
// does: a load ends with segments in end-time order, one origin each, or with an error; the
// batcher then sends every segment exactly once, whatever the windows.
inline void loadAndBatch(std::string_view bytes, TranscriptFormat format)
{
    TranscriptLoadOptions options;
    options.format = format;
    options.userSpeaker = QStringLiteral("SPEAKER_01");
    const TranscriptLoadResult result = TranscriptLoader::loadBytes(bytes, options);
    if (!result.ok()) {
        FUZZ_CHECK(!result.error->message.isEmpty());
        FUZZ_CHECK(result.segments.isEmpty());
        return;
    }
    FUZZ_CHECK(!result.segments.isEmpty());
    FUZZ_CHECK(result.origins.size() == result.segments.size());
    for (qsizetype i = 1; i < result.segments.size(); ++i)
        FUZZ_CHECK(result.segments[i - 1].end <= result.segments[i].end);

    for (const BatchingOptions &batching :
         {BatchingOptions{}, BatchingOptions::window(1), BatchingOptions::perSegment()}) {
        qsizetype sent = 0;
        for (const TranscriptBatch &batch : TranscriptBatcher::cut(result.segments, batching)) {
            FUZZ_CHECK(batch.firstSegment == sent);
            sent += batch.segments.size();
        }
        FUZZ_CHECK(sent == result.segments.size());
    }
}

} // namespace studio::fuzz
