#pragma once

#include "validation/ValidationReport.h"

#include <ostream>
#include <string>

namespace studio::cli {

// `file:line:column: severity: [CODE] message`, the format compilers use, so editors and CI
// annotate the line.
void printDiagnosticsAsText(const ValidationReport &report, const std::string &file,
                            std::ostream &out);

// {"file", "kind", "entries", "summary", "diagnostics": [{entry, severity, code, pointer,
// line, column, end_line, end_column, message}]}
void printDiagnosticsAsJson(const ValidationReport &report, const std::string &file,
                            std::ostream &out);

std::string summaryLine(const ValidationReport &report);

} // namespace studio::cli
