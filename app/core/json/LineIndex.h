#pragma once

#include "SourceLocation.h"

#include <string_view>
#include <vector>

namespace studio {

// Maps byte offsets of a UTF-8 text to line:column positions and back.
// The index keeps a view on the text: the text must outlive it.
class LineIndex
{
public:
    explicit LineIndex(std::string_view text);

    SourcePosition position(std::size_t offset) const;
    std::size_t offset(SourcePosition position) const;
    int lineCount() const { return static_cast<int>(m_lineStarts.size()); }
    std::size_t lineStart(int line) const;

private:
    std::string_view m_text;
    std::vector<std::size_t> m_lineStarts;
};

} // namespace studio
