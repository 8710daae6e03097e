#pragma once

// Runs of the real simulation engine against the loopback server, for the run views'
// tests: every record comes from a real exchange and the real judge, nothing hand-made.
// The plugin, segments and memory are the engine tests' (RunHarness.h).

#include "LoopbackServer.h"
#include "RunHarness.h"
#include "http/HttpClient.h"
#include "simulation/engine/SimulationRun.h"

#include <QSignalSpy>

#include <memory>

namespace studio::test {

// The run views' plugin: the engine tests' plugin under a name the previews show.
inline PluginUnderTest runViewPlugin(AppTrigger trigger, const QString &url)
{
    PluginUnderTest plugin = testPlugin(trigger, url);
    plugin.id = QStringLiteral("meeting-coach");
    plugin.name = QStringLiteral("Meeting Coach");
    return plugin;
}

inline Memory shortMemory()
{
    Memory memory = smallMemory();
    memory.structured.title = QStringLiteral("Weekly sync");
    memory.structured.overview = QStringLiteral("Slides for Friday.");
    return memory;
}

// Runs `plan` to its end and returns its records, in the order they completed.
inline QList<RunRecord> runToEnd(const SimulationPlan &plan, int timeoutMs = 30'000)
{
    HttpClient client;
    SimulationRun run(plan, &client);
    if (!runToEnd(run, timeoutMs))
        return {};
    return run.records();
}

// The answers of the mixed run, one per 30 s window, decided by the segment each carries.
enum MixedAnswer
{
    Message,      // window 0-30: a message the app shows
    ShortMessage, // 30-60: "ok", dropped (5 characters or fewer)
    ServerError,  // 60-90: 500
    NotJson,      // 90-120: 200 with an HTML page
    SlowMessage,  // 120-150: a message, 300 ms late
    Empty,        // 150-180: {} (silent)
    MixedCount
};

inline const QByteArray kMixedMessage = "Remember to send the slides to Anna by Friday.";
inline const QByteArray kSlowMessage = "Slow, but here: the budget review moved to Tuesday.";

// A transcript of six 30 s windows as fast as possible against `server`'s /hook, which
// answers each window as MixedAnswer says.
inline QList<RunRecord> mixedRun(LoopbackServer &server)
{
    server.setRoute("/hook", [](const LoopbackServer::ReceivedRequest &request) {
        using Behaviour = LoopbackServer::Behaviour;
        if (request.body.contains("\"segment 0\""))
            return Behaviour::json(200, "{\"message\": \"" + kMixedMessage + "\"}");
        if (request.body.contains("\"segment 1\""))
            return Behaviour::json(200, R"({"message": "ok"})");
        if (request.body.contains("\"segment 2\""))
            return Behaviour::text(500, "boom");
        if (request.body.contains("\"segment 3\""))
            return Behaviour::text(200, "<html><body>not json</body></html>");
        if (request.body.contains("\"segment 4\""))
            return Behaviour::json(200, "{\"message\": \"" + kSlowMessage + "\"}").afterDelay(300);
        return Behaviour::json(200, "{}");
    });
    const QList<TranscriptSegment> segments = segmentsEndingAt({10, 40, 70, 100, 130, 160});
    return runToEnd(SimulationPlan::forTranscript(
        runViewPlugin(AppTrigger::TranscriptProcessed, server.url("/hook")), segments, {},
        ReplaySpeed::fast()));
}

// One memory_creation call to `path`, answered by `behaviour`.
inline RunRecord memoryExchange(LoopbackServer &server, const QByteArray &path,
                                const LoopbackServer::Behaviour &behaviour)
{
    server.setRoute(path, behaviour);
    const QList<RunRecord> records = runToEnd(SimulationPlan::forMemory(
        runViewPlugin(AppTrigger::MemoryCreation, server.url(path)), shortMemory()));
    return records.isEmpty() ? RunRecord{} : records.first();
}

} // namespace studio::test
