// Setup instructions checked as validation does: whatever the markdown, every finding is
// located inside it, with a line and column.

#include "FuzzCheck.h"
#include "InstructionsFuzzing.h"
#include "markdown/InstructionsChecker.h"

using namespace studio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const InstructionsContext context = fuzz::sampleInstructions();
    const std::string_view markdown = fuzz::bytes(data, size);
    for (const Diagnostic &diagnostic : InstructionsChecker::check(markdown, context)) {
        FUZZ_CHECK(!diagnostic.message.empty());
        FUZZ_CHECK(!diagnostic.file.empty());
        FUZZ_CHECK(diagnostic.span.begin <= diagnostic.span.end);
        FUZZ_CHECK(diagnostic.span.end <= markdown.size());
        FUZZ_CHECK(diagnostic.start.isValid() && diagnostic.end.isValid());
    }
    return 0;
}
