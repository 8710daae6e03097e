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

SourceSpan LinkLocator::nearestWithin(std::size_t from, std::size_t to, std::size_t nominal,
                                      std::string_view needle) const
{
    // The nearest occurrence is the last one before the nominal offset or the first one from
    // it; on a tie the earlier one wins.
    const std::string_view region = m_text.substr(from, to - from);
    const std::size_t at = std::clamp(nominal, from, to) - from;
    const std::size_t after = region.find(needle, at);
    const std::size_t before = at == 0 ? std::string_view::npos : region.rfind(needle, at - 1);
    if (after == std::string_view::npos && before == std::string_view::npos)
        return {std::string_view::npos, 0};
    const bool takeBefore = before != std::string_view::npos &&
                            (after == std::string_view::npos || at - before <= after - at);
    const std::size_t begin = from + (takeBefore ? before : after);
    return {begin, begin + needle.size()};
}

SourceSpan LinkLocator::nearest(std::size_t from, std::size_t to, std::size_t nominal,
                                std::span<const std::string_view> needles) const
{
    // Windows around the nominal offset that double until one holds a written form: the
    // cost is the distance to the link's own destination, not the size of the paragraph,
    // which listing every occurrence (or searching to the paragraph's ends for a form not
    // written, like an autolink's added scheme) made quadratic in a paragraph of many links.
    // A destination not written at all (a reference link's) reads the region once; the
    // parser's limits keep its links times its length small (MarkdownLimits).
    for (std::size_t reach = 64;; reach *= 2) {
        const std::size_t low = nominal - std::min(reach, nominal - from);
        const std::size_t high = std::min(to, nominal + reach); // where an occurrence may begin
        for (std::string_view needle : needles) {
            if (needle.empty())
                continue;
            const SourceSpan found =
                nearestWithin(low, std::min(to, high + needle.size()), nominal, needle);
            if (found.begin != std::string_view::npos)
                return found;
        }
        if (low == from && high == to)
            return {std::string_view::npos, 0};
    }
}

// The destination as written; autolinks add a scheme the text does not show.
LinkLocator::Needles LinkLocator::needlesFor(std::string_view destination)
{
    if (destination.empty())
        return {std::string_view("()"), std::string_view("(<>)"), {}};
    Needles needles{destination, {}, {}};
    for (std::string_view prefix : {std::string_view("mailto:"), std::string_view("http://")}) {
        if (destination.starts_with(prefix))
            needles[1] = destination.substr(prefix.size());
    }
    return needles;
}

SourceSpan LinkLocator::locateAfter(std::size_t after, int fromLine, int endLine,
                                    std::string_view destination) const
{
    if (m_text.empty())
        return {0, 0};
    const int firstLine = clampLine(fromLine);
    const std::size_t from = std::max(m_lineStarts[static_cast<std::size_t>(firstLine - 1)],
                                      std::min(after, m_text.size()));
    const std::size_t to = std::max(from, lineEnd(std::max(firstLine, clampLine(endLine))));
    // Searched from its lower bound only: the windows then reach forward, to the first
    // occurrence.
    if (const SourceSpan found = nearest(from, to, from, needlesFor(destination));
        found.begin != std::string_view::npos)
        return found;
    return {from, std::min(from + 1, m_text.size())};
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

    if (const SourceSpan found = nearest(from, to, nominal, needlesFor(destination));
        found.begin != std::string_view::npos)
        return found;

    // Not written on these lines (a reference link's destination is in its definition):
    // the whole link as cmark places it.
    std::size_t end = offsetOf(lastLine, endColumn) + 1;
    if (end <= nominal)
        end = nominal + 1;
    return {nominal, std::min(end, m_text.size())};
}

} // namespace studio
