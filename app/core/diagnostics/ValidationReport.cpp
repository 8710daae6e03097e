#include "ValidationReport.h"

#include <algorithm>

namespace studio {

std::size_t ValidationReport::count(Severity severity) const
{
    return static_cast<std::size_t>(
        std::count_if(diagnostics.begin(), diagnostics.end(),
                      [severity](const Diagnostic &d) { return d.severity() == severity; }));
}

} // namespace studio
