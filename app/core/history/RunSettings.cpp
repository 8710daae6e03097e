#include "RunSettings.h"

namespace studio {

RunSettings RunSettings::ofPlan(const SimulationPlan &plan, const RunThresholds &thresholds)
{
    RunSettings settings;
    settings.plugin = plan.plugin;
    settings.url = plan.webhookUrl;
    settings.uid = plan.uid;
    settings.sessionId = plan.sessionId;
    settings.profile = plan.profile;
    settings.batching = plan.batching;
    settings.speed = plan.speed;
    settings.transport = plan.transport;
    settings.user = plan.user;
    settings.thresholds = thresholds;
    settings.source = plan.source;
    settings.sampleRate = plan.sampleRate;
    settings.chunkSeconds = plan.chunkSeconds;
    if (plan.trigger == AppTrigger::MemoryCreation)
        settings.memory = plan.memory;
    else
        settings.batches = plan.batches;
    return settings;
}

RunSettings RunSettings::ofSetupCheck(const PluginUnderTest &plugin, const QString &url,
                                      const QString &uid, const TransportOptions &transport,
                                      const RunThresholds &thresholds)
{
    RunSettings settings;
    settings.plugin = plugin;
    settings.url = url;
    settings.uid = uid;
    settings.transport = transport;
    settings.thresholds = thresholds;
    settings.source = url;
    return settings;
}

} // namespace studio
