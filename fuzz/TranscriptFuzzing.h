#pragma once

#include "FuzzCheck.h"
#include "json/JsonParser.h"
#include "simulation/payload/MemoryGenerator.h"
#include "simulation/payload/MemoryPayload.h"
#include "simulation/payload/TranscriptPayload.h"
#include "transcript/TranscriptBatcher.h"
#include "transcript/TranscriptLoader.h"

namespace studio::fuzz {

inline bool isJson(const QByteArray &body)
{
    return parseJson(std::string_view(body.constData(), static_cast<std::size_t>(body.size())))
        .ok();
}

// A transcript loaded in one format and used as `simulate` uses it: a load ends with
// segments in end-time order, one origin each, or with an error; the batcher then sends
// every segment exactly once, whatever the windows, in bodies that are valid JSON; and the
// memory made of the transcript (`--from-transcript`) is a valid body too.
inline void loadAndSend(std::string_view bytes, TranscriptFormat format)
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
            if (batching.mode == BatchingOptions::Mode::Window)
                FUZZ_CHECK(isJson(TranscriptPayload::body(batch.segments, QStringLiteral("uid"))));
        }
        FUZZ_CHECK(sent == result.segments.size());
    }

    MemoryGenerationOptions generation; // a fixed start, so an input always gives one memory
    generation.conversationStart = IsoDateTime::fromEpochMicros(1'723'627'800'000'000, 7200);
    FUZZ_CHECK(
        isJson(MemoryPayload::body(MemoryGenerator::fromTranscript(result.segments, generation))));
}

} // namespace studio::fuzz
