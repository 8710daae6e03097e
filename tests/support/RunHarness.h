#pragma once

// Helpers for the simulation-run tests: a plugin under test, transcripts with segments at
// chosen times, and running a SimulationRun to its end on the test's event loop.

#include "LoopbackServer.h"
#include "simulation/engine/SimulationRun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <initializer_list>

namespace studio::test {

inline PluginUnderTest testPlugin(AppTrigger trigger, const QString &webhookUrl)
{
    PluginUnderTest plugin;
    plugin.id = QStringLiteral("test-plugin");
    plugin.name = QStringLiteral("Test Plugin");
    plugin.capabilities = {QStringLiteral("external_integration")};
    plugin.triggersOn = PluginUnderTest::triggerName(trigger);
    plugin.webhookUrl = webhookUrl;
    return plugin;
}

// Segment n (0-based) says "segment n" and ends at `end` seconds, half a second long.
inline TranscriptSegment numberedSegment(int n, double end)
{
    TranscriptSegment segment;
    segment.text = QStringLiteral("segment %1").arg(n);
    segment.speakerId = n % 2;
    segment.speaker = TranscriptSegment::speakerLabel(segment.speakerId);
    segment.isUser = n % 2 == 0;
    segment.start = std::max(0.0, end - 0.5);
    segment.end = end;
    return segment;
}

inline QList<TranscriptSegment> segmentsEndingAt(std::initializer_list<double> ends)
{
    QList<TranscriptSegment> segments;
    for (const double end : ends)
        segments.append(numberedSegment(int(segments.size()), end));
    return segments;
}

inline Memory smallMemory()
{
    Memory memory;
    memory.id = QStringLiteral("4f6b1c2d-0000-4000-8000-000000000001");
    memory.createdAt = IsoDateTime::parse(QStringLiteral("2024-09-01T10:00:30+02:00")).value();
    memory.startedAt = IsoDateTime::parse(QStringLiteral("2024-09-01T10:00:00+02:00")).value();
    memory.finishedAt = IsoDateTime::parse(QStringLiteral("2024-09-01T10:00:20+02:00")).value();
    memory.structured.title = QStringLiteral("A short chat");
    memory.structured.overview = QStringLiteral("Two people say hello.");
    memory.transcriptSegments = segmentsEndingAt({4.0, 9.5, 20.0});
    return memory;
}

// A fault plan as --faults writes it ("duplicate:1,gap:0.5"); the spec must be valid.
inline FaultPlan faultsOf(const char *spec)
{
    return FaultPlan::parse(QString::fromLatin1(spec)).plan.value();
}

// The small memory to the given URL, under the given faults.
inline SimulationPlan memoryWithFaults(const QString &url, const char *spec)
{
    SimulationPlan plan =
        SimulationPlan::forMemory(testPlugin(AppTrigger::MemoryCreation, url), smallMemory());
    plan.faults = faultsOf(spec);
    return plan;
}

// Starts the run and waits until it finished. False when it did not finish in time.
inline bool runToEnd(SimulationRun &run, int timeoutMs = 20'000)
{
    QSignalSpy finished(&run, &SimulationRun::finished);
    run.start();
    return run.state() == SimulationRun::State::Finished || finished.wait(timeoutMs);
}

inline bool waitUntilFinished(SimulationRun &run, int timeoutMs = 20'000)
{
    if (run.state() == SimulationRun::State::Finished)
        return true;
    QSignalSpy finished(&run, &SimulationRun::finished);
    return finished.wait(timeoutMs);
}

inline QList<QJsonObject> receivedBodies(const LoopbackServer &server)
{
    QList<QJsonObject> bodies;
    for (const HttpServerRequest &request : server.requests())
        bodies.append(request.json().object());
    return bodies;
}

inline QStringList segmentTexts(const QJsonObject &body)
{
    QStringList texts;
    for (const QJsonValue &segment : body.value(QStringLiteral("segments")).toArray())
        texts.append(segment.toObject().value(QStringLiteral("text")).toString());
    return texts;
}

// A loopback port nobody listens on: opened, noted and closed again.
inline quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 1;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace studio::test
