#include "InstructionsChecker.h"

#include "GfmDocument.h"
#include "LinkScanner.h"
#include "LinkTarget.h"
#include "io/Utf8.h"
#include "json/LineIndex.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>

namespace studio {

namespace {

using Kind = LinkTarget::Kind;

bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

std::string_view withoutByteOrderMark(std::string_view text)
{
    return text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
}

// A NUL byte or bytes that are not UTF-8: the app cannot decode the file, so it shows
// nothing, and no other check means anything.
std::optional<Diagnostic> textProblem(std::string_view markdown, const InstructionsContext &context)
{
    const std::size_t nul = markdown.find('\0');
    const std::optional<std::size_t> invalid = utf8::firstInvalid(markdown);
    if (nul == std::string_view::npos && !invalid)
        return std::nullopt;
    const bool binary = nul != std::string_view::npos && (!invalid || nul < *invalid);
    const std::size_t offset = binary ? nul : *invalid;
    Diagnostic problem;
    problem.rule = RuleId::InstructionsNotText;
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02x", static_cast<unsigned char>(markdown[offset]));
    problem.message = binary ? "a NUL byte: this is binary data, not markdown; the app shows "
                               "nothing"
                             : std::string("byte ") + byte +
                                   " is not UTF-8: the app decodes the instructions as UTF-8 and "
                                   "shows nothing; save the file as UTF-8";
    problem.span = {offset, offset + 1};
    const LineIndex lines(markdown);
    problem.start = lines.position(offset);
    problem.end = lines.position(offset + 1);
    problem.file = context.reportedFile();
    return problem;
}

class LinkChecks
{
public:
    LinkChecks(const InstructionsContext &context, std::vector<Diagnostic> &out)
        : m_context(context)
        , m_out(out)
    {}

    void check(const MarkdownLink &link)
    {
        const LinkTarget target = LinkTarget::classify(link.destination);
        const bool image = link.kind == MarkdownLink::Kind::Image;
        switch (target.kind) {
        case Kind::Malformed:
            report(RuleId::InstructionsMalformedLink, link,
                   std::string(image ? "malformed image source" : "malformed link") + " '" +
                       link.destination + "': " + target.detail);
            break;
        case Kind::Web:
            if (target.plainHttp && !image)
                report(RuleId::InstructionsPlainHttpLink, link,
                       "plain http link: the app appends the user's uid to it, which then "
                       "travels unencrypted; use https://" +
                           link.destination.substr(7));
            break;
        case Kind::Asset:
            checkAsset(link, target, image);
            break;
        case Kind::Relative:
            report(RuleId::InstructionsUnresolvedLink, link, unresolvedMessage(link.destination));
            break;
        case Kind::Fragment:
        case Kind::Mail:
        case Kind::Phone:
            break;
        }
    }

private:
    static std::string unresolvedMessage(const std::string &destination)
    {
        std::string message = "the app resolves only relative links that start with assets/, so '" +
                              destination + "' breaks";
        if (destination.starts_with("www."))
            return message + "; did you mean https://" + destination + "?";
        if (destination.starts_with("http"))
            return message + "; a web link starts with https://";
        if (destination.starts_with("/"))
            return message + "; put the file in the assets/ folder beside the instructions "
                             "and link to assets/<name>";
        return message + "; put the file in assets/ and link to assets/<name>";
    }

    void checkAsset(const MarkdownLink &link, const LinkTarget &target, bool image)
    {
        const std::string appPath = m_context.appAssetPath(target.detail);
        if (target.dotSlash)
            report(RuleId::InstructionsUnresolvedLink, link,
                   "the app rewrites only links written 'assets/...', so '" + link.destination +
                       "' breaks; write '" + link.destination.substr(2) + "'");
        if (!m_context.repositoryRoot) {
            // Without the files, only the folder name can tell that the link breaks.
            if (!m_context.folderMatchesId())
                reportFolderMismatch(link, appPath, false);
            return;
        }
        if (m_context.exists(appPath))
            return;
        if (!m_context.folderMatchesId() &&
            m_context.exists(m_context.localAssetPath(target.detail))) {
            reportFolderMismatch(link, appPath, true);
            return;
        }
        report(image ? RuleId::InstructionsMissingImage : RuleId::InstructionsMissingFile, link,
               std::string(image ? "the image '" : "the file '") + link.destination +
                   "' does not exist: the app loads it from " + appPath);
    }

    void reportFolderMismatch(const MarkdownLink &link, const std::string &appPath,
                              bool fileIsBeside)
    {
        std::string message = "the app loads '" + link.destination + "' from " + appPath +
                              ", but the instructions are in the folder '" +
                              m_context.folderName() + "'";
        if (fileIsBeside)
            message += " where the file is";
        message += "; name the folder after the id: /plugins/instructions/" +
                   m_context.effectiveId() + "/";
        report(RuleId::InstructionsAssetsOutsideIdFolder, link, message);
    }

    void report(RuleId rule, const MarkdownLink &link, std::string message)
    {
        Diagnostic diagnostic;
        diagnostic.rule = rule;
        diagnostic.message = std::move(message);
        diagnostic.span = link.span;
        diagnostic.start = link.start;
        diagnostic.end = link.end;
        diagnostic.file = m_context.reportedFile();
        m_out.push_back(std::move(diagnostic));
    }

    const InstructionsContext &m_context;
    std::vector<Diagnostic> &m_out;
};

// Parts too large for the parser are said to be unchecked, each where it is.
void reportExclusions(const GfmDocument &document, std::string_view markdown,
                      const InstructionsContext &context, std::vector<Diagnostic> &out)
{
    if (document.exclusions().empty())
        return;
    const LineIndex lines(markdown);
    for (const MarkdownExclusion &exclusion : document.exclusions()) {
        Diagnostic diagnostic;
        diagnostic.rule = RuleId::InstructionsNotChecked;
        diagnostic.message = exclusion.lines(lines) +
                             ": not checked, nor shown in the preview: " + exclusion.reason +
                             ". Real instructions stay far below this; the app still shows it";
        diagnostic.span = exclusion.span;
        diagnostic.start = lines.position(exclusion.span.begin);
        diagnostic.end = lines.position(exclusion.span.end);
        diagnostic.file = context.reportedFile();
        out.push_back(std::move(diagnostic));
    }
}

} // namespace

std::vector<Diagnostic> InstructionsChecker::check(std::string_view markdown,
                                                   const InstructionsContext &context)
{
    std::vector<Diagnostic> diagnostics;
    if (auto notText = textProblem(markdown, context)) {
        diagnostics.push_back(std::move(*notText));
        return diagnostics;
    }
    // A byte-order mark alone is still an empty page.
    if (isBlank(withoutByteOrderMark(markdown))) {
        Diagnostic empty;
        empty.rule = RuleId::InstructionsEmpty;
        empty.message = "the setup instructions are empty: the app shows a blank page. Describe "
                        "the steps, link the setup page, add troubleshooting and a feedback line";
        empty.span = {0, markdown.size()};
        const LineIndex lines(markdown);
        empty.start = lines.position(0);
        empty.end = lines.position(markdown.size());
        empty.file = context.reportedFile();
        diagnostics.push_back(std::move(empty));
        return diagnostics;
    }
    const GfmDocument document(markdown);
    reportExclusions(document, markdown, context, diagnostics);
    LinkChecks checks(context, diagnostics);
    for (const MarkdownLink &link : LinkScanner::scan(document, markdown))
        checks.check(link);
    std::stable_sort(
        diagnostics.begin(), diagnostics.end(),
        [](const Diagnostic &a, const Diagnostic &b) { return a.span.begin < b.span.begin; });
    return diagnostics;
}

} // namespace studio
