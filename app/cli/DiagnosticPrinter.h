#pragma once

#include "diagnostics/ValidationReport.h"
#include "json/JsonParser.h"

#include <ostream>
#include <string>
#include <string_view>

namespace studio::cli {

// The file a diagnostic is in: the validated `document`, or the other file it names (the
// setup-instructions markdown), shown relative to the working folder when it is inside it.
std::string fileOf(const Diagnostic &diagnostic, const std::string &document);

// fileOf as code-scanning tools match it against the repository's paths: cleaned (no "./",
// no "a/../"), relative paths staying relative.
std::string cleanFileOf(const Diagnostic &diagnostic, const std::string &document);

// " (entry 'id')" or " (entry #3)" for a finding of an index's entry; empty otherwise.
std::string entrySuffix(const ValidationReport &report, const Diagnostic &diagnostic);

// `file:line:column: severity: [CODE] message`, the format compilers use, so editors and CI
// annotate the line. `file` is the document's; a finding in another file (the setup
// instructions) names that file and its line:column there.
void printDiagnosticsAsText(const ValidationReport &report, const std::string &file,
                            std::ostream &out);

// {"file", "contract", "kind", "entries", "summary", "diagnostics": [{file, entry, severity,
// code, pointer, line, column, end_line, end_column, message[, fix]}]}; a diagnostic's "file"
// is the document's, or the setup-instructions file its position is in. A one-click fix is
// {"title", "edits": [{offset, length, line, column, end_line, end_column, replacement}]},
// edits of that file as validated (`text` for the document; docs/diagnostics.md).
void printDiagnosticsAsJson(const ValidationReport &report, const std::string &file,
                            std::string_view text, std::string_view contract, std::ostream &out);
// The document printDiagnosticsAsJson prints, for a command that adds its own members.
Json diagnosticsDocument(const ValidationReport &report, const std::string &file,
                         std::string_view text, std::string_view contract);

// "error", "warning", or what another format calls an info (SARIF's "note", GitHub's
// "notice").
std::string_view severityWord(Severity severity, std::string_view info);

std::string summaryLine(const ValidationReport &report);

} // namespace studio::cli
