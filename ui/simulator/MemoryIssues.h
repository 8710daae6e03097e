#pragma once

#include "diagnostics/Diagnostic.h"
#include "simulation/payload/MemoryLoadResult.h"

#include <QString>

#include <string_view>
#include <vector>

namespace studio {

// The problems of a memory's JSON as diagnostics the text editor can underline: the loader
// gives a line and column; the span runs from there to the end of the value's first token.
class MemoryIssues
{
public:
    static std::vector<Diagnostic> diagnostics(const MemoryLoadResult &result,
                                               std::string_view text);
    // "3:14 error: ..." for a list.
    static QString describe(const Diagnostic &diagnostic);
};

} // namespace studio
