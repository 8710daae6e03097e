#include "SarifLog.h"

#include "DiagnosticPrinter.h"
#include "buildinfo/BuildInfo.h"

#include <QDir>
#include <QUrl>

#include <nlohmann/json.hpp>

namespace studio::cli {

namespace {

using Json = nlohmann::ordered_json;

// A path as a URI reference: relative paths stay relative (to the working folder, which a
// CI job makes the repository root), absolute ones become file: URIs.
std::string uriOf(const std::string &path)
{
    const QString local = QString::fromStdString(path);
    if (QDir::isAbsolutePath(local))
        return QUrl::fromLocalFile(local).toString(QUrl::FullyEncoded).toStdString();
    return QUrl::toPercentEncoding(QDir::fromNativeSeparators(local), "/").toStdString();
}

Json rules()
{
    Json rules = Json::array();
    for (const RuleInfo &rule : allRules()) {
        const std::string title(rule.title);
        rules.push_back({
            {"id", rule.code},
            {"shortDescription", {{"text", title}}},
            {"help",
             {{"text", title + ". What the app does and the fix: docs/diagnostics.md, " +
                           std::string(rule.code) + "."}}},
            {"defaultConfiguration", {{"level", severityWord(rule.severity, "note")}}},
        });
    }
    return rules;
}

std::size_t ruleIndex(const Diagnostic &diagnostic)
{
    const auto rules = allRules();
    for (std::size_t i = 0; i < rules.size(); ++i) {
        if (rules[i].id == diagnostic.rule)
            return i;
    }
    return 0;
}

Json location(const Diagnostic &diagnostic, const std::string &file)
{
    Json physical = {{"artifactLocation", {{"uri", uriOf(cleanFileOf(diagnostic, file))}}}};
    // A finding about the whole document (no position) has no region.
    if (diagnostic.start.isValid()) {
        // An end before the start (none known) makes the region the start alone.
        const SourcePosition end =
            diagnostic.end.isValid() && (diagnostic.end.line > diagnostic.start.line ||
                                         (diagnostic.end.line == diagnostic.start.line &&
                                          diagnostic.end.column >= diagnostic.start.column))
                ? diagnostic.end
                : diagnostic.start;
        physical["region"] = {
            {"startLine", diagnostic.start.line},
            {"startColumn", diagnostic.start.column},
            {"endLine", end.line},
            {"endColumn", end.column},
        };
    }
    return Json{{"physicalLocation", std::move(physical)}};
}

} // namespace

void printDiagnosticsAsSarif(const ValidationReport &report, const std::string &file,
                             std::ostream &out)
{
    Json results = Json::array();
    for (const auto &diagnostic : report.diagnostics) {
        results.push_back({
            {"ruleId", diagnostic.code()},
            {"ruleIndex", ruleIndex(diagnostic)},
            {"level", severityWord(diagnostic.severity(), "note")},
            {"message", {{"text", diagnostic.message + entrySuffix(report, diagnostic)}}},
            {"locations", Json::array({location(diagnostic, file)})},
        });
    }
    const Json driver = {
        {"name", "plugin-studio"},
        {"version", build_info::version()},
        {"informationUri", build_info::homepage()},
        {"rules", rules()},
    };
    const Json log = {
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs", Json::array({{
                     {"tool", {{"driver", driver}}},
                     {"columnKind", "utf16CodeUnits"},
                     {"results", std::move(results)},
                 }})},
    };
    out << log.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

} // namespace studio::cli
