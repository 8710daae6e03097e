#pragma once

#include "CliIo.h"
#include "contract/Contract.h"
#include "simulation/judge/PluginUnderTest.h"

#include <QString>

#include <optional>
#include <string>

namespace studio::cli {

// The plugin a simulate or check-setup command works on: the entry ChosenEntry chooses (a
// manifest, or one entry of an index by --entry ID), as the simulator takes it.
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
