#pragma once

#include "manifest/PluginManifest.h"
#include "transcript/TranscriptSegment.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

namespace studio::test {

// A plugin the app calls at `webhookUrl` for `trigger`, with an optional setup check.
inline PluginManifest pluginManifest(const std::string &id, const std::string &trigger,
                                     const QString &webhookUrl,
                                     std::optional<QString> setupUrl = std::nullopt)
{
    PluginManifest manifest;
    manifest.id = id;
    manifest.name = "Test " + id;
    manifest.capabilities = {"external_integration"};
    ExternalIntegration integration;
    integration.triggersOn = trigger;
    integration.webhookUrl = webhookUrl.toStdString();
    if (setupUrl)
        integration.setupCompletedUrl = setupUrl->toStdString();
    integration.authSteps = {{"Connect your account", "https://plugin.example/connect"}};
    manifest.externalIntegration = integration;
    return manifest;
}

// `count` segments, one every `every` seconds, each two seconds long.
inline QList<TranscriptSegment> segments(int count, double every)
{
    QList<TranscriptSegment> list;
    for (int i = 0; i < count; ++i) {
        TranscriptSegment segment;
        segment.text = QStringLiteral("Sentence number %1 of the conversation.").arg(i + 1);
        segment.speakerId = i % 2;
        segment.speaker = TranscriptSegment::speakerLabel(segment.speakerId);
        segment.isUser = i % 2 == 0;
        segment.start = i * every;
        segment.end = i * every + 2;
        list << segment;
    }
    return list;
}

// The same segments as the studio's transcript JSON, written to `path`.
inline bool writeTranscript(const QString &path, const QList<TranscriptSegment> &list)
{
    QJsonArray array;
    for (const TranscriptSegment &segment : list)
        array.append(QJsonObject{{QStringLiteral("text"), segment.text},
                                 {QStringLiteral("speaker"), segment.speaker},
                                 {QStringLiteral("speaker_id"), segment.speakerId},
                                 {QStringLiteral("is_user"), segment.isUser},
                                 {QStringLiteral("start"), segment.start},
                                 {QStringLiteral("end"), segment.end}});
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(array).toJson()) > 0;
}

// The uid a request carried in its query string.
inline QString uidOf(const QByteArray &target)
{
    const qsizetype question = target.indexOf('?');
    if (question < 0)
        return {};
    return QUrlQuery(QString::fromUtf8(target.mid(question + 1)))
        .queryItemValue(QStringLiteral("uid"));
}

inline QString sessionIdOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("session_id")).toString();
}

inline QByteArray sampleMemoryPath()
{
    return QByteArrayLiteral(STUDIO_SAMPLES_DIR "/memories/ordinary.json");
}

} // namespace studio::test
