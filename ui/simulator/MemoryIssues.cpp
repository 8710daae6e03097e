#include "MemoryIssues.h"

#include "json/LineIndex.h"

namespace studio {

namespace {

Diagnostic located(const LoadIssue &issue, RuleId rule, std::string_view text,
                   const LineIndex &lines)
{
    Diagnostic diagnostic;
    diagnostic.rule = rule;
    diagnostic.message = issue.message.toStdString();
    diagnostic.pointer = issue.pointer;
    const SourcePosition start{std::max(issue.line, 1), std::max(issue.column, 1)};
    const std::size_t begin = std::min(lines.offset(start), text.size());
    std::size_t end = begin;
    // To the end of the token: the value, the key or the stray character.
    while (end < text.size() && text[end] != ',' && text[end] != '\n' && text[end] != '}' &&
           text[end] != ']' && (end == begin || text[end] != ':'))
        ++end;
    diagnostic.span = {begin, std::max(end, begin + 1)};
    diagnostic.start = lines.position(begin);
    diagnostic.end = lines.position(diagnostic.span.end);
    return diagnostic;
}

} // namespace

std::vector<Diagnostic> MemoryIssues::diagnostics(const MemoryLoadResult &result,
                                                  std::string_view text)
{
    const LineIndex lines(text);
    std::vector<Diagnostic> found;
    // Rules only name the severity here; the memory has no rule catalogue of its own.
    if (result.error)
        found.push_back(located(*result.error, RuleId::WrongType, text, lines));
    for (const LoadIssue &warning : result.warnings)
        found.push_back(located(warning, RuleId::UnknownKey, text, lines));
    return found;
}

QString MemoryIssues::describe(const Diagnostic &diagnostic)
{
    const QString severity =
        diagnostic.severity() == Severity::Error ? QObject::tr("error") : QObject::tr("warning");
    QString where = QStringLiteral("%1:%2").arg(diagnostic.start.line).arg(diagnostic.start.column);
    if (!diagnostic.pointer.empty())
        where += QStringLiteral(" (%1)").arg(QString::fromStdString(diagnostic.pointer));
    return QStringLiteral("%1 %2: %3")
        .arg(where, severity, QString::fromStdString(diagnostic.message));
}

} // namespace studio
