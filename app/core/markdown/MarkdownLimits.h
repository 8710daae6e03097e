#pragma once

#include "json/SourceLocation.h"

#include <string>
#include <string_view>
#include <vector>

namespace studio {

class LineIndex;

// A part of a markdown text that is not given to the parser, and why.
struct MarkdownExclusion
{
    enum class Kind
    {
        DeepNesting, // a block nests block quotes or lists too deep
        DenseBlock,  // a block holds too many markdown marks for its length
        LargeBlock,  // a block of too many lines, or of lines times table columns
        Rest         // the text holds too much markdown in all: everything from here on
    };

    Kind kind;
    SourceSpan span; // whole lines: the block, or from it to the end of the text (Rest)
    std::string reason;

    // "line 3", "lines 3-12", "line 5,000 to the end", for messages about it.
    std::string lines(const LineIndex &index) const;
};

// What of a markdown text cmark-gfm may parse. Debian 12's cmark-gfm (0.29.0.gfm.6) predates
// upstream's fixes for inputs that take quadratic time (`![[]()` repeated, unclosed `<?`,
// `*a` then `_a*_`, nesting followed by blank lines, a wide table header padding every row),
// and even its linear paths cost up to half a microsecond per markdown mark or line, four
// per '@' (the email autolinks). So a text is measured first, in one pass, block by block (a
// block: the lines between blank lines), and a block is left out when
// - its lines nest block quotes or list levels deeper than kMaxNesting,
// - its marks times its length pass kMaxBlockWork (the quadratic cases grow with both; the
//   brackets of plain inline links, which cmark reads in one step, are not counted),
// - its lines times its table columns pass kMaxBlockCells (the cells cmark pads);
// and from the first block that takes the text past kMaxWork or kMaxCost in all, the rest
// is left out. The cost weighs what each thing costs the parser: a mark 1, an '@' 10, a
// line 2, a padded table cell 1. Real instructions, a few kilobytes, stay far below; any
// text is then parsed in a fraction of a second.
class MarkdownLimits
{
public:
    static constexpr std::size_t kMaxNesting = 32;
    static constexpr std::size_t kMaxBlockWork = std::size_t(1) << 28;
    static constexpr std::size_t kMaxBlockCells = std::size_t(1) << 15;
    static constexpr std::size_t kMaxWork = std::size_t(1) << 29;
    static constexpr std::size_t kMaxCost = 400'000;

    // In text order; empty for any real document.
    static std::vector<MarkdownExclusion> exclusions(std::string_view text);
};

} // namespace studio
