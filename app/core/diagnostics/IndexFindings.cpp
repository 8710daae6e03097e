#include "IndexFindings.h"

#include "json/JsonPointer.h"

#include <algorithm>

namespace studio {

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

} // namespace studio
