// WebVTT subtitles loaded as a transcript and sent as `simulate` sends it.

#include "TranscriptFuzzing.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    studio::fuzz::loadAndSend(studio::fuzz::bytes(data, size), studio::TranscriptFormat::WebVtt);
    return 0;
}
