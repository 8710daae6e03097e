#pragma once

#include "simulation/payload/MemoryFixtureLoader.h"
#include "simulator/SimulationController.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace studio::test {

// A plugin the app calls at `webhookUrl` when a memory is created.
inline PluginManifest memoryPlugin(const std::string &id, const QString &webhookUrl)
{
    PluginManifest manifest;
    manifest.id = id;
    manifest.name = "Plugin " + id;
    manifest.capabilities = {"external_integration"};
    ExternalIntegration integration;
    integration.triggersOn = "memory_creation";
    integration.webhookUrl = webhookUrl.toStdString();
    manifest.externalIntegration = integration;
    return manifest;
}

inline Memory sampleMemory()
{
    return MemoryFixtureLoader::loadFile(
               QStringLiteral(STUDIO_SAMPLES_DIR "/memories/ordinary.json"))
        .memory;
}

// The same plugin as a manifest file, for the command line.
inline bool writeMemoryManifest(const QString &path, const QString &id, const QString &url)
{
    const QJsonObject manifest{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), QString(QStringLiteral("Plugin ") + id)},
        {QStringLiteral("author"), QStringLiteral("@tests")},
        {QStringLiteral("description"), QStringLiteral("A plugin for the history tests.")},
        {QStringLiteral("image"), QStringLiteral("/plugins/logos/x.png")},
        {QStringLiteral("capabilities"), QJsonArray{QStringLiteral("external_integration")}},
        {QStringLiteral("external_integration"),
         QJsonObject{{QStringLiteral("triggers_on"), QStringLiteral("memory_creation")},
                     {QStringLiteral("webhook_url"), url}}},
        {QStringLiteral("deleted"), false}};
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(manifest).toJson()) > 0;
}

// A file that is not a database at all.
inline bool writeGarbage(const QString &path)
{
    QFile file(path);
    QByteArray bytes;
    for (int i = 0; i < 4096; ++i)
        bytes.append(char((i * 7919 + 13) % 251));
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace studio::test
