#include "AppTriggerRules.h"

#include "simulation/payload/Memory.h"

namespace studio {

std::optional<QString> AppTriggerRules::pluginSkipReason(const PluginUnderTest &plugin,
                                                         AppTrigger trigger)
{
    if (plugin.deleted)
        return QStringLiteral("the plugin is marked deleted: the app hides it and stops all "
                              "its triggers");
    if (!plugin.hasCapability(QStringLiteral("external_integration")))
        return QStringLiteral("the plugin lacks the external_integration capability: the app "
                              "never calls its webhook");
    const QString wanted = PluginUnderTest::triggerName(trigger);
    if (plugin.triggersOn != wanted) {
        if (!PluginUnderTest::triggerFromName(plugin.triggersOn))
            return QStringLiteral("triggers_on is \"%1\", which the app does not know: the "
                                  "webhook never fires")
                .arg(plugin.triggersOn);
        return QStringLiteral("triggers_on is \"%1\": the app calls it on %1, not on %2")
            .arg(plugin.triggersOn, wanted);
    }
    if (plugin.webhookUrl.trimmed().isEmpty())
        return QStringLiteral("webhook_url is empty: the app skips the plugin");
    return std::nullopt;
}

std::optional<QString> AppTriggerRules::memorySkipReason(const Memory &memory)
{
    if (memory.discarded)
        return QStringLiteral("the memory is discarded: the app calls no plugin for discarded "
                              "memories");
    return std::nullopt;
}

} // namespace studio
