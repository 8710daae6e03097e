#pragma once

#include "SourceLocation.h"

#include <string_view>
#include <vector>

namespace studio {

// Maps byte offsets of a UTF-8 text to line:column positions and back, in logarithmic
// time: a minified document is one line, so counting a column from the start of its line
// on every lookup would make locating many findings quadratic.
// The index keeps a view on the text: the text must outlive it.
class LineIndex
{
public:
    explicit LineIndex(std::string_view text);

    SourcePosition position(std::size_t offset) const;
    int line(std::size_t offset) const; // position(offset).line, without counting the column
    std::size_t offset(SourcePosition position) const;
    int lineCount() const { return static_cast<int>(m_lineStarts.size()); }
    std::size_t lineStart(int line) const;

private:
    std::size_t lineEnd(int line) const;
    std::size_t codePointsBefore(std::size_t offset) const;

    std::string_view m_text;
    std::vector<std::size_t> m_lineStarts;
    // m_checkpoints[k]: code points in the first k * kCheckpointStride bytes of the text.
    std::vector<std::size_t> m_checkpoints;
};

} // namespace studio
