#include "DocumentValidator.h"

#include "EntryContext.h"
#include "diagnostics/DiagnosticSink.h"
#include "json/JsonPointer.h"
#include "json/LineIndex.h"
#include "repository/RepositoryFiles.h"
#include "rules/EntryRules.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

namespace studio {

namespace {

SourceSpan spanFor(const JsonSourceMap &map, const PendingDiagnostic &pending)
{
    if (const JsonLocation *exact = map.find(pending.pointer)) {
        if (pending.anchor == Anchor::Key && exact->key)
            return *exact->key;
        if (pending.anchor == Anchor::Start)
            return {exact->value.begin, exact->value.begin + 1};
        return exact->value;
    }
    // The value is absent (a missing field): point at its parent's key, or at the opening
    // brace of the parent when it has no key (an entry of the index, the root object).
    const JsonLocation *parent = map.findNearest(json_pointer::parent(pending.pointer));
    if (!parent)
        return {0, 0};
    if (parent->key)
        return *parent->key;
    return {parent->value.begin, parent->value.begin + 1};
}

class Locator
{
public:
    Locator(std::string_view text, const JsonSourceMap &map)
        : m_lines(text)
        , m_map(map)
    {}

    Diagnostic locate(PendingDiagnostic pending) const
    {
        Diagnostic diagnostic;
        diagnostic.span = spanFor(m_map, pending);
        diagnostic.rule = pending.rule;
        diagnostic.message = std::move(pending.message);
        diagnostic.pointer = std::move(pending.pointer);
        diagnostic.fix = std::move(pending.fix);
        if (diagnostic.fix && diagnostic.fix->kind == Fix::Kind::Replace)
            diagnostic.fix->span = diagnostic.span;
        place(diagnostic);
        return diagnostic;
    }

    void place(Diagnostic &diagnostic) const
    {
        diagnostic.start = m_lines.position(diagnostic.span.begin);
        diagnostic.end = m_lines.position(diagnostic.span.end);
    }

    const LineIndex &lines() const { return m_lines; }

private:
    LineIndex m_lines;
    const JsonSourceMap &m_map;
};

// "a comma is missing" before the next member or element: the comma goes right after the
// previous value, where a person would type it, not before the next one.
std::optional<Fix> missingCommaFix(std::string_view text, const JsonParseError &error)
{
    if (error.message.find("a comma is missing") == std::string::npos)
        return std::nullopt;
    std::size_t end = std::min(error.offset, text.size());
    while (end > 0 && std::string_view(" \t\r\n").find(text[end - 1]) != std::string_view::npos)
        --end;
    return Fix{Fix::Kind::Replace, "Insert the missing comma", {end, end}, ",", {}};
}

std::string entryIdOf(const Json &entry)
{
    if (!entry.is_object())
        return {};
    const auto id = entry.find("id");
    return id != entry.end() && id->is_string() ? id->get<std::string>() : std::string();
}

bool usesRepositoryFiles(const Json &entry)
{
    if (!entry.is_object())
        return false;
    if (entry.contains("image"))
        return true;
    const auto integration = entry.find("external_integration");
    return integration != entry.end() && integration->is_object() &&
           integration->contains("setup_instructions_file_path");
}

void checkDuplicateIds(const Json &index, const LineIndex &lines, const JsonSourceMap &map,
                       DiagnosticSink &sink)
{
    std::map<std::string, std::size_t> firstUse;
    for (std::size_t i = 0; i < index.size(); ++i) {
        const std::string id = entryIdOf(index[i]);
        if (id.empty())
            continue;
        const auto [it, inserted] = firstUse.emplace(id, i);
        if (inserted)
            continue;
        const std::string firstPointer = json_pointer::append("", it->second);
        const JsonLocation *first = map.find(firstPointer);
        const std::string where =
            first ? " at line " + std::to_string(lines.position(first->value.begin).line) : std::string();
        sink.report(RuleId::DuplicateId, json_pointer::append("", i) + "/id",
                    "the id '" + id + "' is already used by entry #" + std::to_string(it->second) +
                        where + "; ids must be unique in the index");
    }
}

void checkSiblingIds(const Json &entry, const std::vector<SiblingEntry> &siblings,
                     DiagnosticSink &sink)
{
    const std::string id = entryIdOf(entry);
    for (const auto &sibling : siblings) {
        if (!id.empty() && sibling.id == id) {
            sink.report(
                RuleId::DuplicateId, "/id",
                "the id '" + id + "' is already used by another entry of the index (by " +
                    (sibling.author.empty() ? std::string("an unnamed author") : sibling.author) +
                    "); ids must be unique");
            return;
        }
    }
}

void reportParseIssues(const JsonParseResult &parsed, std::vector<Diagnostic> &out,
                       const Locator &locator)
{
    for (const auto &issue : parsed.issues) {
        Diagnostic diagnostic;
        diagnostic.span = issue.span;
        diagnostic.pointer = issue.pointer;
        if (issue.kind == JsonParseIssue::Kind::ByteOrderMark) {
            diagnostic.rule = RuleId::ByteOrderMark;
            diagnostic.message = "the file starts with a UTF-8 byte-order mark, which JSON "
                                 "forbids and the app's JSON reader rejects; save it as UTF-8 "
                                 "without BOM";
        } else {
            diagnostic.rule = RuleId::DuplicateKey;
            diagnostic.message = "'" + json_pointer::lastToken(issue.pointer) +
                                 "' appears twice in this object; the app keeps only the "
                                 "last value";
        }
        locator.place(diagnostic);
        out.push_back(std::move(diagnostic));
    }
}

void attributeToEntries(std::vector<Diagnostic> &diagnostics, const Json &index)
{
    // Each entry's id is looked up once: finding a member searches the whole entry, and
    // one entry can hold many members and as many findings.
    std::vector<std::optional<std::string>> ids(index.size());
    for (auto &diagnostic : diagnostics) {
        const auto tokens = json_pointer::tokens(diagnostic.pointer);
        if (tokens.empty())
            continue;
        const std::size_t position = std::strtoul(tokens.front().c_str(), nullptr, 10);
        if (position < index.size()) {
            if (!ids[position])
                ids[position] = entryIdOf(index[position]);
            diagnostic.entryIndex = position;
            diagnostic.entryId = *ids[position];
        }
    }
}

} // namespace

ValidationReport DocumentValidator::validate(std::string_view text,
                                             const ValidationOptions &options)
{
    return validate(text, parseJson(text), options);
}

ValidationReport DocumentValidator::validate(std::string_view text, const JsonParseResult &parsed,
                                             const ValidationOptions &options)
{
    return validateWith(text, parsed, [&](const Json &root, ValidationReport &report,
                                          DiagnosticSink &sink, const LineIndex &lines) {
        const std::optional<RepositoryFiles> repository =
            options.repositoryRoot ? std::optional<RepositoryFiles>(*options.repositoryRoot)
                                   : std::nullopt;
        const RepositoryFiles *files = repository ? &*repository : nullptr;
        bool skippedFiles = false;

        if (root.is_object()) {
            report.kind = DocumentKind::Manifest;
            report.entryCount = 1;
            rules::checkEntry({root, "", files}, sink);
            checkSiblingIds(root, options.siblings, sink);
            skippedFiles = !files && usesRepositoryFiles(root);
        } else if (root.is_array()) {
            report.kind = DocumentKind::Index;
            report.entryCount = root.size();
            for (std::size_t i = 0; i < root.size(); ++i) {
                const std::string pointer = json_pointer::append("", i);
                if (!root[i].is_object()) {
                    sink.report(RuleId::WrongDocumentType, pointer,
                                "every entry of the index must be an object, not " +
                                    rules::describeJsonType(root[i]));
                } else {
                    rules::checkEntry({root[i], pointer, files}, sink);
                    skippedFiles = skippedFiles || (!files && usesRepositoryFiles(root[i]));
                }
                if (options.progress && !options.progress(i + 1, root.size()))
                    return;
            }
            checkDuplicateIds(root, lines, parsed.sourceMap, sink);
        } else {
            sink.report(RuleId::WrongDocumentType, "",
                        "the document is " + rules::describeJsonType(root) +
                            "; a manifest is a JSON object and an index a JSON array of them");
        }
        if (skippedFiles)
            sink.report(RuleId::FileChecksSkipped, "",
                        "image and instructions files were not checked: the repository root is "
                        "unknown (give it with --repo, or keep the manifest beside "
                        "community-plugins.json)",
                        Anchor::Start);
    });
}

ValidationReport DocumentValidator::validateWith(std::string_view text,
                                                 const JsonParseResult &parsed,
                                                 const DocumentCheck &check)
{
    ValidationReport report;
    const Locator locator(text, parsed.sourceMap);
    DiagnosticSink sink;
    reportParseIssues(parsed, report.diagnostics, locator);

    if (!parsed.ok()) {
        Diagnostic syntax;
        syntax.rule = RuleId::SyntaxError;
        syntax.message = parsed.error->message;
        const auto offset = std::min(parsed.error->offset, text.size());
        syntax.span = {offset, std::min(offset + 1, text.size())};
        syntax.fix = missingCommaFix(text, *parsed.error);
        locator.place(syntax);
        report.diagnostics.push_back(std::move(syntax));
        return report;
    }
    report.parsed = true;

    check(parsed.value, report, sink, locator.lines());
    const Json &root = parsed.value;
    for (auto &pending : sink.takePending())
        report.diagnostics.push_back(locator.locate(std::move(pending)));
    for (auto &located : sink.takeInOtherFiles())
        report.diagnostics.push_back(std::move(located));
    if (report.kind == DocumentKind::Index)
        attributeToEntries(report.diagnostics, root);
    else if (report.kind == DocumentKind::Manifest)
        for (const std::string id = entryIdOf(root); auto &diagnostic : report.diagnostics)
            diagnostic.entryId = id;

    // The document's own findings first, then each other file's, each in text order.
    std::stable_sort(report.diagnostics.begin(), report.diagnostics.end(),
                     [](const Diagnostic &a, const Diagnostic &b) {
                         return std::tie(a.file, a.span.begin) < std::tie(b.file, b.span.begin);
                     });
    return report;
}

} // namespace studio
