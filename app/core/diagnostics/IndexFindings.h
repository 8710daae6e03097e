#pragma once

#include "ValidationReport.h"

#include <string>
#include <string_view>
#include <vector>

namespace studio {

struct EntryCounts
{
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t infos = 0;

    std::size_t total() const { return errors + warnings + infos; }
};

// Where an entry edited on its own sits in its index, to place the findings of its text
// there. The entry's text is the index's bytes with `indent` taken off its continuation
// lines (IndexEntries), so the index once saved holds it at the same place.
struct EntryPlacement
{
    std::size_t position = 0; // among the index's entries (entryCount: a new one, at the end)
    std::size_t begin = 0;    // the byte offset of its '{' in the index
    SourcePosition start;     // the line:column of it
    std::size_t indent = 0;   // the bytes of whitespace its continuation lines gain there
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
    // The index's report with one entry judged by the report of its own text as typed
    // (`entryText`): that entry's findings in the index give way to the entry's, placed
    // where they will be once the text is saved into the index; a new entry is added.
    static ValidationReport withEntry(const ValidationReport &indexReport,
                                      const ValidationReport &entryReport,
                                      std::string_view entryText,
                                      const EntryPlacement &placement);
};

} // namespace studio
