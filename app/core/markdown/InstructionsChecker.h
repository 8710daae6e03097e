#pragma once

#include "InstructionsContext.h"
#include "diagnostics/Diagnostic.h"

#include <string_view>
#include <vector>

namespace studio {

// Checks setup instructions for what breaks or misleads in the app: an empty document,
// malformed links, local images and files that do not exist where the app looks for
// them, assets/ links that break because the folder is not named after the id, plain
// http links (the app appends the user's uid to them) and relative links the app does not
// resolve; and the parts too large to parse in reasonable time (MarkdownLimits), which are
// not checked. Every diagnostic is located in the markdown: `file` is set, and span, start and
// end are in the markdown's text. A pure function: safe to run on any thread.
class InstructionsChecker
{
public:
    static std::vector<Diagnostic> check(std::string_view markdown,
                                         const InstructionsContext &context);
};

} // namespace studio
