#pragma once

#include "TextSplice.h"
#include "diagnostics/Diagnostic.h"

#include <string>
#include <string_view>
#include <vector>

namespace studio {

struct FixSplices
{
    std::vector<TextSplice> splices; // in the order they apply
    std::string text;                // the text after all of them
    std::string error;               // why the fix cannot be made, "" when it can

    bool ok() const { return error.empty(); }
};

// A diagnostic's one-click fix (Diagnostic::fix) as splices of the text the diagnostic was
// found in (the manifest, the whole index, the setup-instructions markdown): its spans and
// pointers hold in that text only. A replacement is one splice; a member moved to where it
// belongs is its removal and its insertion, in the document's own layout.
class FixSplicer
{
public:
    static FixSplices apply(std::string_view text, const Diagnostic &diagnostic);
};

} // namespace studio
