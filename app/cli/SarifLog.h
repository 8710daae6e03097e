#pragma once

#include "diagnostics/ValidationReport.h"

#include <ostream>
#include <string>

namespace studio::cli {

// The report as a SARIF 2.1.0 log, the format code-scanning services import: one run whose
// tool lists every rule of the catalogue (id: the stable code) and whose results are the
// diagnostics, each located in its file (a relative URI as given, or a file: URI) with a
// region in UTF-16 columns, as the other formats count them.
void printDiagnosticsAsSarif(const ValidationReport &report, const std::string &file,
                             std::ostream &out);

} // namespace studio::cli
