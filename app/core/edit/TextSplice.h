#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace studio {

// One change of a UTF-8 text: at byte `offset`, `removed` was replaced by `inserted`.
// Both the text editor and the form express their edits this way, so one undo history
// covers both, and undo is the inverse splice.
struct TextSplice
{
    std::size_t offset = 0;
    std::string removed;
    std::string inserted;

    bool isEmpty() const { return removed == inserted; }
    bool isInsertion() const { return removed.empty() && !inserted.empty(); }
    bool isDeletion() const { return inserted.empty() && !removed.empty(); }
    std::size_t insertedEnd() const { return offset + inserted.size(); }
    std::size_t removedEnd() const { return offset + removed.size(); }

    // False, leaving the text alone, when the text does not hold `removed` at `offset`.
    bool applyTo(std::string &text) const;
    TextSplice inverted() const { return {offset, inserted, removed}; }

    // The smallest splice turning `before` into `after` (common head and tail left out),
    // cut on UTF-8 character boundaries so an editor never sees half a character.
    static TextSplice between(std::string_view before, std::string_view after);

    // One splice doing `first` then `second`, given the text after both, so a run of
    // edits of one field becomes one undo step.
    static TextSplice merged(const TextSplice &first, const TextSplice &second,
                             std::string_view textAfterBoth);

    bool operator==(const TextSplice &) const = default;
};

} // namespace studio
