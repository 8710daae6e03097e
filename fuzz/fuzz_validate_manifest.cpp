// One manifest validated as the studio's editor does: against the sample repository's
// files, beside the other entries of its index (the duplicate-id check).

#include "ValidationFuzzing.h"

using namespace studio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const ValidationOptions options = [] {
        ValidationOptions sampleEntry;
        sampleEntry.repositoryRoot = fuzz::sampleRepository();
        sampleEntry.siblings = {{"socratic-coach", "@plugin-studio"},
                                {"meeting-notes", "@plugin-studio"}};
        return sampleEntry;
    }();
    fuzz::validateAndCheck(fuzz::bytes(data, size), options);
    return 0;
}
