#pragma once

#include "LocalImageLoader.h"
#include "diagnostics/Diagnostic.h"
#include "markdown/InstructionsAssets.h"
#include "markdown/InstructionsRenderer.h"

#include <QHash>
#include <QString>

#include <string>
#include <vector>

namespace studio {

// One pass over the instructions text, run off the GUI thread: the preview (with anchors
// and uid markers), the store's rendering (as the app shows it), the checks, the assets,
// and the local images the preview shows, decoded.
struct PreviewRequest
{
    std::string text;
    quint64 revision = 0;
    InstructionsRenderOptions options;
    // Images already decoded, by file:// URL: only new or changed files are decoded again.
    QHash<QString, LocalImageLoader::Stamp> knownImages;
};

struct PreviewResult
{
    quint64 revision = 0;
    RenderedInstructions preview;
    QString storeHtml;
    std::vector<Diagnostic> diagnostics;
    std::vector<InstructionsAsset> assets;
    QHash<QString, LocalImageLoader::Loaded> images; // newly decoded, by file:// URL
};

class PreviewJob
{
public:
    static PreviewResult run(const PreviewRequest &request);
};

} // namespace studio
