#include "GithubAnnotations.h"

#include "DiagnosticPrinter.h"
#include "TerminalText.h"

namespace studio::cli {

std::string githubEscaped(std::string_view text, bool property)
{
    std::string escaped;
    escaped.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '%':
            escaped += "%25";
            break;
        case '\r':
            escaped += "%0D";
            break;
        case '\n':
            escaped += "%0A";
            break;
        case ':':
            escaped += property ? "%3A" : ":";
            break;
        case ',':
            escaped += property ? "%2C" : ",";
            break;
        default:
            escaped += c;
        }
    }
    // What the runner does not escape (ESC, bidirectional overrides) would still reach the
    // log as is: written as visible escapes, as in the text format.
    return printable(escaped);
}

void printDiagnosticsForGithub(const ValidationReport &report, const std::string &file,
                               std::ostream &out)
{
    for (const auto &diagnostic : report.diagnostics) {
        const auto property = [](std::string_view value) { return githubEscaped(value, true); };
        out << "::" << severityWord(diagnostic.severity(), "notice")
            << " file=" << property(cleanFileOf(diagnostic, file))
            << ",line=" << diagnostic.start.line << ",col=" << diagnostic.start.column
            << ",endLine=" << diagnostic.end.line << ",endColumn=" << diagnostic.end.column
            << ",title=" << property("[" + std::string(diagnostic.code()) + "]")
            << "::" << githubEscaped(diagnostic.message + entrySuffix(report, diagnostic), false)
            << '\n';
    }
}

} // namespace studio::cli
