#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace studio {

// One step of the edit script that turns the old lines into the new ones.
struct LineEdit
{
    enum class Kind
    {
        Equal,
        Delete,
        Insert
    };

    Kind kind = Kind::Equal;
    std::size_t oldLine = 0; // 0-based; meaningful for Equal and Delete
    std::size_t newLine = 0; // 0-based; meaningful for Equal and Insert

    bool operator==(const LineEdit &) const = default;
};

// The shortest edit script between two sequences of lines (Myers' O(ND) algorithm), with
// deletions before insertions in each changed run, as diff(1) prints them.
class LineDiff
{
public:
    // Above this many differing lines the middle of the texts is reported as replaced
    // wholesale: the result stays correct, only less minimal, and the memory stays bounded.
    static constexpr std::size_t kMaxEditCost = 2000;

    static std::vector<LineEdit> compute(std::span<const std::string_view> oldLines,
                                         std::span<const std::string_view> newLines,
                                         std::size_t maxEditCost = kMaxEditCost);

    // Splits a text into lines that keep their terminators ("\n" or "\r\n"), so that a last
    // line without a newline differs from the same line with one.
    static std::vector<std::string_view> splitLines(std::string_view text);
};

} // namespace studio
