#include "RunSettingsCodec.h"

#include "CodecJson.h"
#include "simulation/payload/MemoryFixtureLoader.h"
#include "simulation/payload/MemoryPayload.h"

#include <QDateTime>

namespace studio {

namespace {

using codec::stringList;
using codec::text;
using codec::utf8;

Json pluginJson(const PluginUnderTest &plugin)
{
    return {{"id", utf8(plugin.id)},
            {"name", utf8(plugin.name)},
            {"capabilities", stringList(plugin.capabilities)},
            {"triggers_on", utf8(plugin.triggersOn)},
            {"webhook_url", utf8(plugin.webhookUrl)},
            {"setup_completed_url",
             plugin.setupCompletedUrl ? Json(utf8(*plugin.setupCompletedUrl)) : Json(nullptr)},
            {"proactive_scopes", stringList(plugin.proactiveScopes)},
            {"deleted", plugin.deleted}};
}

PluginUnderTest pluginFromJson(const Json &json)
{
    PluginUnderTest plugin;
    plugin.id = text(json, "id");
    plugin.name = text(json, "name");
    plugin.capabilities = stringList(json, "capabilities");
    plugin.triggersOn = text(json, "triggers_on");
    plugin.webhookUrl = text(json, "webhook_url");
    if (json.contains("setup_completed_url") && !json.at("setup_completed_url").is_null())
        plugin.setupCompletedUrl = text(json, "setup_completed_url");
    plugin.proactiveScopes = stringList(json, "proactive_scopes");
    plugin.deleted = json.value("deleted", false);
    return plugin;
}

// Segments in the backend's shape; read back field by field so nothing is re-derived.
TranscriptSegment segmentFromJson(const Json &json)
{
    TranscriptSegment segment;
    segment.text = text(json, "text");
    segment.speaker = text(json, "speaker");
    segment.speakerId = json.value("speaker_id", 0);
    segment.isUser = json.value("is_user", false);
    if (json.contains("person_id") && !json.at("person_id").is_null())
        segment.personId = text(json, "person_id");
    segment.start = json.value("start", 0.0);
    segment.end = json.value("end", 0.0);
    return segment;
}

Json batchJson(const TranscriptBatch &batch)
{
    Json segments = Json::array();
    for (const TranscriptSegment &segment : batch.segments)
        segments.push_back(MemoryPayload::segment(segment));
    return {{"index", batch.index},
            {"window_start", batch.windowStart},
            {"window_end", batch.windowEnd},
            {"send_at", batch.sendAt},
            {"first_segment", batch.firstSegment},
            {"segments", segments}};
}

TranscriptBatch batchFromJson(const Json &json)
{
    TranscriptBatch batch;
    batch.index = json.value("index", 0);
    batch.windowStart = json.value("window_start", 0.0);
    batch.windowEnd = json.value("window_end", 0.0);
    batch.sendAt = json.value("send_at", 0.0);
    batch.firstSegment = json.value("first_segment", 0);
    if (json.contains("segments"))
        for (const Json &segment : json.at("segments"))
            batch.segments.append(segmentFromJson(segment));
    return batch;
}

} // namespace

Json RunSettingsCodec::settingsToJson(const RunSettings &settings)
{
    Json batches = Json::array();
    for (const TranscriptBatch &batch : settings.batches)
        batches.push_back(batchJson(batch));
    const bool window = settings.batching.mode == BatchingOptions::Mode::Window;
    return {{"plugin", pluginJson(settings.plugin)},
            {"url", utf8(settings.url)},
            {"uid", utf8(settings.uid)},
            {"session_id", utf8(settings.sessionId)},
            {"profile", utf8(PayloadProfiles::name(settings.profile))},
            {"batching",
             {{"mode", window ? "window" : "segment"},
              {"window_seconds", settings.batching.windowSeconds}}},
            {"speed", {{"fast", settings.speed.isFast()}, {"factor", settings.speed.factor}}},
            {"timeout_ms", settings.transport.timeoutMs},
            {"connect_timeout_ms", settings.transport.connectTimeoutMs},
            {"max_time_ms", settings.transport.maxTimeMs},
            {"verify_tls", settings.transport.verifyTls},
            {"ca_file", utf8(settings.transport.caFile)},
            {"reuse_connection", settings.transport.reuseConnection},
            {"user",
             {{"name", utf8(settings.user.name)},
              {"facts", utf8(settings.user.facts)},
              {"context", utf8(settings.user.context)},
              {"chat", utf8(settings.user.chat)}}},
            {"max_p95_ms",
             settings.thresholds.maxP95Ms ? Json(*settings.thresholds.maxP95Ms) : Json(nullptr)},
            {"source", utf8(settings.source)},
            // The memory in the backend's shape, which MemoryFixtureLoader reads back whole.
            {"memory", settings.memory ? MemoryPayload::build(*settings.memory) : Json(nullptr)},
            {"batches", batches},
            {"audio",
             {{"sample_rate", settings.sampleRate}, {"chunk_seconds", settings.chunkSeconds}}}};
}

std::optional<RunSettings> RunSettingsCodec::settingsFromJson(const Json &json, QString *error)
{
    RunSettings settings;
    settings.plugin = pluginFromJson(json.value("plugin", Json::object()));
    settings.url = text(json, "url");
    settings.uid = text(json, "uid");
    settings.sessionId = text(json, "session_id");
    settings.profile =
        PayloadProfiles::fromName(text(json, "profile")).value_or(PayloadProfile::Backend);
    const Json batching = json.value("batching", Json::object());
    settings.batching = batching.value("mode", std::string("window")) == "segment"
                            ? BatchingOptions::perSegment()
                            : BatchingOptions::window(batching.value(
                                  "window_seconds", BatchingOptions::kAppWindowSeconds));
    const Json speed = json.value("speed", Json::object());
    settings.speed = speed.value("fast", false) ? ReplaySpeed::fast()
                                                : ReplaySpeed::times(speed.value("factor", 1.0));
    settings.transport.timeoutMs = json.value("timeout_ms", settings.transport.timeoutMs);
    // Runs kept before the limit existed get today's default.
    settings.transport.maxTimeMs = json.value("max_time_ms", settings.transport.maxTimeMs);
    settings.transport.connectTimeoutMs =
        json.value("connect_timeout_ms", settings.transport.timeoutMs);
    settings.transport.verifyTls = json.value("verify_tls", true);
    settings.transport.caFile = text(json, "ca_file");
    settings.transport.reuseConnection = json.value("reuse_connection", false);
    const Json user = json.value("user", Json::object());
    if (user.contains("name"))
        settings.user = {text(user, "name"), text(user, "facts"), text(user, "context"),
                         text(user, "chat")};
    if (json.contains("max_p95_ms") && !json.at("max_p95_ms").is_null())
        settings.thresholds.maxP95Ms = json.at("max_p95_ms").get<double>();
    settings.source = text(json, "source");
    if (json.contains("memory") && !json.at("memory").is_null()) {
        const MemoryLoadResult loaded = MemoryFixtureLoader::parse(json.at("memory").dump());
        if (!loaded.ok()) {
            if (error)
                *error = QStringLiteral("its memory does not load: ") + loaded.error->toString();
            return std::nullopt;
        }
        settings.memory = loaded.memory;
    }
    const Json audio = json.value("audio", Json::object());
    settings.sampleRate = audio.value("sample_rate", 0);
    settings.chunkSeconds = audio.value("chunk_seconds", 0.0);
    if (json.contains("batches"))
        for (const Json &batch : json.at("batches"))
            settings.batches.append(batchFromJson(batch));
    return settings;
}

Json RunSettingsCodec::infoToJson(const RunInfo &info)
{
    return {{"contract", utf8(info.contract)},
            {"plugin_id", utf8(info.pluginId)},
            {"plugin_name", utf8(info.pluginName)},
            {"trigger", utf8(info.trigger)},
            {"profile", utf8(info.profile)},
            {"batching", utf8(info.batching)},
            {"uid", utf8(info.uid)},
            {"source", utf8(info.source)},
            {"started_at", utf8(info.startedAt.toString(Qt::ISODateWithMs))},
            {"speed", info.speed}};
}

RunInfo RunSettingsCodec::infoFromJson(const Json &json)
{
    RunInfo info;
    info.contract = text(json, "contract");
    info.pluginId = text(json, "plugin_id");
    info.pluginName = text(json, "plugin_name");
    info.trigger = text(json, "trigger");
    info.profile = text(json, "profile");
    info.batching = text(json, "batching");
    info.uid = text(json, "uid");
    info.source = text(json, "source");
    info.startedAt = QDateTime::fromString(text(json, "started_at"), Qt::ISODateWithMs);
    info.speed = json.value("speed", 1.0);
    return info;
}

} // namespace studio
