#pragma once

#include "MarkdownLimits.h"

#include <string>
#include <string_view>
#include <vector>

struct cmark_node;
struct cmark_parser;

namespace studio {

// A markdown text parsed by cmark-gfm, GitHub's CommonMark implementation, with the
// extensions GitHub renders: tables, strikethrough, autolinks, task lists and the filter
// of unsafe HTML tags. Owns the tree; callers may rewrite it before rendering it.
//
// Parts of the text past MarkdownLimits are parsed as blank lines, so that any text parses in
// linear time and every position in the tree is still the position in the text.
class GfmDocument
{
public:
    explicit GfmDocument(std::string_view text);
    ~GfmDocument();
    GfmDocument(const GfmDocument &) = delete;
    GfmDocument &operator=(const GfmDocument &) = delete;

    cmark_node *root() const { return m_root; }
    // What of the text was not parsed, and why; empty for any real document.
    const std::vector<MarkdownExclusion> &exclusions() const { return m_exclusions; }

    // HTML of the tree as it is now. Raw HTML is kept (GitHub shows it too) except the tags
    // the tag filter neutralises (script, iframe, style ...). With `sourcePositions` every
    // block carries data-sourcepos="line:col-line:col".
    std::string renderHtml(bool sourcePositions = false) const;

private:
    cmark_parser *m_parser = nullptr; // kept: the renderer needs its extension list
    cmark_node *m_root = nullptr;
    std::vector<MarkdownExclusion> m_exclusions;
};

} // namespace studio
