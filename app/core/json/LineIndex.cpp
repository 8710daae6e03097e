#include "LineIndex.h"

#include <algorithm>

namespace studio {

namespace {

// Bytes between checkpoints: a lookup counts at most this many bytes; the checkpoints cost
// one word per stride.
constexpr std::size_t kCheckpointStride = 128;

bool isContinuationByte(char byte)
{
    return (static_cast<unsigned char>(byte) & 0xC0U) == 0x80U;
}

} // namespace

LineIndex::LineIndex(std::string_view text)
    : m_text(text)
{
    m_lineStarts.push_back(0);
    for (auto at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1))
        m_lineStarts.push_back(at + 1);
    m_checkpoints.reserve(text.size() / kCheckpointStride + 1);
    std::size_t codePoints = 0;
    for (std::size_t stride = 0; stride <= text.size(); stride += kCheckpointStride) {
        m_checkpoints.push_back(codePoints);
        const std::size_t end = std::min(stride + kCheckpointStride, text.size());
        for (std::size_t i = stride; i < end; ++i)
            codePoints += isContinuationByte(text[i]) ? 0 : 1;
    }
}

std::size_t LineIndex::codePointsBefore(std::size_t offset) const
{
    const std::size_t checkpoint = offset / kCheckpointStride;
    std::size_t codePoints = m_checkpoints[checkpoint];
    for (std::size_t i = checkpoint * kCheckpointStride; i < offset; ++i) {
        if (!isContinuationByte(m_text[i]))
            ++codePoints;
    }
    return codePoints;
}

int LineIndex::line(std::size_t offset) const
{
    offset = std::min(offset, m_text.size());
    const auto next = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    return static_cast<int>(next - m_lineStarts.begin());
}

SourcePosition LineIndex::position(std::size_t offset) const
{
    offset = std::min(offset, m_text.size());
    const int number = line(offset);
    const std::size_t start = m_lineStarts[static_cast<std::size_t>(number - 1)];
    const std::size_t column = codePointsBefore(offset) - codePointsBefore(start);
    return {number, static_cast<int>(column) + 1};
}

std::size_t LineIndex::lineStart(int line) const
{
    const auto clamped = std::clamp(line, 1, lineCount());
    return m_lineStarts[static_cast<std::size_t>(clamped - 1)];
}

// The offset of the line's '\n', or the end of the text on the last line.
std::size_t LineIndex::lineEnd(int line) const
{
    const auto next = static_cast<std::size_t>(std::clamp(line, 1, lineCount()));
    return next < m_lineStarts.size() ? m_lineStarts[next] - 1 : m_text.size();
}

std::size_t LineIndex::offset(SourcePosition position) const
{
    const std::size_t start = lineStart(position.line);
    const std::size_t end = lineEnd(position.line);
    if (position.column <= 1)
        return start;
    const std::size_t target =
        codePointsBefore(start) + static_cast<std::size_t>(position.column - 1);

    // Start from the last checkpoint on the line that is not past the target.
    std::size_t from = start;
    const auto first =
        m_checkpoints.begin() +
        static_cast<std::ptrdiff_t>((start + kCheckpointStride - 1) / kCheckpointStride);
    const auto last =
        m_checkpoints.begin() + static_cast<std::ptrdiff_t>(end / kCheckpointStride) + 1;
    if (first < last) {
        const auto after = std::upper_bound(first, last, target);
        if (after != first)
            from = static_cast<std::size_t>(after - 1 - m_checkpoints.begin()) * kCheckpointStride;
    }
    std::size_t codePoints = codePointsBefore(from);
    for (std::size_t offset = from; offset < end; ++offset) {
        if (isContinuationByte(m_text[offset]))
            continue;
        if (codePoints == target)
            return offset;
        ++codePoints;
    }
    return end;
}

} // namespace studio
