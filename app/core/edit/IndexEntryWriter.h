#pragma once

#include "json/SourceLocation.h"

#include <optional>
#include <string>
#include <string_view>

namespace studio {

struct IndexEntryWrite
{
    std::string text;  // the whole new index
    std::string error; // why the entry cannot be written, "" when it can
    std::size_t entryIndex = 0;
    SourceSpan changed; // the bytes of `text` that belong to the entry

    bool ok() const { return error.empty(); }
};

// Puts the text of one edited entry back into the index exactly as the user wrote it
// (re-indented to its place), so only that entry's bytes change and its formatting and
// key order survive. The entry is found again by the id it had when it was opened, since
// the index may have changed on disk meanwhile; an entry that was never in the index is
// appended. Refuses anything that would break the index for everyone: an entry that does
// not parse, an id another entry uses, a result that would not parse back.
class IndexEntryWriter
{
public:
    // `originalId` is the id the entry had when it was opened (it may have been edited
    // since); nothing for a new entry.
    static IndexEntryWrite write(std::string_view indexText, std::string_view entryText,
                                 const std::optional<std::string> &originalId);
};

} // namespace studio
