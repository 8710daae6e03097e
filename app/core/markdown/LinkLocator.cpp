#include "LinkLocator.h"

#include <algorithm>
#include <array>

namespace studio {

LinkLocator::LinkLocator(std::string_view text)
    : m_text(text)
{
    m_lineStarts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n')
            m_lineStarts.push_back(i + 1);
    }
}

int LinkLocator::clampLine(int line) const
{
    return std::clamp(line, 1, static_cast<int>(m_lineStarts.size()));
}

std::size_t LinkLocator::lineEnd(int line) const
{
    const auto index = static_cast<std::size_t>(clampLine(line));
    return index < m_lineStarts.size() ? m_lineStarts[index] - 1 : m_text.size();
}

std::size_t LinkLocator::offsetOf(int line, int column) const
{
    const std::size_t start = m_lineStarts[static_cast<std::size_t>(clampLine(line) - 1)];
    const std::size_t offset = start + static_cast<std::size_t>(std::max(column, 1) - 1);
    return std::min(offset, lineEnd(line));
}

SourceSpan LinkLocator::nearest(std::size_t from, std::size_t to, std::size_t nominal,
                                std::string_view needle) const
{
    SourceSpan best{std::string_view::npos, 0};
    std::size_t bestDistance = std::string_view::npos;
    const std::string_view region = m_text.substr(from, to - from);
    for (auto at = region.find(needle); at != std::string_view::npos;
         at = region.find(needle, at + 1)) {
        const std::size_t begin = from + at;
        const std::size_t distance = begin > nominal ? begin - nominal : nominal - begin;
        if (distance < bestDistance) {
            bestDistance = distance;
            best = {begin, begin + needle.size()};
        }
    }
    return best;
}

SourceSpan LinkLocator::locate(int startLine, int startColumn, int endLine, int endColumn,
                               std::string_view destination) const
{
    if (m_text.empty())
        return {0, 0};
    const int firstLine = clampLine(startLine);
    const int lastLine = std::max(firstLine, clampLine(endLine));
    const std::size_t from = m_lineStarts[static_cast<std::size_t>(firstLine - 1)];
    const std::size_t to = lineEnd(lastLine);
    const std::size_t nominal = offsetOf(firstLine, startColumn);

    // The destination as written; autolinks add a scheme the text does not show.
    std::array<std::string_view, 3> needles{destination, {}, {}};
    for (std::string_view prefix : {std::string_view("mailto:"), std::string_view("http://")}) {
        if (destination.starts_with(prefix))
            needles[1] = destination.substr(prefix.size());
    }
    if (destination.empty())
        needles = {std::string_view("()"), std::string_view("(<>)"), {}};
    for (std::string_view needle : needles) {
        if (needle.empty())
            continue;
        const SourceSpan found = nearest(from, to, nominal, needle);
        if (found.begin != std::string_view::npos)
            return found;
    }

    // Not written on these lines (a reference link's destination is in its definition):
    // the whole link as cmark places it.
    std::size_t end = offsetOf(lastLine, endColumn) + 1;
    if (end <= nominal)
        end = nominal + 1;
    return {nominal, std::min(end, m_text.size())};
}

} // namespace studio
