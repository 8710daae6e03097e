#include "SelectedPlugin.h"

#include "ChosenEntry.h"
#include "DocumentInput.h"
#include "manifest/PluginManifest.h"

namespace studio::cli {

std::optional<SelectedPlugin> SelectedPlugin::load(const QString &path, const QString &entryId,
                                                   const CliIo &io)
{
    const std::optional<DocumentInput> input = DocumentInput::load(path, io);
    if (!input)
        return std::nullopt;
    const std::optional<ChosenEntry> chosen = ChosenEntry::choose(*input, entryId, io);
    if (!chosen)
        return std::nullopt;
    return SelectedPlugin{PluginUnderTest::fromManifest(PluginManifest::fromJson(chosen->entry)),
                          &Contract::detect(chosen->entry), chosen->display};
}

} // namespace studio::cli
