#include "ValidationReport.h"

#include <algorithm>

namespace studio {

std::size_t ValidationReport::count(Severity severity) const
{
    return static_cast<std::size_t>(
        std::count_if(diagnostics.begin(), diagnostics.end(),
                      [severity](const Diagnostic &d) { return d.severity() == severity; }));
}

ValidationReport ValidationReport::withFileFindings(const std::string &file,
                                                    const std::vector<Diagnostic> &findings) const
{
    ValidationReport merged = *this;
    if (file.empty())
        return merged;
    std::erase_if(merged.diagnostics, [&](const Diagnostic &d) { return d.file == file; });
    merged.diagnostics.insert(merged.diagnostics.end(), findings.begin(), findings.end());
    return merged;
}

ValidationReport ValidationReport::onlyEntries(const std::vector<std::size_t> &positions) const
{
    ValidationReport kept = *this;
    std::erase_if(kept.diagnostics, [&](const Diagnostic &d) {
        return d.entryIndex &&
               !std::binary_search(positions.begin(), positions.end(), *d.entryIndex);
    });
    return kept;
}

} // namespace studio
