#pragma once

#include <string>
#include <string_view>

struct cmark_node;
struct cmark_parser;

namespace studio {

// A markdown text parsed by cmark-gfm, GitHub's CommonMark implementation, with the
// extensions GitHub renders: tables, strikethrough, autolinks, task lists and the filter
// of unsafe HTML tags. Owns the tree; callers may rewrite it before rendering it.
class GfmDocument
{
public:
    explicit GfmDocument(std::string_view text);
    ~GfmDocument();
    GfmDocument(const GfmDocument &) = delete;
    GfmDocument &operator=(const GfmDocument &) = delete;

    cmark_node *root() const { return m_root; }

    // HTML of the tree as it is now. Raw HTML is kept (GitHub shows it too) except the tags
    // the tag filter neutralises (script, iframe, style ...). With `sourcePositions` every
    // block carries data-sourcepos="line:col-line:col".
    std::string renderHtml(bool sourcePositions = false) const;

private:
    cmark_parser *m_parser = nullptr; // kept: the renderer needs its extension list
    cmark_node *m_root = nullptr;
};

} // namespace studio
