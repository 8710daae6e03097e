#pragma once

#include <QString>

#include <optional>

namespace studio {

// plugins_results[]: what a memory-prompt plugin wrote about the memory earlier.
struct PluginResult
{
    std::optional<QString> pluginId;
    QString content;
    bool operator==(const PluginResult &) const = default;
};

} // namespace studio
