#include "TextSplice.h"

#include <algorithm>

namespace studio {

namespace {

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

} // namespace

bool TextSplice::applyTo(std::string &text) const
{
    if (offset > text.size() || text.compare(offset, removed.size(), removed) != 0)
        return false;
    text.replace(offset, removed.size(), inserted);
    return true;
}

TextSplice TextSplice::between(std::string_view before, std::string_view after)
{
    const std::size_t shorter = std::min(before.size(), after.size());
    std::size_t head = 0;
    while (head < shorter && before[head] == after[head])
        ++head;
    // Back off to the start of a character: the byte at `head` must not continue one.
    while (head > 0 && ((head < before.size() && isContinuationByte(before[head])) ||
                        (head < after.size() && isContinuationByte(after[head]))))
        --head;

    std::size_t tail = 0;
    while (tail < shorter - head &&
           before[before.size() - 1 - tail] == after[after.size() - 1 - tail])
        ++tail;
    // The tail must start on a character boundary in both texts.
    while (tail > 0 && (isContinuationByte(before[before.size() - tail]) ||
                        isContinuationByte(after[after.size() - tail])))
        --tail;

    return {head, std::string(before.substr(head, before.size() - head - tail)),
            std::string(after.substr(head, after.size() - head - tail))};
}

TextSplice TextSplice::merged(const TextSplice &first, const TextSplice &second,
                              std::string_view textAfterBoth)
{
    const std::size_t firstEnd = first.insertedEnd();
    const std::size_t secondEnd = second.removedEnd();
    if (second.offset <= firstEnd && secondEnd >= first.offset) {
        // The second edit touches what the first inserted: join them where they happened,
        // so a typing run keeps ending at the caret even among repeated letters.
        TextSplice result;
        result.offset = std::min(first.offset, second.offset);
        if (second.offset < first.offset)
            result.removed = second.removed.substr(0, first.offset - second.offset);
        result.removed += first.removed;
        if (secondEnd > firstEnd)
            result.removed += second.removed.substr(second.removed.size() - (secondEnd - firstEnd));
        if (second.offset > first.offset)
            result.inserted = first.inserted.substr(0, second.offset - first.offset);
        result.inserted += second.inserted;
        if (secondEnd < firstEnd)
            result.inserted += first.inserted.substr(secondEnd - first.offset);
        return result;
    }
    // Apart: one splice over both, with the bytes between them on both sides.
    std::string original(textAfterBoth);
    second.inverted().applyTo(original);
    first.inverted().applyTo(original);
    return between(original, textAfterBoth);
}

} // namespace studio
