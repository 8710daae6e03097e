#include "PluginUnderTest.h"

#include "manifest/PluginManifest.h"

namespace studio {

PluginUnderTest PluginUnderTest::fromManifest(const PluginManifest &manifest)
{
    PluginUnderTest plugin;
    plugin.id = QString::fromStdString(manifest.id);
    plugin.name = QString::fromStdString(manifest.name);
    for (const std::string &capability : manifest.capabilities)
        plugin.capabilities.append(QString::fromStdString(capability));
    if (manifest.externalIntegration) {
        plugin.triggersOn = QString::fromStdString(manifest.externalIntegration->triggersOn);
        plugin.webhookUrl = QString::fromStdString(manifest.externalIntegration->webhookUrl);
        if (manifest.externalIntegration->setupCompletedUrl)
            plugin.setupCompletedUrl =
                QString::fromStdString(*manifest.externalIntegration->setupCompletedUrl);
    }
    if (manifest.proactiveScopes) {
        for (const std::string &scope : *manifest.proactiveScopes)
            plugin.proactiveScopes.append(QString::fromStdString(scope));
    }
    plugin.deleted = manifest.deleted;
    return plugin;
}

QString PluginUnderTest::triggerName(AppTrigger trigger)
{
    switch (trigger) {
    case AppTrigger::MemoryCreation:
        return QStringLiteral("memory_creation");
    case AppTrigger::TranscriptProcessed:
        return QStringLiteral("transcript_processed");
    case AppTrigger::AudioBytes:
        return QStringLiteral("audio_bytes");
    }
    return {};
}

std::optional<AppTrigger> PluginUnderTest::triggerFromName(const QString &name)
{
    if (name == QLatin1String("memory_creation"))
        return AppTrigger::MemoryCreation;
    if (name == QLatin1String("transcript_processed"))
        return AppTrigger::TranscriptProcessed;
    if (name == QLatin1String("audio_bytes"))
        return AppTrigger::AudioBytes;
    return std::nullopt;
}

} // namespace studio
