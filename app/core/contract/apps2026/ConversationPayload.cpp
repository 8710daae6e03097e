#include "ConversationPayload.h"

#include "simulation/payload/MemoryPayload.h"

#include <QUuid>

namespace studio {

namespace {

// A stable uuid for what the memory does not name itself (segment ids).
QString derivedId(const QString &seed)
{
    static const QUuid space(QStringLiteral("6f1d3c2e-51b0-4c51-9a51-2c5f0e1a7d10"));
    return QUuid::createUuidV5(space, seed).toString(QUuid::WithoutBraces);
}

} // namespace

Json ConversationPayload::segment(const TranscriptSegment &segment, const QString &idSeed)
{
    Json json = Json::object();
    json["id"] = derivedId(idSeed).toStdString();
    const Json fields = MemoryPayload::segment(segment);
    for (auto it = fields.begin(); it != fields.end(); ++it)
        json[it.key()] = it.value();
    json["translations"] = Json::array();
    return json;
}

Json ConversationPayload::conversation(const Memory &memory)
{
    const Json backend = MemoryPayload::build(memory, PayloadProfile::Backend);
    Json body = Json::object();
    const auto copy = [&](const char *key) {
        body[key] = backend.contains(key) ? backend[key] : Json(nullptr);
    };
    copy("id");
    copy("created_at");
    body["updated_at"] = backend["created_at"];
    for (const char *key : {"started_at", "finished_at", "source", "language"})
        copy(key);
    Json structured = backend["structured"];
    structured["sections"] = Json::array();
    body["structured"] = std::move(structured);
    Json segments = Json::array();
    for (qsizetype i = 0; i < memory.transcriptSegments.size(); ++i)
        segments.push_back(segment(memory.transcriptSegments.at(i),
                                   memory.id + QLatin1Char('/') + QString::number(i)));
    body["transcript_segments"] = std::move(segments);
    copy("geolocation");
    copy("photos");
    body["audio_files"] = Json::array();
    Json appsResults = Json::array();
    for (const PluginResult &result : memory.pluginsResults)
        appsResults.push_back({{"app_id", result.pluginId ? Json(result.pluginId->toStdString())
                                                          : Json(nullptr)},
                               {"content", result.content.toStdString()}});
    body["apps_results"] = std::move(appsResults);
    copy("plugins_results");
    copy("external_data");
    body["app_id"] = nullptr;
    copy("discarded");
    copy("visibility");
    body["starred"] = false;
    body["status"] = "completed";
    body["is_locked"] = false;
    body["folder_id"] = nullptr;
    return body;
}

Json ConversationPayload::transcript(const QList<TranscriptSegment> &segments,
                                     const QString &sessionId)
{
    Json list = Json::array();
    for (const TranscriptSegment &item : segments)
        list.push_back(segment(item, sessionId + QLatin1Char('/') + QString::number(item.start) +
                                         QLatin1Char('/') + item.text));
    Json body = Json::object();
    body["session_id"] = sessionId.toStdString();
    body["segments"] = std::move(list);
    return body;
}

QByteArray ConversationPayload::bytes(const Json &body)
{
    const std::string text = body.dump(-1, ' ', false, Json::error_handler_t::replace);
    return QByteArray(text.data(), qsizetype(text.size()));
}

} // namespace studio
