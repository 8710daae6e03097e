#pragma once

#include "InstructionsContext.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace studio {

// A local file the setup instructions show or link to, which a submission's pull request
// must contain beside the markdown.
struct InstructionsAsset
{
    std::string repositoryPath; // where the app loads it: /plugins/instructions/<id>/assets/...
    bool image = false;         // shown as an image (else a link to the file)
    std::optional<bool> exists; // unknown without the repository folder
};

class InstructionsAssets
{
public:
    // Each relative assets/ file the markdown references, once, in order of first use.
    static std::vector<InstructionsAsset> list(std::string_view markdown,
                                               const InstructionsContext &context);
};

} // namespace studio
