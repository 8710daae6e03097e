#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace studio {

// A run of bytes within one line.
struct ByteRange
{
    std::size_t begin = 0;
    std::size_t end = 0;

    bool operator==(const ByteRange &) const = default;
};

// The words that differ between two versions of a line, in each line's own bytes.
struct ChangedWords
{
    std::vector<ByteRange> removed; // in the old line
    std::vector<ByteRange> added;   // in the new line

    bool isEmpty() const { return removed.empty() && added.empty(); }
};

// The changed words of one line of a unified diff's text.
struct DiffLineMarks
{
    std::size_t line = 0;          // 0-based line of the diff text
    std::vector<ByteRange> ranges; // in that line's bytes, its '+' or '-' included
};

// What changed within changed lines, word by word, for highlighting as a code review shows
// it: a line is cut into words (letters, digits, '_' and any non-ASCII byte), runs of
// spaces, and single punctuation marks, and the two sequences are diffed (Myers).
class WordDiff
{
public:
    // Lines with less than this share of their non-space bytes in common are rewritten,
    // not edited: marking nearly every word would only add noise, so nothing is marked.
    static constexpr double kMinCommonShare = 0.3;
    // Longer lines (a minified index is one line) are not diffed word by word: the cost
    // grows with length times changes, and a mark in such a line would not be seen anyway.
    static constexpr std::size_t kMaxLineBytes = 10000;

    static std::vector<std::string_view> tokens(std::string_view line);
    static ChangedWords between(std::string_view oldLine, std::string_view newLine);

    // Pairs the removed and added lines of each change in a unified diff, in order (the
    // first removed with the first added ...), and marks their changed words.
    static std::vector<DiffLineMarks> marks(std::string_view unifiedDiff);
};

} // namespace studio
