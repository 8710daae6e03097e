// An app's chat tools manifest (omi-tools.json), as `tools check` reads what a server sent.

#include "ValidationFuzzing.h"
#include "contract/apps2026/ChatToolsManifest.h"

using namespace studio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text = fuzz::bytes(data, size);
    const ChatToolsManifest manifest =
        ChatToolsManifest::parse(text, QStringLiteral("https://tools.example.com/app"));
    fuzz::checkReport(text, manifest.report);
    for (const ChatTool &tool : manifest.tools) {
        FUZZ_CHECK(!tool.name.empty() && !tool.description.empty());
        FUZZ_CHECK(tool.url.startsWith(u"http"));
        FUZZ_CHECK(tool.method == "GET" || tool.method == "POST" || tool.method == "PUT" ||
                   tool.method == "PATCH");
    }
    return 0;
}
