#pragma once

// Helpers for the load-run tests: a plan of many users against a loopback server, and
// running a LoadRun to its end on the test's event loop.

#include "RunHarness.h"
#include "WavFiles.h"
#include "simulation/load/LoadRun.h"

#include <QSignalSpy>

namespace studio::test {

// `users` users replaying segments that end at the given times, 1 s windows, `speed` times
// real time.
inline LoadPlan transcriptLoad(const QString &url, int users, double speed,
                               std::initializer_list<double> segmentEnds = {0.5, 1.5, 2.5})
{
    LoadPlan plan;
    plan.base = SimulationPlan::forTranscript(
        testPlugin(AppTrigger::TranscriptProcessed, url), segmentsEndingAt(segmentEnds),
        BatchingOptions::window(1), ReplaySpeed::times(speed));
    plan.users = users;
    plan.seed = 11;
    return plan;
}

inline LoadPlan memoryLoad(const QString &url, int users)
{
    LoadPlan plan;
    plan.base =
        SimulationPlan::forMemory(testPlugin(AppTrigger::MemoryCreation, url), smallMemory());
    plan.users = users;
    plan.seed = 5;
    return plan;
}

// `users` users of an audio_bytes app (apps-2026) streaming `seconds` of counting samples at
// 4000 Hz (8000 bytes a second, each chunk's bytes its own) in `chunkSeconds` chunks, `speed`
// times real time.
inline LoadPlan audioLoad(const QString &url, int users, double speed, double seconds,
                          double chunkSeconds)
{
    const PcmAudio audio{4000, countingSamples(qint64(4000 * seconds))};
    LoadPlan plan;
    plan.base = SimulationPlan::forAudio(testPlugin(AppTrigger::AudioBytes, url), audio,
                                         chunkSeconds, ReplaySpeed::times(speed));
    plan.base.useContract(Contract::apps2026());
    plan.users = users;
    plan.seed = 3;
    return plan;
}

// Starts the run and waits until it finished. False when it did not finish in time.
inline bool runToEnd(LoadRun &run, int timeoutMs = 20'000)
{
    QSignalSpy finished(&run, &LoadRun::finished);
    run.start();
    return run.isFinished() || finished.wait(timeoutMs);
}

inline bool waitUntilFinished(LoadRun &run, int timeoutMs = 20'000)
{
    if (run.isFinished())
        return true;
    QSignalSpy finished(&run, &LoadRun::finished);
    return finished.wait(timeoutMs);
}

inline QString uidOf(const HttpServerRequest &request)
{
    return request.query().queryItemValue(QStringLiteral("uid"), QUrl::FullyDecoded);
}

// `path` answers "ok" at once, but `delayMs` late to the user `slowUid`.
inline void answerOneUserSlowly(LoopbackServer &server, const QByteArray &path,
                                const QString &slowUid, int delayMs)
{
    server.setRoute(path, [slowUid, delayMs](const HttpServerRequest &request) {
        const HttpAnswer ok = HttpAnswer::text(200, "ok");
        return uidOf(request) == slowUid ? ok.afterDelay(delayMs) : ok;
    });
}

} // namespace studio::test
