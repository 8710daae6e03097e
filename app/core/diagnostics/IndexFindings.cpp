#include "IndexFindings.h"

#include "json/JsonPointer.h"
#include "json/LineIndex.h"

#include <algorithm>
#include <tuple>

namespace studio {

namespace {

// Puts findings of an entry's own text where the entry sits in the index: every line but
// the first gains the indentation, the first starts at the entry's '{'.
class EntryToIndex
{
public:
    EntryToIndex(std::string_view entryText, const EntryPlacement &placement)
        : m_lines(entryText)
        , m_placement(placement)
    {
    }

    std::size_t offset(std::size_t inEntry) const
    {
        return m_placement.begin + inEntry +
               static_cast<std::size_t>(m_lines.line(inEntry) - 1) * m_placement.indent;
    }
    SourceSpan span(SourceSpan inEntry) const { return {offset(inEntry.begin), offset(inEntry.end)}; }
    SourcePosition position(SourcePosition inEntry) const
    {
        if (!inEntry.isValid())
            return inEntry;
        if (inEntry.line == 1)
            return {m_placement.start.line, m_placement.start.column + inEntry.column - 1};
        return {m_placement.start.line + inEntry.line - 1,
                inEntry.column + static_cast<int>(m_placement.indent)};
    }

    Diagnostic place(Diagnostic diagnostic) const
    {
        diagnostic.entryIndex = m_placement.position;
        diagnostic.pointer = json_pointer::append("", m_placement.position) + diagnostic.pointer;
        if (!diagnostic.file.empty())
            return diagnostic; // its span is in that other file
        diagnostic.span = span(diagnostic.span);
        diagnostic.start = position(diagnostic.start);
        diagnostic.end = position(diagnostic.end);
        if (diagnostic.fix && diagnostic.fix->kind == Fix::Kind::Replace)
            diagnostic.fix->span = span(diagnostic.fix->span);
        return diagnostic;
    }

private:
    LineIndex m_lines;
    EntryPlacement m_placement;
};

} // namespace

std::vector<EntryCounts> IndexFindings::countsByEntry(const ValidationReport &report)
{
    std::vector<EntryCounts> counts(report.entryCount);
    for (const Diagnostic &diagnostic : report.diagnostics) {
        if (!diagnostic.entryIndex || *diagnostic.entryIndex >= counts.size())
            continue;
        EntryCounts &entry = counts[*diagnostic.entryIndex];
        switch (diagnostic.severity()) {
        case Severity::Error:
            ++entry.errors;
            break;
        case Severity::Warning:
            ++entry.warnings;
            break;
        case Severity::Info:
            ++entry.infos;
            break;
        }
    }
    return counts;
}

std::size_t IndexFindings::entriesWithErrors(const std::vector<EntryCounts> &counts)
{
    return static_cast<std::size_t>(std::count_if(
        counts.begin(), counts.end(), [](const EntryCounts &c) { return c.errors > 0; }));
}

std::string IndexFindings::pointerInEntry(const Diagnostic &inIndex)
{
    if (!inIndex.entryIndex)
        return inIndex.pointer;
    const auto tokens = json_pointer::tokens(inIndex.pointer);
    std::string pointer;
    for (std::size_t i = 1; i < tokens.size(); ++i)
        pointer = json_pointer::append(pointer, tokens[i]);
    return pointer;
}

const Diagnostic *IndexFindings::sameInEntry(const ValidationReport &entryReport,
                                             const Diagnostic &inIndex)
{
    const std::string pointer = pointerInEntry(inIndex);
    const Diagnostic *best = nullptr;
    int bestScore = -1;
    for (const Diagnostic &candidate : entryReport.diagnostics) {
        if (candidate.rule != inIndex.rule || candidate.pointer != pointer ||
            candidate.file != inIndex.file)
            continue;
        // Several findings can share rule and place (two missing images in one README):
        // the same words, and in another file the same span, tell them apart.
        const int score = (candidate.message == inIndex.message ? 2 : 0) +
                          (!inIndex.file.empty() && candidate.span.begin == inIndex.span.begin &&
                                   candidate.span.end == inIndex.span.end
                               ? 1
                               : 0);
        if (score > bestScore) {
            best = &candidate;
            bestScore = score;
        }
    }
    return best;
}

ValidationReport IndexFindings::withEntry(const ValidationReport &indexReport,
                                          const ValidationReport &entryReport,
                                          std::string_view entryText,
                                          const EntryPlacement &placement)
{
    ValidationReport merged = indexReport;
    merged.entryCount = std::max(merged.entryCount, placement.position + 1);
    std::erase_if(merged.diagnostics, [&placement](const Diagnostic &diagnostic) {
        return diagnostic.entryIndex == placement.position;
    });
    const EntryToIndex toIndex(entryText, placement);
    for (const Diagnostic &diagnostic : entryReport.diagnostics)
        merged.diagnostics.push_back(toIndex.place(diagnostic));
    // Document order, as the validator gives it: the index's own findings by place (the
    // entry's together, at its start, as its text may have grown past the next entry's
    // saved place), then each other file's.
    const auto order = [&placement](const Diagnostic &d) {
        const bool inEntry = d.file.empty() && d.entryIndex == placement.position;
        return std::tuple<const std::string &, std::size_t, std::size_t>(
            d.file, inEntry ? placement.begin : d.span.begin, d.span.begin);
    };
    std::stable_sort(merged.diagnostics.begin(), merged.diagnostics.end(),
                     [&order](const Diagnostic &a, const Diagnostic &b) {
                         return order(a) < order(b);
                     });
    return merged;
}

} // namespace studio
