// One app document (apps-2026) validated as the CLI does: its logo looked up beside it.

#include "ValidationFuzzing.h"
#include "contract/Contract.h"

using namespace studio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const ValidationOptions options = [] {
        ValidationOptions app;
        app.repositoryRoot = QStringLiteral(STUDIO_SAMPLES_DIR "/apps/task-keeper");
        return app;
    }();
    const std::string_view text = fuzz::bytes(data, size);
    fuzz::checkReport(text, Contract::apps2026().validate(text, parseJson(text), options));
    return 0;
}
