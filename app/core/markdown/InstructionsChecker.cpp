#include "InstructionsChecker.h"

#include "GfmDocument.h"
#include "LinkScanner.h"
#include "LinkTarget.h"
#include "io/Utf8.h"
#include "json/LineIndex.h"
#include "repository/RepositoryFiles.h"

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

// A file name as a link destination writes it: the characters that would end the link or
// change what it names are percent-encoded.
std::string destinationName(std::string_view name)
{
    std::string written;
    for (const char c : name) {
        if (std::string_view(" %?#()<>\\").find(c) == std::string_view::npos) {
            written += c;
            continue;
        }
        char escaped[4];
        std::snprintf(escaped, sizeof escaped, "%%%02X", static_cast<unsigned char>(c));
        written += escaped;
    }
    return written;
}

class LinkChecks
{
public:
    LinkChecks(std::string_view markdown, const InstructionsContext &context,
               std::vector<Diagnostic> &out)
        : m_markdown(markdown)
        , m_context(context)
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
            offerEncodedSpaces(link);
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
            offer(link, assetFor(link.destination));
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
        if (target.dotSlash) {
            report(RuleId::InstructionsUnresolvedLink, link,
                   "the app rewrites only links written 'assets/...', so '" + link.destination +
                       "' breaks; write '" + link.destination.substr(2) + "'");
            offer(link, link.destination.substr(2));
        }
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
        const std::optional<std::string> near = nearMiss(link.destination, appPath);
        report(image ? RuleId::InstructionsMissingImage : RuleId::InstructionsMissingFile, link,
               std::string(image ? "the image '" : "the file '") + link.destination +
                   "' does not exist: the app loads it from " + appPath +
                   (near ? " (did you mean '" + *near + "'?)" : std::string()));
        offer(link, near);
    }

    // The destination naming the file of the same folder whose name differs only by case
    // or a typo, when there is one.
    std::optional<std::string> nearMiss(const std::string &destination,
                                        const std::string &appPath) const
    {
        const auto near = RepositoryFiles(*m_context.repositoryRoot).nearestExisting(appPath);
        if (!near)
            return std::nullopt;
        const std::string written =
            destination.starts_with("./") ? destination.substr(2) : destination;
        const std::size_t pathEnd = std::min(written.find_first_of("?#"), written.size());
        const std::size_t slash = written.rfind('/', pathEnd - 1);
        return written.substr(0, slash + 1) + destinationName(near->substr(near->rfind('/') + 1)) +
               written.substr(pathEnd);
    }

    // A relative destination the app does not resolve, written as the assets/ link that
    // names the same file: the repository path of a file in the id's assets folder, or a
    // bare name of a file that is in assets/.
    std::optional<std::string> assetFor(const std::string &destination) const
    {
        const std::string assetsFolder = m_context.appAssetPath("assets/");
        if (destination.starts_with(assetsFolder) && destination.size() > assetsFolder.size())
            return "assets/" + destination.substr(assetsFolder.size());
        if (!m_context.repositoryRoot || destination.starts_with("/") ||
            destination.starts_with(".") || destination.starts_with("www.") ||
            destination.find("..") != std::string::npos)
            return std::nullopt;
        const LinkTarget asset = LinkTarget::classify("assets/" + destination);
        if (asset.kind != Kind::Asset || !m_context.exists(m_context.appAssetPath(asset.detail)))
            return std::nullopt;
        return asset.destination;
    }

    // White space the app cannot open, written as %20 when it is only spaces.
    void offerEncodedSpaces(const MarkdownLink &link)
    {
        const std::string &destination = link.destination;
        if (destination.empty() || destination.find_first_of("\t\n\r\f\v") != std::string::npos ||
            destination.find(' ') == std::string::npos)
            return;
        std::string encoded;
        for (const char c : destination)
            encoded += c == ' ' ? std::string("%20") : std::string(1, c);
        offer(link, encoded);
    }

    // The finding just reported is fixed by writing `destination` in place of the link's,
    // when the span covers the destination exactly as written (not an escaped or
    // reference form, where the text differs).
    void offer(const MarkdownLink &link, const std::optional<std::string> &destination)
    {
        if (!destination || *destination == link.destination ||
            m_markdown.substr(link.span.begin, link.span.end - link.span.begin) != link.destination)
            return;
        m_out.back().fix = Fix{
            Fix::Kind::Replace, "Replace with '" + *destination + "'", link.span, *destination, {}};
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

    std::string_view m_markdown;
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
    LinkChecks checks(markdown, context, diagnostics);
    for (const MarkdownLink &link : LinkScanner::scan(document, markdown))
        checks.check(link);
    std::stable_sort(
        diagnostics.begin(), diagnostics.end(),
        [](const Diagnostic &a, const Diagnostic &b) { return a.span.begin < b.span.begin; });
    return diagnostics;
}

} // namespace studio
