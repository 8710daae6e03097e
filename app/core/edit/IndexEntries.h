#pragma once

#include "json/JsonParser.h"

#include <string>
#include <string_view>
#include <vector>

namespace studio {

// One entry of community-plugins.json as the studio lists and edits it.
struct IndexEntry
{
    std::size_t position = 0;
    std::string id;
    std::string name;
    std::string author;
    std::string image;
    SourceSpan span;    // the entry's bytes in the index
    std::string indent; // the whitespace before the entry's '{' on its line
    std::string text;   // the entry's bytes with `indent` taken off its continuation lines
};

struct IndexListing
{
    std::vector<IndexEntry> entries;
    std::string error; // why the index cannot be listed, "" when it can

    bool ok() const { return error.empty(); }
};

// Cuts an index into entries that can be edited on their own, as if each were its own
// file starting at column 1, and puts an edited entry's text back at its indentation.
class IndexEntries
{
public:
    static IndexListing list(std::string_view indexText);

    // Takes `indent` off the start of every line but the first (the first starts at the
    // entry's '{'). Lines that do not start with it lose only the whitespace they have.
    static std::string dedent(std::string_view entryText, std::string_view indent);
    // The reverse: `indent` before every line but the first.
    static std::string reindent(std::string_view entryText, std::string_view indent);
};

} // namespace studio
