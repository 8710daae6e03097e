#pragma once

#include "RuleCatalog.h"
#include "json/SourceLocation.h"

#include <optional>
#include <string>

namespace studio {

// One finding, located in the document: the JSON pointer of the value it is about and the
// exact text span to underline.
struct Diagnostic
{
    RuleId rule = RuleId::SyntaxError;
    std::string message;
    std::string pointer;
    SourceSpan span;
    SourcePosition start;
    SourcePosition end;
    std::optional<std::size_t> entryIndex; // set when the document is an index
    std::string entryId;
    // The file the span and positions are in, when it is not the document itself: the
    // setup-instructions markdown (its path on disk, or its repository path when the
    // repository is unknown). Empty: the manifest or index being validated.
    std::string file;

    std::string_view code() const { return ruleInfo(rule).code; }
    Severity severity() const { return ruleInfo(rule).severity; }
    // The entry's id, or "#<index>" when it has none; empty for a single manifest.
    std::string entryLabel() const;
};

} // namespace studio
