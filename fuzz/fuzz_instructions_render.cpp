// Setup instructions rendered as the preview shows them: with the preview's defaults, and
// with every option on (remote images, source anchors, the dark style sheet).

#include "FuzzCheck.h"
#include "InstructionsFuzzing.h"
#include "markdown/InstructionsRenderer.h"

#include <algorithm>

using namespace studio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const InstructionsRenderOptions preview = [] {
        InstructionsRenderOptions options;
        options.context = fuzz::sampleInstructions();
        return options;
    }();
    static const InstructionsRenderOptions everything = [] {
        InstructionsRenderOptions options = preview;
        options.loadRemoteImages = true;
        options.sourceAnchors = true;
        options.dark = true;
        return options;
    }();
    const std::string_view markdown = fuzz::bytes(data, size);
    for (const InstructionsRenderOptions *options : {&preview, &everything}) {
        const RenderedInstructions rendered = InstructionsRenderer::render(markdown, *options);
        FUZZ_CHECK(!rendered.html.isEmpty());
        FUZZ_CHECK(std::is_sorted(rendered.anchorLines.begin(), rendered.anchorLines.end()));
    }
    return 0;
}
