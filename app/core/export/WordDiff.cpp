#include "WordDiff.h"

#include "LineDiff.h"

#include <algorithm>
#include <cctype>

namespace studio {

namespace {

enum class CharClass
{
    Word,
    Space,
    Other
};

CharClass classOf(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 || std::isalnum(byte) || c == '_')
        return CharClass::Word; // a UTF-8 sequence stays whole inside its word
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
        return CharClass::Space;
    return CharClass::Other;
}

std::size_t nonSpaceBytes(std::string_view text)
{
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return classOf(c) != CharClass::Space; }));
}

// Adds a token's range, joining it to the previous one when only spaces lie between.
void addRange(std::vector<ByteRange> &ranges, std::string_view line, ByteRange range)
{
    if (!ranges.empty()) {
        const std::string_view gap =
            line.substr(ranges.back().end, range.begin - ranges.back().end);
        if (nonSpaceBytes(gap) == 0) {
            ranges.back().end = range.end;
            return;
        }
    }
    ranges.push_back(range);
}

std::size_t offsetIn(std::string_view line, std::string_view token)
{
    return static_cast<std::size_t>(token.data() - line.data());
}

struct Change
{
    std::size_t firstRemoved = 0; // diff lines
    std::size_t removedCount = 0;
    std::size_t firstAdded = 0;
    std::size_t addedCount = 0;
};

void markChange(const std::vector<std::string_view> &lines, const Change &change,
                std::vector<DiffLineMarks> &out)
{
    const std::size_t pairs = std::min(change.removedCount, change.addedCount);
    for (std::size_t i = 0; i < pairs; ++i) {
        const std::size_t oldLine = change.firstRemoved + i;
        const std::size_t newLine = change.firstAdded + i;
        // Past the '-' or '+'; the words are found in the lines' content.
        const ChangedWords words =
            WordDiff::between(lines[oldLine].substr(1), lines[newLine].substr(1));
        const auto shifted = [](std::vector<ByteRange> ranges) {
            for (auto &range : ranges) {
                ++range.begin;
                ++range.end;
            }
            return ranges;
        };
        if (!words.removed.empty())
            out.push_back({oldLine, shifted(words.removed)});
        if (!words.added.empty())
            out.push_back({newLine, shifted(words.added)});
    }
}

} // namespace

std::vector<std::string_view> WordDiff::tokens(std::string_view line)
{
    std::vector<std::string_view> result;
    std::size_t i = 0;
    while (i < line.size()) {
        const CharClass kind = classOf(line[i]);
        std::size_t end = i + 1;
        if (kind != CharClass::Other) {
            while (end < line.size() && classOf(line[end]) == kind)
                ++end;
        }
        result.push_back(line.substr(i, end - i));
        i = end;
    }
    return result;
}

ChangedWords WordDiff::between(std::string_view oldLine, std::string_view newLine)
{
    ChangedWords words;
    if (oldLine == newLine || oldLine.size() > kMaxLineBytes || newLine.size() > kMaxLineBytes)
        return words;
    const auto oldTokens = tokens(oldLine);
    const auto newTokens = tokens(newLine);
    std::size_t common = 0;
    const auto edits = LineDiff::compute(oldTokens, newTokens);
    for (const LineEdit &edit : edits) {
        if (edit.kind == LineEdit::Kind::Equal)
            common += nonSpaceBytes(oldTokens[edit.oldLine]);
    }
    const std::size_t longer = std::max(nonSpaceBytes(oldLine), nonSpaceBytes(newLine));
    if (longer == 0 || static_cast<double>(common) < kMinCommonShare * static_cast<double>(longer))
        return words;
    for (const LineEdit &edit : edits) {
        if (edit.kind == LineEdit::Kind::Delete) {
            const std::string_view token = oldTokens[edit.oldLine];
            if (nonSpaceBytes(token) == 0)
                continue; // a changed run of spaces is not worth a mark of its own
            const std::size_t begin = offsetIn(oldLine, token);
            addRange(words.removed, oldLine, {begin, begin + token.size()});
        } else if (edit.kind == LineEdit::Kind::Insert) {
            const std::string_view token = newTokens[edit.newLine];
            if (nonSpaceBytes(token) == 0)
                continue;
            const std::size_t begin = offsetIn(newLine, token);
            addRange(words.added, newLine, {begin, begin + token.size()});
        }
    }
    return words;
}

std::vector<DiffLineMarks> WordDiff::marks(std::string_view unifiedDiff)
{
    const auto withEnds = LineDiff::splitLines(unifiedDiff);
    std::vector<std::string_view> lines;
    lines.reserve(withEnds.size());
    for (std::string_view line : withEnds) {
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
            line.remove_suffix(1);
        lines.push_back(line);
    }

    std::vector<DiffLineMarks> out;
    Change change;
    bool inChange = false;
    const auto flush = [&] {
        if (inChange)
            markChange(lines, change, out);
        change = {};
        inChange = false;
    };
    // The two file headers are not changes, whatever their first character.
    for (std::size_t i = lines.size() >= 2 && lines[0].starts_with("--- ") ? 2 : 0;
         i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        const char kind = line.empty() ? ' ' : line.front();
        if (kind == '-' && (!inChange || change.addedCount == 0)) {
            if (!inChange)
                change.firstRemoved = i;
            inChange = true;
            ++change.removedCount;
        } else if (kind == '+' && inChange && change.removedCount > 0) {
            if (change.addedCount == 0)
                change.firstAdded = i;
            ++change.addedCount;
        } else if (kind == '\\') {
            continue; // "\ No newline at end of file" belongs to the line before it
        } else {
            flush();
            if (kind == '-') { // a removal right after additions starts the next change
                change.firstRemoved = i;
                change.removedCount = 1;
                inChange = true;
            }
        }
    }
    flush();
    std::sort(out.begin(), out.end(),
              [](const DiffLineMarks &a, const DiffLineMarks &b) { return a.line < b.line; });
    return out;
}

} // namespace studio
