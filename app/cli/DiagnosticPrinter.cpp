#include "DiagnosticPrinter.h"
#include "TerminalText.h"

#include <QDir>
#include <QString>

#include <nlohmann/json.hpp>

namespace studio::cli {

namespace {

std::string plural(std::size_t count, const char *noun)
{
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

// The file a diagnostic is in: the validated document, or the other file it names (the
// setup-instructions markdown), shown relative to the working folder when it is inside it.
std::string fileOf(const Diagnostic &diagnostic, const std::string &document)
{
    if (diagnostic.file.empty())
        return document;
    const QString path = QString::fromStdString(diagnostic.file);
    if (QDir::isRelativePath(path))
        return diagnostic.file;
    const QString relative = QDir::current().relativeFilePath(path);
    return relative.startsWith(QLatin1String("..")) ? diagnostic.file : relative.toStdString();
}

nlohmann::ordered_json entryValue(const Diagnostic &diagnostic)
{
    if (!diagnostic.entryId.empty())
        return diagnostic.entryId;
    if (diagnostic.entryIndex)
        return *diagnostic.entryIndex;
    return nullptr;
}

} // namespace

void printDiagnosticsAsText(const ValidationReport &report, const std::string &file,
                            std::ostream &out)
{
    for (const auto &diagnostic : report.diagnostics) {
        std::string line = fileOf(diagnostic, file) + ':' + std::to_string(diagnostic.start.line) +
                           ':' + std::to_string(diagnostic.start.column) + ": " +
                           std::string(severityName(diagnostic.severity())) + ": [" +
                           std::string(diagnostic.code()) + "] " + diagnostic.message;
        if (report.kind == DocumentKind::Index && diagnostic.entryIndex)
            line += " (entry " +
                    (diagnostic.entryId.empty() ? "#" + std::to_string(*diagnostic.entryIndex)
                                                : "'" + diagnostic.entryId + "'") +
                    ')';
        // Ids, messages and file names come from the pull request: one escaped line each.
        out << printable(line) << '\n';
    }
}

void printDiagnosticsAsJson(const ValidationReport &report, const std::string &file,
                            std::string_view contract, std::ostream &out)
{
    nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();
    for (const auto &diagnostic : report.diagnostics) {
        diagnostics.push_back({
            {"file", fileOf(diagnostic, file)},
            {"entry", entryValue(diagnostic)},
            {"severity", severityName(diagnostic.severity())},
            {"code", diagnostic.code()},
            {"pointer", diagnostic.pointer},
            {"line", diagnostic.start.line},
            {"column", diagnostic.start.column},
            {"end_line", diagnostic.end.line},
            {"end_column", diagnostic.end.column},
            {"message", diagnostic.message},
        });
    }
    const char *kind = report.kind == DocumentKind::Index      ? "index"
                       : report.kind == DocumentKind::Manifest ? "manifest"
                                                               : "unknown";
    nlohmann::ordered_json document = {
        {"file", file},
        {"contract", contract},
        {"kind", kind},
        {"entries", report.entryCount},
        {"summary",
         {{"errors", report.count(Severity::Error)},
          {"warnings", report.count(Severity::Warning)},
          {"infos", report.count(Severity::Info)}}},
        {"diagnostics", std::move(diagnostics)},
    };
    out << document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

std::string summaryLine(const ValidationReport &report)
{
    std::string line = plural(report.count(Severity::Error), "error") + ", " +
                       plural(report.count(Severity::Warning), "warning");
    if (report.kind == DocumentKind::Index)
        line += " in " + std::to_string(report.entryCount) +
                (report.entryCount == 1 ? " entry" : " entries");
    return line;
}

} // namespace studio::cli
