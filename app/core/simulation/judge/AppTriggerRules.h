#pragma once

#include "PluginUnderTest.h"

#include <QString>

#include <optional>

namespace studio {

struct Memory;

// Whether the app would call the plugin at all. Each rule returns why not, in plain words,
// or nullopt when the call happens. A simulator still lets the author send (to test the
// endpoint) but must say the app would not.
class AppTriggerRules
{
public:
    // The plugin side: deleted, no external_integration capability, triggers_on naming
    // another (or an unknown) event, no webhook_url.
    static std::optional<QString> pluginSkipReason(const PluginUnderTest &plugin,
                                                   AppTrigger trigger);
    // The memory side: the app never calls plugins for a discarded memory.
    static std::optional<QString> memorySkipReason(const Memory &memory);
};

} // namespace studio
