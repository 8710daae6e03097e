// The studio's JSON transcript (an array of segments, or {"segments": [...]}), loaded and
// sent as `simulate` sends it.

#include "TranscriptFuzzing.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    studio::fuzz::loadAndSend(studio::fuzz::bytes(data, size),
                              studio::TranscriptFormat::StudioJson);
    return 0;
}
