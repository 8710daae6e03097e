#pragma once

#include "InstructionsContext.h"

#include <QString>
#include <QStringList>

#include <string>
#include <string_view>
#include <vector>

namespace studio {

struct InstructionsRenderOptions
{
    InstructionsContext context;
    // The uid the app appends to every link; the preview shows it after each link.
    std::string uid = "<uid>";
    bool showUid = true;
    // Privacy default: remote images are not fetched, a placeholder names them instead.
    bool loadRemoteImages = false;
    // An anchor per block (QtRichText::anchorName(line)) for the preview to follow the editor.
    bool sourceAnchors = false;
    bool dark = false;
};

struct RenderedInstructions
{
    QString html;                 // a whole HTML document with its style sheet
    std::vector<int> anchorLines; // source lines with an anchor, ascending
    QStringList localImages;      // files on disk the HTML shows, as file:// URLs
    QStringList remoteImages;     // remote images the HTML shows (only when allowed)
};

// Renders setup instructions the way the app shows them, as HTML for Qt's rich text:
// GitHub-flavoured markdown through cmark-gfm, with the app's link handling done on the
// syntax tree. Relative assets/ links resolve in /plugins/instructions/<id>/ (files of the
// repository on disk), every link carries the uid the app appends, and images that cannot
// or may not be shown become a visible placeholder saying why. A pure function: safe to
// run on any thread.
class InstructionsRenderer
{
public:
    static RenderedInstructions render(std::string_view markdown,
                                       const InstructionsRenderOptions &options);
};

} // namespace studio
