#include "InstructionsRenderer.h"

#include "GfmDocument.h"
#include "HtmlText.h"
#include "LinkTarget.h"
#include "PreviewStyleSheet.h"
#include "QtRichText.h"
#include "UidAppender.h"
#include "json/LineIndex.h"

#include <QUrl>

#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace studio {

namespace {

using Kind = LinkTarget::Kind;

// The text of an image's description, for its alt attribute. A walk rather than recursion:
// a description can nest emphasis thousands deep.
std::string plainText(cmark_node *node)
{
    std::string text;
    const std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(node),
                                                                       &cmark_iter_free);
    for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter.get())) {
        cmark_node *child = cmark_iter_get_node(iter.get());
        if (event != CMARK_EVENT_ENTER)
            continue;
        switch (cmark_node_get_type(child)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            text += cmark_node_get_literal(child);
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            text += ' ';
            break;
        default:
            break;
        }
    }
    return text;
}

bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

cmark_node *htmlNode(const std::string &html)
{
    cmark_node *node = cmark_node_new(CMARK_NODE_HTML_INLINE);
    cmark_node_set_literal(node, html.c_str());
    return node;
}

std::string placeholder(const std::string &text)
{
    return "<span class=\"placeholder\">&#x25A3; " + HtmlText::escape(text) + "</span>";
}

// A line at the top for each part left out of the parse (MarkdownLimits), saying why.
QString exclusionNotes(const GfmDocument &document, std::string_view markdown)
{
    if (document.exclusions().empty())
        return {};
    const LineIndex lines(markdown);
    std::string notes;
    for (const MarkdownExclusion &exclusion : document.exclusions())
        notes += "<p>" + placeholder(exclusion.lines(lines) + " not shown: " + exclusion.reason) +
                 "</p>";
    return QString::fromStdString(notes);
}

class TreeRewriter
{
public:
    TreeRewriter(const InstructionsRenderOptions &options, RenderedInstructions &result)
        : m_options(options)
        , m_result(result)
    {}

    void rewrite(cmark_node *root)
    {
        // Collected first: the tree is changed after the walk, never under the iterator.
        // What is inside an image's description (`![a ![b](x.png)](y.png)`) is only its alt
        // text: it goes with the image, which is replaced whole and frees it.
        std::vector<cmark_node *> links;
        std::vector<cmark_node *> images;
        int insideImage = 0;
        const std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(root),
                                                                           &cmark_iter_free);
        for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
             event = cmark_iter_next(iter.get())) {
            cmark_node *node = cmark_iter_get_node(iter.get());
            const bool isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
            if (event == CMARK_EVENT_EXIT) {
                insideImage -= isImage ? 1 : 0;
                continue;
            }
            if (isImage && insideImage++ == 0)
                images.push_back(node);
            else if (cmark_node_get_type(node) == CMARK_NODE_LINK && insideImage == 0)
                links.push_back(node);
        }
        for (cmark_node *link : links)
            rewriteLink(link);
        for (cmark_node *image : images)
            replaceImage(image);
    }

private:
    const InstructionsContext &context() const { return m_options.context; }

    // The file an asset resolves to where the app looks, as a file:// URL; empty if absent.
    std::string assetUrl(const LinkTarget &target) const
    {
        const QString file = context().filePath(context().appAssetPath(target.detail));
        if (file.isEmpty() || !context().exists(context().appAssetPath(target.detail)))
            return {};
        return QUrl::fromLocalFile(file).toString(QUrl::FullyEncoded).toStdString();
    }

    void rewriteLink(cmark_node *link)
    {
        const char *url = cmark_node_get_url(link);
        const LinkTarget target = LinkTarget::classify(url ? url : "");
        std::string href = target.destination;
        std::string marker;
        switch (target.kind) {
        case Kind::Fragment:
            return;
        case Kind::Web:
        case Kind::Mail:
        case Kind::Phone:
            href = UidAppender::append(target.destination, m_options.uid);
            break;
        case Kind::Asset:
            href = assetUrl(target);
            if (href.empty() && context().repositoryRoot)
                marker = brokenMarker("file not found: " + context().appAssetPath(target.detail));
            break;
        case Kind::Relative:
            href.clear();
            marker = brokenMarker("the app does not resolve this link");
            break;
        case Kind::Malformed:
            href.clear();
            marker = brokenMarker("malformed link: " + target.detail);
            break;
        }
        cmark_node_set_url(link, href.c_str());
        if (!href.empty()) {
            // The tooltip shows the URL exactly as the app opens it.
            const std::string shown = target.kind == Kind::Asset
                                          ? context().appAssetPath(target.detail)
                                          : target.destination;
            cmark_node_set_title(link, (shown + UidAppender::suffix(shown, m_options.uid)).c_str());
            if (m_options.showUid)
                marker = "<span class=\"uid\">" +
                         HtmlText::escape(UidAppender::suffix(shown, m_options.uid)) + "</span>" +
                         marker;
        }
        if (!marker.empty())
            cmark_node_insert_after(link, htmlNode(marker));
    }

    static std::string brokenMarker(const std::string &why)
    {
        return "<span class=\"broken\"> &#x26A0; " + HtmlText::escape(why) + "</span>";
    }

    std::string imageHtml(const LinkTarget &target, const std::string &alt,
                          const std::string &title)
    {
        switch (target.kind) {
        case Kind::Asset: {
            const std::string appPath = context().appAssetPath(target.detail);
            if (!context().repositoryRoot)
                return placeholder("image not shown, the repository folder is unknown: " + appPath);
            const std::string url = assetUrl(target);
            if (url.empty())
                return placeholder("image not found: " + appPath);
            m_result.localImages.push_back(QString::fromStdString(url));
            return imgTag(url, alt, title);
        }
        case Kind::Web:
            if (!m_options.loadRemoteImages)
                return placeholder("remote image not loaded: " + target.destination);
            m_result.remoteImages.push_back(QString::fromStdString(target.destination));
            return imgTag(target.destination, alt, title);
        case Kind::Relative:
            return placeholder("image the app does not resolve: " + target.destination);
        case Kind::Malformed:
            return placeholder("broken image: " + target.detail);
        case Kind::Fragment:
        case Kind::Mail:
        case Kind::Phone:
            break;
        }
        return placeholder("not an image: " + target.destination);
    }

    static std::string imgTag(const std::string &src, const std::string &alt,
                              const std::string &title)
    {
        std::string tag =
            "<img src=\"" + HtmlText::escape(src) + "\" alt=\"" + HtmlText::escape(alt) + "\"";
        if (!title.empty())
            tag += " title=\"" + HtmlText::escape(title) + "\"";
        return tag + " />";
    }

    // An image on a line of its own stays on a line of its own: the soft breaks around it
    // become hard ones (the app shows such images below the text, and Qt would otherwise
    // lay the text out at the bottom of a line as tall as the image).
    static void keepOnItsOwnLine(cmark_node *image)
    {
        for (cmark_node *neighbour : {cmark_node_previous(image), cmark_node_next(image)}) {
            if (neighbour && cmark_node_get_type(neighbour) == CMARK_NODE_SOFTBREAK) {
                cmark_node_insert_before(neighbour, cmark_node_new(CMARK_NODE_LINEBREAK));
                cmark_node_free(neighbour);
            }
        }
    }

    void replaceImage(cmark_node *image)
    {
        keepOnItsOwnLine(image);
        const char *url = cmark_node_get_url(image);
        const char *title = cmark_node_get_title(image);
        const LinkTarget target = LinkTarget::classify(url ? url : "");
        cmark_node_insert_before(image,
                                 htmlNode(imageHtml(target, plainText(image), title ? title : "")));
        cmark_node_free(image); // unlinks it
    }

    const InstructionsRenderOptions &m_options;
    RenderedInstructions &m_result;
};

} // namespace

RenderedInstructions InstructionsRenderer::render(std::string_view markdown,
                                                  const InstructionsRenderOptions &options)
{
    RenderedInstructions result;
    QString body;
    if (isBlank(markdown)) {
        body = QStringLiteral(
            "<p class=\"empty\">The instructions are empty: the app shows a blank page.</p>");
    } else {
        GfmDocument document(markdown);
        TreeRewriter(options, result).rewrite(document.root());
        body = QtRichText::adaptTaskLists(
            QString::fromStdString(document.renderHtml(options.sourceAnchors)));
        if (options.sourceAnchors)
            body = QtRichText::addSourceAnchors(body, result.anchorLines);
        body = exclusionNotes(document, markdown) + body;
    }
    result.html = u"<html><head><meta charset=\"utf-8\" /><style>" +
                  PreviewStyleSheet::css(options.dark) + u"</style></head><body>" + body +
                  u"</body></html>";
    return result;
}

} // namespace studio
