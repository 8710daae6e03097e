#include "LineIndex.h"

#include <algorithm>

namespace studio {

namespace {

bool isContinuationByte(char byte)
{
    return (static_cast<unsigned char>(byte) & 0xC0U) == 0x80U;
}

} // namespace

LineIndex::LineIndex(std::string_view text)
    : m_text(text)
{
    m_lineStarts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n')
            m_lineStarts.push_back(i + 1);
    }
}

SourcePosition LineIndex::position(std::size_t offset) const
{
    offset = std::min(offset, m_text.size());
    const auto next = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const auto line = static_cast<std::size_t>(next - m_lineStarts.begin()) - 1;
    int column = 1;
    for (std::size_t i = m_lineStarts[line]; i < offset; ++i) {
        if (!isContinuationByte(m_text[i]))
            ++column;
    }
    return {static_cast<int>(line) + 1, column};
}

std::size_t LineIndex::lineStart(int line) const
{
    const auto clamped = std::clamp(line, 1, lineCount());
    return m_lineStarts[static_cast<std::size_t>(clamped - 1)];
}

std::size_t LineIndex::offset(SourcePosition position) const
{
    std::size_t offset = lineStart(position.line);
    int column = 1;
    while (offset < m_text.size() && m_text[offset] != '\n' && column < position.column) {
        ++offset;
        while (offset < m_text.size() && isContinuationByte(m_text[offset]))
            ++offset;
        ++column;
    }
    return offset;
}

} // namespace studio
