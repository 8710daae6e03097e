#pragma once

#include "ValidationReport.h"

#include <string>
#include <vector>

namespace studio {

struct EntryCounts
{
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t infos = 0;

    std::size_t total() const { return errors + warnings + infos; }
};

// The findings of a whole index read entry by entry: how many each entry has, and where a
// finding lands once its entry is opened on its own.
class IndexFindings
{
public:
    // Counts by the entry's position in the index (report.entryCount of them); findings
    // about the index as a whole are not counted.
    static std::vector<EntryCounts> countsByEntry(const ValidationReport &report);
    // How many entries have at least one error.
    static std::size_t entriesWithErrors(const std::vector<EntryCounts> &counts);

    // The finding's pointer inside its entry: "/3/image" -> "/image".
    static std::string pointerInEntry(const Diagnostic &inIndex);
    // The same finding in the report of the entry validated on its own (same rule, place
    // and file; the message may differ, as a duplicate id is worded for one entry), or null
    // when the entry no longer has it.
    static const Diagnostic *sameInEntry(const ValidationReport &entryReport,
                                         const Diagnostic &inIndex);
};

} // namespace studio
