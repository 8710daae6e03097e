#include "TypingRun.h"

namespace studio {

namespace {

bool holdsLineBreak(const std::string &text)
{
    return text.find('\n') != std::string::npos;
}

bool isIndentation(const std::string &text)
{
    return !text.empty() && text.find_first_not_of(" \t") == std::string::npos;
}

// A single character as typed, which may be several UTF-8 bytes.
bool isOneCharacter(const std::string &text)
{
    if (text.empty())
        return false;
    std::size_t characters = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++characters;
    }
    return characters == 1;
}

} // namespace

bool TypingRun::continues(const TextSplice &previous, const TextSplice &next)
{
    if (next.isInsertion()) {
        if (next.offset != previous.insertedEnd())
            return false;
        // The editor indents a new line right after Return: one step with the line break.
        if (!previous.inserted.empty() && previous.inserted.back() == '\n')
            return isIndentation(next.inserted);
        // Typing on: one more character right where the run ended. A typed character
        // replacing a selection (a deletion, then an insertion at the same place) joins it.
        // A new line starts a new step.
        return isOneCharacter(next.inserted) && !holdsLineBreak(next.inserted) &&
               !holdsLineBreak(previous.inserted) &&
               (!previous.inserted.empty() || previous.isDeletion());
    }
    if (next.isDeletion() && previous.isDeletion() && isOneCharacter(next.removed)) {
        const bool backspace = next.offset + next.removed.size() == previous.offset;
        const bool forwardDelete = next.offset == previous.offset;
        return backspace || forwardDelete;
    }
    return false;
}

} // namespace studio
