#pragma once

#include "RuleCatalog.h"
#include "json/SourceLocation.h"

#include <optional>
#include <string>

namespace studio {

// A change that fixes a finding, certain enough to offer in one click.
struct Fix
{
    enum class Kind
    {
        Replace, // `text` in place of `span`
        Move,    // the member at the diagnostic's pointer moves to `target`, value unchanged
    };
    Kind kind = Kind::Replace;
    std::string title;  // what the click does: "Replace with 'memories'"
    SourceSpan span;    // Replace: the bytes replaced (empty: an insertion)
    std::string text;   // Replace: the JSON text put there
    std::string target; // Move: the JSON pointer the member moves to
};

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
    // A one-click fix, when there is a certain one (a "did you mean" hint, a missing comma,
    // a key in the wrong place).
    std::optional<Fix> fix;

    std::string_view code() const { return ruleInfo(rule).code; }
    Severity severity() const { return ruleInfo(rule).severity; }
    // The entry's id, or "#<index>" when it has none; empty for a single manifest.
    std::string entryLabel() const;
};

} // namespace studio
