#include "UnifiedDiff.h"

#include "LineDiff.h"

#include <algorithm>
#include <vector>

namespace studio {

namespace {

using Kind = LineEdit::Kind;

struct HunkRange
{
    std::size_t first = 0; // index into the edit script
    std::size_t last = 0;  // one past the end
};

// Groups the changes with their context; changes closer than twice the context share a hunk.
std::vector<HunkRange> hunkRanges(const std::vector<LineEdit> &edits, std::size_t context)
{
    std::vector<HunkRange> ranges;
    for (std::size_t i = 0; i < edits.size(); ++i) {
        if (edits[i].kind == Kind::Equal)
            continue;
        std::size_t changeEnd = i + 1;
        while (changeEnd < edits.size() && edits[changeEnd].kind != Kind::Equal)
            ++changeEnd;
        const std::size_t begin = i >= context ? i - context : 0;
        const std::size_t end = std::min(edits.size(), changeEnd + context);
        if (!ranges.empty() && begin <= ranges.back().last)
            ranges.back().last = end;
        else
            ranges.push_back({begin, end});
        i = changeEnd - 1;
    }
    return ranges;
}

// "l,n" with diff(1)'s conventions: ",1" is left out, and an empty range names the line
// before it.
std::string rangeText(std::size_t firstLine, std::size_t count)
{
    if (count == 1)
        return std::to_string(firstLine + 1);
    return std::to_string(count == 0 ? firstLine : firstLine + 1) + "," + std::to_string(count);
}

void appendLine(std::string &out, char prefix, std::string_view line)
{
    out += prefix;
    out += line;
    if (line.empty() || line.back() != '\n')
        out += "\n\\ No newline at end of file\n";
}

} // namespace

UnifiedDiff UnifiedDiff::between(std::string_view oldText, std::string_view newText,
                                 const UnifiedDiffOptions &options)
{
    UnifiedDiff diff;
    if (oldText == newText)
        return diff;
    const auto oldLines = LineDiff::splitLines(oldText);
    const auto newLines = LineDiff::splitLines(newText);
    const auto edits = LineDiff::compute(oldLines, newLines);
    const auto context = static_cast<std::size_t>(std::max(0, options.contextLines));

    diff.text = "--- " + options.oldName + "\n+++ " + options.newName + "\n";
    for (const HunkRange &range : hunkRanges(edits, context)) {
        // A hunk starts where its first edit sits in each text, whatever that edit's kind.
        const std::size_t oldStart = edits[range.first].oldLine;
        const std::size_t newStart = edits[range.first].newLine;
        std::size_t oldCount = 0;
        std::size_t newCount = 0;
        std::string body;
        for (std::size_t i = range.first; i < range.last; ++i) {
            const LineEdit &edit = edits[i];
            switch (edit.kind) {
            case Kind::Equal:
                appendLine(body, ' ', oldLines[edit.oldLine]);
                ++oldCount;
                ++newCount;
                break;
            case Kind::Delete:
                appendLine(body, '-', oldLines[edit.oldLine]);
                ++oldCount;
                ++diff.removedLines;
                break;
            case Kind::Insert:
                appendLine(body, '+', newLines[edit.newLine]);
                ++newCount;
                ++diff.addedLines;
                break;
            }
        }
        diff.text += "@@ -" + rangeText(oldStart, oldCount) + " +" + rangeText(newStart, newCount) +
                     " @@\n" + body;
        ++diff.hunkCount;
    }
    return diff;
}

} // namespace studio
