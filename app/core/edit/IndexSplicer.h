#pragma once

#include "json/JsonParser.h"
#include "manifest/SubmissionJson.h"

#include <optional>
#include <string>
#include <string_view>

namespace studio {

struct IndexSplice
{
    enum class Action
    {
        Inserted,
        Updated
    };

    std::string text;  // the whole new index
    std::string error; // why the entry cannot be put in, "" when it can
    Action action = Action::Inserted;
    std::size_t entryIndex = 0;
    SourceSpan changed; // the bytes of `text` that belong to the entry

    bool ok() const { return error.empty(); }
};

// Which entry of the index the new text takes the place of.
struct IndexSpliceTarget
{
    // The id of the entry to replace; none appends a new entry.
    std::optional<std::string> replaces;
    // When no entry has that id: append (an export) instead of refusing (a save of an
    // entry that was opened from the index and has since gone from it).
    bool appendWhenMissing = false;
    // The replaced entry must have the same author: an id never takes over someone else's
    // plugin (an export to the shared index).
    bool sameAuthorOnly = false;
};

// Puts one entry's text into the text of community-plugins.json so that every other byte
// stays as it was: the pull request's diff is the entry and nothing else. The entry keeps
// the bytes it is given (its formatting and key order), re-indented to its place. Refuses
// anything that would break the index for everyone: an entry that does not parse, an id
// another entry uses, a result that would not parse back to the same entry.
class IndexSplicer
{
public:
    static IndexSplice splice(std::string_view indexText, std::string_view entryText,
                              const IndexSpliceTarget &target);

    // An export: the entry in its canonical form, written in the index's own indentation,
    // replacing the entry with its id (only if the author is the same) or appended.
    static IndexSplice upsert(std::string_view indexText, const Json &entry);

    // The indentation the index uses inside its entries, read from its first member.
    static JsonStyle entryStyle(std::string_view indexText);
};

} // namespace studio
