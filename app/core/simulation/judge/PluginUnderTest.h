#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace studio {

struct PluginManifest;

// Which of the app's events calls a plugin.
enum class AppTrigger
{
    MemoryCreation,
    TranscriptProcessed,
    AudioBytes, // apps-2026 only: raw PCM every ~4 s of audio
};

// What the app knows about the plugin it calls: the manifest fields that decide whether and
// how it calls, and what it does with the answer.
struct PluginUnderTest
{
    QString id;
    QString name; // notifications are titled "<name> says"
    QStringList capabilities;
    QString triggersOn; // external_integration.triggers_on
    QString webhookUrl;
    std::optional<QString> setupCompletedUrl;
    QStringList proactiveScopes;
    bool deleted = false;

    static PluginUnderTest fromManifest(const PluginManifest &manifest);

    bool hasCapability(const QString &capability) const
    {
        return capabilities.contains(capability);
    }
    QString notificationTitle() const { return name + QStringLiteral(" says"); }

    static QString triggerName(AppTrigger trigger); // "memory_creation", "transcript_processed", "audio_bytes"
    static std::optional<AppTrigger> triggerFromName(const QString &name);
};

} // namespace studio
