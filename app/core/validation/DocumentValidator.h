#pragma once

#include "diagnostics/DiagnosticSink.h"
#include "diagnostics/ValidationReport.h"
#include "json/JsonParser.h"

#include <QString>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace studio {

// An entry of the same index that is not the one being validated: for the duplicate check
// when one entry is edited on its own.
struct SiblingEntry
{
    std::string id;
    std::string author;
};

struct ValidationOptions
{
    // The folder holding community-plugins.json; unset: image and instructions files are
    // not looked at (an info diagnostic says so).
    std::optional<QString> repositoryRoot;
    std::vector<SiblingEntry> siblings;
    // For a whole index: called after each entry with how many are checked. Returning false
    // stops there; the report is then incomplete and only fit to be thrown away.
    std::function<bool(std::size_t checked, std::size_t total)> progress;
};

// Validates a manifest (a JSON object) or a whole index (an array of them) from its text,
// and locates every diagnostic on the exact span of the value it is about.
class LineIndex;

class DocumentValidator
{
public:
    // Checks a parsed document, reporting by JSON pointer; sets the report's kind and count.
    using DocumentCheck = std::function<void(const Json &root, ValidationReport &report,
                                             DiagnosticSink &sink, const LineIndex &lines)>;

    static ValidationReport validate(std::string_view text, const ValidationOptions &options);
    static ValidationReport validate(std::string_view text, const JsonParseResult &parsed,
                                     const ValidationOptions &options);
    // What every contract's validation shares around its own check: the parser's findings
    // (syntax with its fix, byte-order mark, duplicate keys), locating each finding on its
    // span, attributing it to its entry, ordering.
    static ValidationReport validateWith(std::string_view text, const JsonParseResult &parsed,
                                         const DocumentCheck &check);
};

} // namespace studio
