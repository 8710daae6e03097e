#pragma once

#include <QString>

#include <vector>

namespace studio {

// Adapts cmark-gfm's HTML to what Qt's rich text engine (QTextBrowser, QLabel) shows.
class QtRichText
{
public:
    // Task list checkboxes become Qt's checked/unchecked list items (Qt draws no <input>).
    static QString adaptTaskLists(const QString &html);

    // Replaces the data-sourcepos attributes of HTML rendered with source positions by an
    // anchor named anchorName(line) at the start of each paragraph, heading, list item,
    // table cell and code block, and collects their lines in ascending order.
    static QString addSourceAnchors(const QString &html, std::vector<int> &anchorLines);

    static QString anchorName(int line);
};

} // namespace studio
