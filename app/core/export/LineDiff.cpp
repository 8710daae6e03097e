#include "LineDiff.h"

#include <algorithm>
#include <cstdint>

namespace studio {

namespace {

using Lines = std::span<const std::string_view>;

void appendRun(std::vector<LineEdit> &edits, LineEdit::Kind kind, std::size_t oldBegin,
               std::size_t newBegin, std::size_t count)
{
    for (std::size_t i = 0; i < count; ++i) {
        const bool advancesOld = kind != LineEdit::Kind::Insert;
        const bool advancesNew = kind != LineEdit::Kind::Delete;
        edits.push_back({kind, oldBegin + (advancesOld ? i : 0), newBegin + (advancesNew ? i : 0)});
    }
}

// Myers' greedy forward search, keeping the frontier of every step to walk the path back.
// Returns false when the texts differ by more than `maxCost` lines.
bool myers(Lines a, Lines b, std::size_t oldOffset, std::size_t newOffset, std::size_t maxCost,
           std::vector<LineEdit> &out)
{
    const auto n = static_cast<std::int64_t>(a.size());
    const auto m = static_cast<std::int64_t>(b.size());
    const std::int64_t limit = std::min<std::int64_t>(n + m, static_cast<std::int64_t>(maxCost));
    const std::int64_t offset = limit + 1;
    std::vector<std::int32_t> frontier(static_cast<std::size_t>(2 * limit + 3), 0);
    std::vector<std::vector<std::int32_t>> trace;

    std::int64_t found = -1;
    for (std::int64_t d = 0; d <= limit && found < 0; ++d) {
        // Only diagonals -d..d of the previous frontier can be read when walking back step d.
        trace.emplace_back(frontier.begin() + (offset - d), frontier.begin() + (offset + d + 1));
        for (std::int64_t k = -d; k <= d; k += 2) {
            const auto at = [&](std::int64_t diagonal) -> std::int32_t & {
                return frontier[static_cast<std::size_t>(diagonal + offset)];
            };
            std::int64_t x =
                (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
            std::int64_t y = x - k;
            while (x < n && y < m &&
                   a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) {
                ++x;
                ++y;
            }
            at(k) = static_cast<std::int32_t>(x);
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    if (found < 0)
        return false;

    // Walk back from (n, m), collecting the edits in reverse.
    std::vector<LineEdit> reversed;
    std::int64_t x = n;
    std::int64_t y = m;
    for (std::int64_t d = found; d > 0; --d) {
        const auto &previous = trace[static_cast<std::size_t>(d)];
        const auto at = [&](std::int64_t diagonal) {
            return static_cast<std::int64_t>(previous[static_cast<std::size_t>(diagonal + d)]);
        };
        const std::int64_t k = x - y;
        const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
        const std::int64_t previousK = down ? k + 1 : k - 1;
        const std::int64_t previousX = at(previousK);
        const std::int64_t previousY = previousX - previousK;
        const std::int64_t startX = down ? previousX : previousX + 1;
        while (x > startX) {
            --x;
            --y;
            reversed.push_back(
                {LineEdit::Kind::Equal, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
        }
        if (down)
            reversed.push_back({LineEdit::Kind::Insert, static_cast<std::size_t>(previousX),
                                static_cast<std::size_t>(previousY)});
        else
            reversed.push_back({LineEdit::Kind::Delete, static_cast<std::size_t>(previousX),
                                static_cast<std::size_t>(previousY)});
        x = previousX;
        y = previousY;
    }
    while (x > 0 && y > 0) {
        --x;
        --y;
        reversed.push_back(
            {LineEdit::Kind::Equal, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
    }

    // Within each changed run, put deletions first as diff(1) prints them, renumbering the
    // run so each edit carries the positions a left-to-right walk reaches.
    std::vector<LineEdit> edits(reversed.rbegin(), reversed.rend());
    for (std::size_t i = 0; i < edits.size();) {
        if (edits[i].kind == LineEdit::Kind::Equal) {
            ++i;
            continue;
        }
        std::size_t oldBegin = edits[i].oldLine;
        std::size_t newBegin = edits[i].newLine;
        std::size_t end = i;
        std::size_t deletions = 0;
        for (; end < edits.size() && edits[end].kind != LineEdit::Kind::Equal; ++end) {
            oldBegin = std::min(oldBegin, edits[end].oldLine);
            newBegin = std::min(newBegin, edits[end].newLine);
            deletions += edits[end].kind == LineEdit::Kind::Delete ? 1 : 0;
        }
        std::vector<LineEdit> run;
        appendRun(run, LineEdit::Kind::Delete, oldBegin, newBegin, deletions);
        appendRun(run, LineEdit::Kind::Insert, oldBegin + deletions, newBegin, end - i - deletions);
        std::copy(run.begin(), run.end(), edits.begin() + static_cast<std::ptrdiff_t>(i));
        i = end;
    }
    for (auto &edit : edits) {
        edit.oldLine += oldOffset;
        edit.newLine += newOffset;
        out.push_back(edit);
    }
    return true;
}

} // namespace

std::vector<LineEdit> LineDiff::compute(Lines oldLines, Lines newLines, std::size_t maxEditCost)
{
    std::vector<LineEdit> edits;
    edits.reserve(std::max(oldLines.size(), newLines.size()));

    // Common head and tail cost nothing to match and usually leave a tiny middle.
    std::size_t head = 0;
    while (head < oldLines.size() && head < newLines.size() && oldLines[head] == newLines[head])
        ++head;
    std::size_t tail = 0;
    while (tail < oldLines.size() - head && tail < newLines.size() - head &&
           oldLines[oldLines.size() - 1 - tail] == newLines[newLines.size() - 1 - tail])
        ++tail;

    appendRun(edits, LineEdit::Kind::Equal, 0, 0, head);
    const Lines oldMiddle = oldLines.subspan(head, oldLines.size() - head - tail);
    const Lines newMiddle = newLines.subspan(head, newLines.size() - head - tail);
    if (!myers(oldMiddle, newMiddle, head, head, maxEditCost, edits)) {
        appendRun(edits, LineEdit::Kind::Delete, head, head, oldMiddle.size());
        appendRun(edits, LineEdit::Kind::Insert, head + oldMiddle.size(), head, newMiddle.size());
    }
    appendRun(edits, LineEdit::Kind::Equal, oldLines.size() - tail, newLines.size() - tail, tail);
    return edits;
}

std::vector<std::string_view> LineDiff::splitLines(std::string_view text)
{
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t newline = text.find('\n', start);
        const std::size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
        lines.push_back(text.substr(start, end - start));
        start = end;
    }
    return lines;
}

} // namespace studio
