#include "LinkScanner.h"

#include "GfmDocument.h"
#include "LinkLocator.h"
#include "json/LineIndex.h"

#include <cmark-gfm.h>

#include <algorithm>
#include <memory>

namespace studio {

namespace {

// The last line of the paragraph, heading or table cell an inline node is in: a link never
// reaches past it, and a reference definition elsewhere is never taken for it.
int enclosingBlockEndLine(cmark_node *node)
{
    for (cmark_node *parent = cmark_node_parent(node); parent; parent = cmark_node_parent(parent)) {
        if ((cmark_node_get_type(parent) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK)
            return cmark_node_get_end_line(parent);
    }
    return 0;
}

} // namespace

std::vector<MarkdownLink> LinkScanner::scan(const GfmDocument &document, std::string_view text)
{
    const LinkLocator locator(text);
    const LineIndex lines(text);
    std::vector<MarkdownLink> links;
    const std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(
        cmark_iter_new(document.root()), &cmark_iter_free);
    for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter.get())) {
        cmark_node *node = cmark_iter_get_node(iter.get());
        const auto type = cmark_node_get_type(node);
        if (event != CMARK_EVENT_ENTER || (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE))
            continue;
        MarkdownLink link;
        link.kind = type == CMARK_NODE_IMAGE ? MarkdownLink::Kind::Image : MarkdownLink::Kind::Link;
        const char *url = cmark_node_get_url(node);
        link.destination = url ? url : "";
        const int endLine = std::max(cmark_node_get_end_line(node), enclosingBlockEndLine(node));
        link.span =
            locator.locate(cmark_node_get_start_line(node), cmark_node_get_start_column(node),
                           endLine, cmark_node_get_end_column(node), link.destination);
        link.start = lines.position(link.span.begin);
        link.end = lines.position(link.span.end);
        links.push_back(std::move(link));
    }
    return links;
}

} // namespace studio
