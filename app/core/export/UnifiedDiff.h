#pragma once

#include <string>
#include <string_view>

namespace studio {

struct UnifiedDiffOptions
{
    std::string oldName = "a"; // after "--- ", e.g. "a/community-plugins.json"
    std::string newName = "b"; // after "+++ "
    int contextLines = 3;
};

// A standard unified diff ("--- a/x", "+++ b/x", "@@ -l,n +l,n @@" hunks), the form a pull
// request shows and `git apply` / patch(1) accept.
struct UnifiedDiff
{
    std::string text; // empty when the texts are equal
    int addedLines = 0;
    int removedLines = 0;
    int hunkCount = 0;

    bool isEmpty() const { return text.empty(); }

    static UnifiedDiff between(std::string_view oldText, std::string_view newText,
                               const UnifiedDiffOptions &options = {});
};

} // namespace studio
