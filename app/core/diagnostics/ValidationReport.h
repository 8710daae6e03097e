#pragma once

#include "Diagnostic.h"

#include <vector>

namespace studio {

enum class DocumentKind
{
    Unknown,
    Manifest,
    Index
};

struct ValidationReport
{
    DocumentKind kind = DocumentKind::Unknown;
    bool parsed = false;
    std::size_t entryCount = 0;
    std::vector<Diagnostic> diagnostics; // in document order

    std::size_t count(Severity severity) const;
    bool hasErrors() const { return count(Severity::Error) > 0; }

    // The report with every finding about `file` replaced by `findings`: a file open in an
    // editor is judged by its live text, not by what was last saved. An empty `file`
    // changes nothing.
    ValidationReport withFileFindings(const std::string &file,
                                      const std::vector<Diagnostic> &findings) const;

    // The findings about the entries at `positions` (ascending) and the document as a whole
    // (a syntax error, an index that is not an array): what a pull request changing only
    // those entries is answerable for.
    ValidationReport onlyEntries(const std::vector<std::size_t> &positions) const;
};

} // namespace studio
