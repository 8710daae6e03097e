#include "InstructionsAssets.h"

#include "GfmDocument.h"
#include "LinkScanner.h"
#include "LinkTarget.h"

#include <algorithm>

namespace studio {

std::vector<InstructionsAsset> InstructionsAssets::list(std::string_view markdown,
                                                        const InstructionsContext &context)
{
    std::vector<InstructionsAsset> assets;
    const GfmDocument document(markdown);
    for (const MarkdownLink &link : LinkScanner::scan(document, markdown)) {
        const LinkTarget target = LinkTarget::classify(link.destination);
        if (target.kind != LinkTarget::Kind::Asset)
            continue;
        const std::string path = context.appAssetPath(target.detail);
        const bool image = link.kind == MarkdownLink::Kind::Image;
        const auto known = std::find_if(assets.begin(), assets.end(), [&](const auto &asset) {
            return asset.repositoryPath == path;
        });
        if (known != assets.end()) {
            known->image = known->image || image;
            continue;
        }
        InstructionsAsset asset;
        asset.repositoryPath = path;
        asset.image = image;
        if (context.repositoryRoot)
            asset.exists = context.exists(path);
        assets.push_back(std::move(asset));
    }
    return assets;
}

} // namespace studio
