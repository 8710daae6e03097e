#pragma once

#include "CliIo.h"
#include "contract/Contract.h"
#include "simulation/judge/PluginUnderTest.h"

#include <QString>

#include <optional>
#include <string>

namespace studio::cli {

// The plugin a simulate or check-setup command works on: a manifest file (one JSON object),
// or one entry of an index (a JSON array, or a folder holding community-plugins.json).
// An index with several entries needs --entry ID; a single-entry index or a manifest does
// not (a manifest given --entry must carry that id).
struct SelectedPlugin
{
    PluginUnderTest plugin;
    const Contract *contract = &Contract::plugins2024(); // what the document looks like
    std::string display; // "manifest.json", "community-plugins.json (entry 'x')"

    // Prints why and returns nullopt when the file cannot be used (a usage error).
    static std::optional<SelectedPlugin> load(const QString &path, const QString &entryId,
                                              const CliIo &io);
};

} // namespace studio::cli
