#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace studio {

// The entries of an index that a pull request adds or changes: those whose value (not its
// layout) differs from every entry of the base with the same id. An entry without an id is
// changed unless the base holds the very same value.
struct ChangedEntries
{
    std::vector<std::size_t> indices; // positions in the index, ascending
    std::vector<std::string> ids;     // their ids ("#<position>" for an entry without one)
};

// `baseText` is the index at the base; none when the pull request adds the file (every entry
// is then new). A base that does not parse as an array counts as empty: every entry is new.
// Nothing when `indexText` is not a JSON array.
std::optional<ChangedEntries> changedEntries(std::string_view indexText,
                                             const std::optional<std::string_view> &baseText);

} // namespace studio
