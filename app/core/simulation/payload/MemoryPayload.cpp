#include "MemoryPayload.h"

#include "WireJson.h"
#include "transcript/TranscriptText.h"

namespace studio {

namespace {

Json text(const QString &value)
{
    return value.toStdString();
}

Json optionalText(const std::optional<QString> &value)
{
    return value ? text(*value) : Json(nullptr);
}

Json pythonTime(const std::optional<IsoDateTime> &value)
{
    return value && value->isValid() ? text(value->toPythonIso()) : Json(nullptr);
}

Json dartTime(const std::optional<IsoDateTime> &value)
{
    return value && value->isValid() ? text(value->toDartLocalIso()) : Json(nullptr);
}

Json backendStructured(const MemoryStructured &structured)
{
    Json actionItems = Json::array();
    for (const ActionItem &item : structured.actionItems)
        actionItems.push_back(
            {{"description", text(item.description)}, {"completed", item.completed}});
    Json events = Json::array();
    for (const MemoryEvent &event : structured.events)
        events.push_back({{"title", text(event.title)},
                          {"description", text(event.description)},
                          {"start", pythonTime(event.start)},
                          {"duration", event.duration},
                          {"created", event.created}});
    return {{"title", text(structured.title)}, {"overview", text(structured.overview)},
            {"emoji", text(structured.emoji)}, {"category", text(structured.category)},
            {"action_items", actionItems},     {"events", events}};
}

Json photos(const QList<MemoryPhoto> &list)
{
    Json result = Json::array();
    for (const MemoryPhoto &photo : list)
        result.push_back(
            {{"base64", text(photo.base64)}, {"description", text(photo.description)}});
    return result;
}

Json geolocation(const std::optional<MemoryGeolocation> &value)
{
    if (!value)
        return nullptr;
    return {{"google_place_id", optionalText(value->googlePlaceId)},
            {"latitude", value->latitude},
            {"longitude", value->longitude},
            {"address", optionalText(value->address)},
            {"location_type", optionalText(value->locationType)}};
}

Json pluginResults(const QList<PluginResult> &list)
{
    Json result = Json::array();
    for (const PluginResult &item : list)
        result.push_back(
            {{"plugin_id", optionalText(item.pluginId)}, {"content", text(item.content)}});
    return result;
}

Json backend(const Memory &memory)
{
    Json segments = Json::array();
    for (const TranscriptSegment &segment : memory.transcriptSegments)
        segments.push_back(MemoryPayload::segment(segment));

    Json body = Json::object();
    body["id"] = text(memory.id);
    body["created_at"] = pythonTime(memory.createdAt);
    body["started_at"] = pythonTime(memory.startedAt);
    body["finished_at"] = pythonTime(memory.finishedAt);
    body["source"] = optionalText(memory.source);
    body["language"] = optionalText(memory.language);
    body["structured"] = backendStructured(memory.structured);
    body["transcript_segments"] = segments;
    body["geolocation"] = geolocation(memory.geolocation);
    body["photos"] = photos(memory.photos);
    body["plugins_results"] = pluginResults(memory.pluginsResults);
    // The backend blanks external_data of workflow memories before calling plugins.
    const bool fromWorkflow = memory.source == QStringLiteral("workflow");
    body["external_data"] =
        memory.externalData && !fromWorkflow ? *memory.externalData : Json(nullptr);
    body["discarded"] = memory.discarded;
    body["deleted"] = memory.deleted;
    body["visibility"] = text(memory.visibility);
    body["processing_memory_id"] = optionalText(memory.processingMemoryId);
    return body;
}

// Rebuilds `body` with `extra` inserted right after the member `after`.
Json insertedAfter(const Json &body, const std::string &after, const std::string &key, Json extra)
{
    Json result = Json::object();
    for (const auto &[name, value] : body.items()) {
        result[name] = value;
        if (name == after)
            result[key] = extra;
    }
    return result;
}

Json guide(const Memory &memory)
{
    Json body = backend(memory);
    for (Json &segment : body["transcript_segments"]) {
        Json withAlias = Json::object();
        for (const auto &[name, value] : segment.items()) {
            withAlias[name] = value;
            if (name == "speaker_id")
                withAlias["speakerId"] = value;
        }
        segment = withAlias;
    }
    body = insertedAfter(body, "transcript_segments", "transcript",
                         text(TranscriptText::plain(memory.transcriptSegments)));
    return insertedAfter(body, "plugins_results", "plugins_response", body["plugins_results"]);
}

Json firstPhoneApp(const Memory &memory)
{
    Json actionItems = Json::array();
    for (const ActionItem &item : memory.structured.actionItems)
        actionItems.push_back(text(item.description));
    Json events = Json::array();
    for (const MemoryEvent &event : memory.structured.events)
        events.push_back({{"title", text(event.title)},
                          {"startsAt", dartTime(event.start)},
                          {"duration", event.duration},
                          {"description", text(event.description)},
                          {"created", event.created}});
    Json pluginsResponse = Json::array();
    for (const PluginResult &item : memory.pluginsResults)
        pluginsResponse.push_back(
            {{"pluginId", optionalText(item.pluginId)}, {"content", text(item.content)}});
    Json segments = Json::array();
    for (const TranscriptSegment &segment : memory.transcriptSegments)
        segments.push_back({{"text", text(segment.text)},
                            {"speaker", text(segment.speaker)},
                            {"speaker_id", segment.speakerId},
                            {"is_user", segment.isUser},
                            {"start", segment.start},
                            {"end", segment.end}});

    Json body = Json::object();
    body["createdAt"] = dartTime(memory.createdAt);
    body["startedAt"] = dartTime(memory.startedAt);
    body["finishedAt"] = dartTime(memory.finishedAt);
    body["transcript"] = text(TranscriptText::plain(memory.transcriptSegments));
    body["structured"] = {{"title", text(memory.structured.title)},
                          {"overview", text(memory.structured.overview)},
                          {"emoji", text(memory.structured.emoji)},
                          {"category", text(memory.structured.category)},
                          {"actionItems", actionItems},
                          {"events", events}};
    body["pluginsResponse"] = pluginsResponse;
    body["discarded"] = memory.discarded;
    body["transcriptSegments"] = segments;
    body["photos"] = photos(memory.photos);
    return body;
}

} // namespace

Json MemoryPayload::segment(const TranscriptSegment &segment)
{
    return {{"text", text(segment.text)},
            {"speaker", text(segment.speaker)},
            {"speaker_id", segment.speakerId},
            {"is_user", segment.isUser},
            {"person_id", optionalText(segment.personId)},
            {"start", segment.start},
            {"end", segment.end}};
}

Json MemoryPayload::build(const Memory &memory, PayloadProfile profile)
{
    switch (profile) {
    case PayloadProfile::Guide:
        return guide(memory);
    case PayloadProfile::App202407:
        return firstPhoneApp(memory);
    case PayloadProfile::Backend:
        break;
    }
    return backend(memory);
}

QByteArray MemoryPayload::body(const Memory &memory, PayloadProfile profile)
{
    const Json json = build(memory, profile);
    return profile == PayloadProfile::App202407 ? WireJson::dart(json) : WireJson::python(json);
}

QStringList MemoryPayload::fieldNames(PayloadProfile profile)
{
    QStringList names;
    const Json body = build(Memory{}, profile);
    for (const auto &[name, value] : body.items())
        names.append(QString::fromStdString(name));
    return names;
}

} // namespace studio
