#pragma once

#include "SubmissionJson.h"

#include <string>
#include <string_view>

namespace studio {

struct IndexPatch
{
    enum class Action
    {
        Inserted,
        Updated
    };

    bool ok = false;
    std::string error; // why the patch was refused
    std::string text;  // the whole new index
    Action action = Action::Inserted;
    std::size_t entryIndex = 0;
    SourceSpan changed; // the bytes of `text` that differ from the original
};

// Inserts or updates one entry in the text of community-plugins.json, so that every other
// byte stays as it was and the pull request shows a minimal diff. Refuses when the index
// does not parse, when the id belongs to another author's entry, or when the result would
// not parse back to the same entry.
class IndexPatcher
{
public:
    static IndexPatch upsert(std::string_view indexText, const Json &entry);
};

} // namespace studio
