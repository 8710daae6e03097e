// A whole index validated as `plugin-studio validate` does: every entry, the duplicate ids
// across them, and each entry's files in the sample repository.

#include "ValidationFuzzing.h"

using namespace studio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const ValidationOptions options = [] {
        ValidationOptions wholeIndex;
        wholeIndex.repositoryRoot = fuzz::sampleRepository();
        return wholeIndex;
    }();
    fuzz::validateAndCheck(fuzz::bytes(data, size), options);
    return 0;
}
