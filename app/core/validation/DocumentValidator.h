#pragma once

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
class DocumentValidator
{
public:
    static ValidationReport validate(std::string_view text, const ValidationOptions &options);
    static ValidationReport validate(std::string_view text, const JsonParseResult &parsed,
                                     const ValidationOptions &options);
};

} // namespace studio
