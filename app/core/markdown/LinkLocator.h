#pragma once

#include "json/SourceLocation.h"

#include <array>
#include <span>
#include <string_view>
#include <vector>

namespace studio {

// Finds where a link's destination is written in the markdown source. cmark's positions
// for inline nodes are only reliable for the line: on continuation lines the column
// ignores stripped indentation, and autolinks get a column past the end. So the
// destination is searched on the node's lines, nearest to the reported column.
class LinkLocator
{
public:
    explicit LinkLocator(std::string_view text);

    // Lines and columns as cmark reports them (1-based, columns in bytes). cmark's end
    // line misses line breaks inside a link ("[x](\nhttps://..."): give the end line of
    // the block holding the link, whose positions are exact.
    SourceSpan locate(int startLine, int startColumn, int endLine, int endColumn,
                      std::string_view destination) const;
    // For a link cmark gives no position (0:0, the autolinks of bare URLs): its first
    // occurrence from `after` (the end of the link before it, or the start of `fromLine`)
    // to the end of `endLine`.
    SourceSpan locateAfter(std::size_t after, int fromLine, int endLine,
                           std::string_view destination) const;

private:
    using Needles = std::array<std::string_view, 3>;
    static Needles needlesFor(std::string_view destination);
    std::size_t offsetOf(int line, int column) const;
    std::size_t lineEnd(int line) const;
    int clampLine(int line) const;
    SourceSpan nearest(std::size_t from, std::size_t to, std::size_t nominal,
                       std::span<const std::string_view> needles) const;
    SourceSpan nearestWithin(std::size_t from, std::size_t to, std::size_t nominal,
                             std::string_view needle) const;

    std::string_view m_text;
    std::vector<std::size_t> m_lineStarts;
};

} // namespace studio
