#include "LinkScanner.h"

#include "GfmDocument.h"
#include "LinkLocator.h"
#include "json/LineIndex.h"

#include <cmark-gfm.h>

#include <algorithm>
#include <memory>
#include <optional>

namespace studio {

namespace {

bool isBlock(cmark_node *node)
{
    return (cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
}

} // namespace

std::vector<MarkdownLink> LinkScanner::scan(const GfmDocument &document, std::string_view text)
{
    // Both read the whole text: made at the first link, so a text without links costs one
    // parse only.
    std::optional<LinkLocator> locator;
    std::optional<LineIndex> lines;
    std::vector<MarkdownLink> links;
    const std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(
        cmark_iter_new(document.root()), &cmark_iter_free);
    // The paragraph, heading or table cell the inlines are in: the last block entered, as
    // such blocks hold inlines only. A link never reaches past its last line, and a
    // reference definition elsewhere is never taken for it. (Walking up from each link
    // instead costs its depth, and links can sit inside thousands of nested emphases.)
    cmark_node *block = document.root();
    std::size_t placedEnd = 0; // where the last link located ends: the next one is after it
    for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter.get())) {
        cmark_node *node = cmark_iter_get_node(iter.get());
        if (event == CMARK_EVENT_ENTER && isBlock(node))
            block = node;
        const auto type = cmark_node_get_type(node);
        if (event != CMARK_EVENT_ENTER || (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE))
            continue;
        MarkdownLink link;
        link.kind = type == CMARK_NODE_IMAGE ? MarkdownLink::Kind::Image : MarkdownLink::Kind::Link;
        const char *url = cmark_node_get_url(node);
        link.destination = url ? url : "";
        const int endLine = std::max(cmark_node_get_end_line(node), cmark_node_get_end_line(block));
        if (!locator) {
            locator.emplace(text);
            lines.emplace(text);
        }
        // The autolinks of bare URLs come without a position; links come in text order.
        link.span = cmark_node_get_start_line(node) > 0
                        ? locator->locate(cmark_node_get_start_line(node),
                                          cmark_node_get_start_column(node), endLine,
                                          cmark_node_get_end_column(node), link.destination)
                        : locator->locateAfter(placedEnd, cmark_node_get_start_line(block), endLine,
                                               link.destination);
        placedEnd = std::max(placedEnd, link.span.end);
        link.start = lines->position(link.span.begin);
        link.end = lines->position(link.span.end);
        links.push_back(std::move(link));
    }
    return links;
}

} // namespace studio
