// SRT subtitles loaded as a transcript and cut into the app's calls.

#include "TranscriptFuzzing.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    studio::fuzz::loadAndBatch(studio::fuzz::bytes(data, size), studio::TranscriptFormat::Srt);
    return 0;
}
