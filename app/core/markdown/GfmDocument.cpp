#include "GfmDocument.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <array>
#include <cstdlib>
#include <memory>
#include <mutex>

namespace studio {

namespace {

constexpr int kParseOptions = CMARK_OPT_UNSAFE | CMARK_OPT_VALIDATE_UTF8;
constexpr std::array kExtensions{"table", "strikethrough", "autolink", "tasklist", "tagfilter"};

// cmark-gfm keeps the table of special inline characters in a global that every parse
// adds its extensions' characters to and removes them from when it ends
// (github/cmark-gfm#176, not in Debian's 0.29.0.gfm.6). Two parses at once on different
// threads can make each other miss '~' or ':' runs, so parses take turns; they are short.
std::mutex &parseMutex()
{
    static std::mutex mutex;
    return mutex;
}

void registerExtensions()
{
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

// The text with the excluded parts turned into blank lines of the same length: line
// endings stay, so every offset and line keeps its place.
std::string blanked(std::string_view text, const std::vector<MarkdownExclusion> &exclusions)
{
    std::string result(text);
    for (const MarkdownExclusion &exclusion : exclusions) {
        for (std::size_t i = exclusion.span.begin; i < exclusion.span.end; ++i) {
            const char c = result[i];
            result[i] = c == '\n' || c == '\r' ? c : ' ';
        }
    }
    return result;
}

} // namespace

GfmDocument::GfmDocument(std::string_view text)
    : m_exclusions(MarkdownLimits::exclusions(text))
{
    const std::string bounded = m_exclusions.empty() ? std::string() : blanked(text, m_exclusions);
    if (!m_exclusions.empty())
        text = bounded;
    registerExtensions();
    const std::lock_guard lock(parseMutex());
    m_parser = cmark_parser_new(kParseOptions);
    for (const char *name : kExtensions) {
        if (cmark_syntax_extension *extension = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(m_parser, extension);
    }
    cmark_parser_feed(m_parser, text.data(), text.size());
    m_root = cmark_parser_finish(m_parser);
}

GfmDocument::~GfmDocument()
{
    if (m_root)
        cmark_node_free(m_root);
    if (m_parser)
        cmark_parser_free(m_parser);
}

std::string GfmDocument::renderHtml(bool sourcePositions) const
{
    const int options = kParseOptions | (sourcePositions ? CMARK_OPT_SOURCEPOS : 0);
    const std::unique_ptr<char, decltype(&std::free)> html(
        cmark_render_html(m_root, options, cmark_parser_get_syntax_extensions(m_parser)),
        &std::free);
    return html ? std::string(html.get()) : std::string();
}

} // namespace studio
