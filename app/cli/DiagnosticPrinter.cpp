#include "DiagnosticPrinter.h"

#include "TerminalText.h"
#include "edit/FixSplicer.h"
#include "json/LineIndex.h"
#include "markdown/InstructionsFile.h"

#include <QDir>
#include <QString>

#include <nlohmann/json.hpp>

#include <map>

namespace studio::cli {

namespace {

std::string plural(std::size_t count, const char *noun)
{
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

nlohmann::ordered_json entryValue(const Diagnostic &diagnostic)
{
    if (!diagnostic.entryId.empty())
        return diagnostic.entryId;
    if (diagnostic.entryIndex)
        return *diagnostic.entryIndex;
    return nullptr;
}

struct FixText
{
    std::string_view bytes;
    LineIndex lines;
};

// The texts the fixes apply to: the document, and each other file a diagnostic is in (the
// setup instructions), read once, with their line indexes.
class FixTexts
{
public:
    explicit FixTexts(std::string_view document)
        : m_document{document, LineIndex(document)}
    {}

    // Nothing when the file cannot be read any more.
    const FixText *of(const Diagnostic &diagnostic)
    {
        if (diagnostic.file.empty())
            return &m_document;
        auto [read, fresh] = m_read.try_emplace(diagnostic.file);
        if (fresh) {
            TextFileRead file = InstructionsFile::read(QString::fromStdString(diagnostic.file));
            if (file.ok) {
                read->second = std::move(file.bytes);
                m_files.emplace(diagnostic.file, FixText{*read->second, LineIndex(*read->second)});
            }
        }
        const auto found = m_files.find(diagnostic.file);
        return found == m_files.end() ? nullptr : &found->second;
    }

private:
    FixText m_document;
    std::map<std::string, std::optional<std::string>> m_read; // map nodes stay: views hold
    std::map<std::string, FixText> m_files;
};

// The diagnostic's fix as edits of its file, or nothing when it has none (or its file no
// longer holds what the fix replaces).
std::optional<nlohmann::ordered_json> fixValue(const Diagnostic &diagnostic, FixTexts &texts)
{
    const FixText *text = diagnostic.fix ? texts.of(diagnostic) : nullptr;
    if (!text)
        return std::nullopt;
    const FixSplices fix = FixSplicer::apply(text->bytes, diagnostic);
    if (!fix.ok())
        return std::nullopt;
    // Several splices apply one after the other: as one edit they all hold in the file.
    const TextSplice edit =
        fix.splices.size() == 1 ? fix.splices.front() : TextSplice::between(text->bytes, fix.text);
    const SourcePosition start = text->lines.position(edit.offset);
    const SourcePosition end = text->lines.position(edit.removedEnd());
    nlohmann::ordered_json edits = nlohmann::ordered_json::array();
    edits.push_back({
        {"offset", edit.offset},
        {"length", edit.removed.size()},
        {"line", start.line},
        {"column", start.column},
        {"end_line", end.line},
        {"end_column", end.column},
        {"replacement", edit.inserted},
    });
    return nlohmann::ordered_json{{"title", diagnostic.fix->title}, {"edits", std::move(edits)}};
}

} // namespace

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

std::string cleanFileOf(const Diagnostic &diagnostic, const std::string &document)
{
    return QDir::cleanPath(QString::fromStdString(fileOf(diagnostic, document))).toStdString();
}

std::string entrySuffix(const ValidationReport &report, const Diagnostic &diagnostic)
{
    if (report.kind != DocumentKind::Index || !diagnostic.entryIndex)
        return {};
    return " (entry " +
           (diagnostic.entryId.empty() ? "#" + std::to_string(*diagnostic.entryIndex)
                                       : "'" + diagnostic.entryId + "'") +
           ')';
}

void printDiagnosticsAsText(const ValidationReport &report, const std::string &file,
                            std::ostream &out)
{
    for (const auto &diagnostic : report.diagnostics) {
        std::string line = fileOf(diagnostic, file) + ':' + std::to_string(diagnostic.start.line) +
                           ':' + std::to_string(diagnostic.start.column) + ": " +
                           std::string(severityName(diagnostic.severity())) + ": [" +
                           std::string(diagnostic.code()) + "] " + diagnostic.message;
        line += entrySuffix(report, diagnostic);
        // Ids, messages and file names come from the pull request: one escaped line each.
        out << printable(line) << '\n';
    }
}

nlohmann::ordered_json diagnosticsDocument(const ValidationReport &report, const std::string &file,
                                           std::string_view text, std::string_view contract)
{
    FixTexts texts(text);
    nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();
    for (const auto &diagnostic : report.diagnostics) {
        nlohmann::ordered_json value = {
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
        };
        if (auto fix = fixValue(diagnostic, texts))
            value["fix"] = std::move(*fix);
        diagnostics.push_back(std::move(value));
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
    return document;
}

void printDiagnosticsAsJson(const ValidationReport &report, const std::string &file,
                            std::string_view text, std::string_view contract, std::ostream &out)
{
    out << diagnosticsDocument(report, file, text, contract)
               .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
        << '\n';
}

std::string_view severityWord(Severity severity, std::string_view info)
{
    return severity == Severity::Info ? info : severityName(severity);
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
