#include "PreviewJob.h"

#include "markdown/InstructionsChecker.h"

#include <QFileInfo>
#include <QUrl>

namespace studio {

PreviewResult PreviewJob::run(const PreviewRequest &request)
{
    PreviewResult result;
    result.revision = request.revision;
    InstructionsRenderOptions preview = request.options;
    preview.sourceAnchors = true;
    result.preview = InstructionsRenderer::render(request.text, preview);

    // The store shows the page as the app does: no markers, no remote images.
    InstructionsRenderOptions store = request.options;
    store.showUid = false;
    store.sourceAnchors = false;
    store.loadRemoteImages = false;
    result.storeHtml = InstructionsRenderer::render(request.text, store).html;

    result.diagnostics = InstructionsChecker::check(request.text, request.options.context);
    result.assets = InstructionsAssets::list(request.text, request.options.context);

    // The renderer only names existing files under the repository root; a link that leads
    // out of it (a symlink) is not read.
    const QString root =
        request.options.context.repositoryRoot
            ? QFileInfo(*request.options.context.repositoryRoot).canonicalFilePath()
            : QString();
    for (const QString &url : std::as_const(result.preview.localImages)) {
        const QString path = QUrl(url).toLocalFile();
        if (root.isEmpty() || !QFileInfo(path).canonicalFilePath().startsWith(root + u'/'))
            continue;
        const auto known = request.knownImages.constFind(url);
        if (known != request.knownImages.cend() && *known == LocalImageLoader::stampOf(path))
            continue;
        if (!result.images.contains(url))
            result.images.insert(url, LocalImageLoader::load(path));
    }
    return result;
}

} // namespace studio
