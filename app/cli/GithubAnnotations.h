#pragma once

#include "diagnostics/ValidationReport.h"

#include <ostream>
#include <string>
#include <string_view>

namespace studio::cli {

// One GitHub Actions workflow command per diagnostic, which the runner turns into an
// annotation on the pull request's line:
// `::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=[CODE]::message`
// (warning: `::warning`, info: `::notice`). Values are escaped as the runner reads them back,
// so a message from the pull request cannot end its line or start a command of its own.
void printDiagnosticsForGithub(const ValidationReport &report, const std::string &file,
                               std::ostream &out);

// The runner's escaping of a command's message (`%`, CR, LF) and, with `property`, of a
// property's value too (`:` and `,`).
std::string githubEscaped(std::string_view text, bool property);

} // namespace studio::cli
