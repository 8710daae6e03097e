#include "RunHarness.h"
#include "WavFiles.h"
#include "audio/WavReader.h"
#include "http/HttpClient.h"
#include "simulation/engine/LatestWins.h"
#include "simulation/engine/RunAcceptance.h"
#include "simulation/faults/FaultSchedule.h"

using namespace studio;
using namespace studio::test;

namespace {

PcmAudio audioOf(int sampleRate, double seconds)
{
    return PcmAudio{sampleRate, countingSamples(qint64(sampleRate * seconds))};
}

SimulationPlan audioPlan(const QString &url, const PcmAudio &audio, double chunkSeconds,
                         const ReplaySpeed &speed)
{
    SimulationPlan plan = SimulationPlan::forAudio(testPlugin(AppTrigger::AudioBytes, url), audio,
                                                   chunkSeconds, speed);
    plan.useContract(Contract::apps2026());
    return plan;
}

// A seed under which the gap fault loses the last of three chunks and only it.
quint64 seedLosingOnlyTheLastOfThree(const FaultPlan &faults)
{
    const std::vector<FaultSchedule::Request> chunks{{0, 0}, {1, 4}, {2, 8}};
    FaultSchedule::Options options;
    options.plan = faults;
    for (options.seed = 0;; ++options.seed) {
        const std::vector<Delivery> deliveries = FaultSchedule::apply(chunks, options);
        if (deliveries.size() == 3 && !deliveries[0].lost() && !deliveries[1].lost() &&
            deliveries[2].lost())
            return options.seed;
    }
}

} // namespace

// audio_bytes against a real loopback server: the app's chunks, URL and content type, the
// pacing of a chunk once its audio has been spoken, and the latest-wins buffer.
class TestSimulationAudio : public QObject
{
    Q_OBJECT

private slots:
    void sendsFourSecondChunksAsRawPcm()
    {
        LoopbackServer server;
        server.setRoute("/audio", HttpAnswer::text(200, "ok"));
        // A WAV written here, read as the CLI reads it: 10 s at 16 kHz.
        const WavReadResult wav = WavReader::read(monoWav(16000, 10));
        QVERIFY(wav.ok());
        HttpClient client;
        SimulationRun run(audioPlan(server.url("/audio"), *wav.audio, 4.0, ReplaySpeed::fast()),
                          &client);
        QCOMPARE(run.requestCount(), 3);
        QVERIFY(runToEnd(run));

        const QList<HttpServerRequest> requests = server.requests();
        QCOMPARE(requests.size(), 3);
        const QList<qsizetype> sizes{128000, 128000, 64000}; // 16000 * 4 * 2, then the last 2 s
        QByteArray received;
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(requests[i].method, QByteArray("POST"));
            QCOMPARE(requests[i].target,
                     QByteArray("/audio?sample_rate=16000&uid=plugin-studio-test-uid"));
            QCOMPARE(requests[i].header("Content-Type"), QByteArray("application/octet-stream"));
            QCOMPARE(requests[i].body.size(), sizes[i]);
            received += requests[i].body;
        }
        QCOMPARE(received, wav.audio->samples);
        QCOMPARE(run.records()[2].label, QStringLiteral("chunk 3 (8-10 s, 64000 bytes)"));
        QCOMPARE(run.runInfo().trigger, QStringLiteral("audio_bytes"));
        QCOMPARE(run.runInfo().batching, QStringLiteral("4 s chunks at 16000 Hz"));
    }

    void theAnswerIsIgnoredButAFailureCounts()
    {
        LoopbackServer server;
        server.setRoute("/ok", HttpAnswer::text(200, "not json at all"));
        server.setRoute("/down", HttpAnswer::text(500, "boom"));
        HttpClient client;
        SimulationRun ok(audioPlan(server.url("/ok"), audioOf(8000, 1), 4.0, ReplaySpeed::fast()),
                         &client);
        QVERIFY(runToEnd(ok));
        QCOMPARE(ok.records().size(), 1);
        QVERIFY(!ok.records()[0].requestFailed());
        QCOMPARE(ok.records()[0].verdict.kind, ResponseVerdict::Kind::Silent);
        QVERIFY(ok.records()[0].verdict.reason.contains(u"ignores"));

        SimulationRun down(
            audioPlan(server.url("/down"), audioOf(8000, 1), 4.0, ReplaySpeed::fast()), &client);
        QVERIFY(runToEnd(down));
        QVERIFY(down.records()[0].requestFailed());
        QCOMPARE(down.summary().errors, 1);
    }

    void aChunkIsDueOnceItsAudioWasSpoken()
    {
        LoopbackServer server;
        server.setRoute("/audio", HttpAnswer::text(200, "ok"));
        HttpClient client;
        // 10 s at 4x: chunks end at 4, 8 and 10 s of audio, due at 1, 2 and 2.5 s.
        SimulationRun run(
            audioPlan(server.url("/audio"), audioOf(2000, 10), 4.0, ReplaySpeed::times(4)),
            &client);
        QVERIFY(runToEnd(run));
        const QList<RunRecord> &records = run.records();
        QCOMPARE(records.size(), 3);
        const QList<qint64> due{1000, 2000, 2500};
        for (int i = 0; i < records.size(); ++i) {
            QCOMPARE(records[i].index, i);
            QVERIFY(records[i].sent());
            QCOMPARE(records[i].scheduledMs, due[i]);
            QVERIFY(records[i].sentMs >= records[i].scheduledMs);
        }
        QCOMPARE(server.requests().size(), 3);
    }

    void aLostChunkDropsNothingWaitingInTheBuffer()
    {
        LoopbackServer server;
        server.setRoute("/slow", HttpAnswer::text(200, "ok").afterDelay(2000));
        HttpClient client;
        // 12 s at 8x: chunks due at 0.5, 1 and 1.5 s. Chunk 1 is answered at 2.5 s; chunk 2
        // waits for it; chunk 3 is lost on the way meanwhile and must not push chunk 2 out.
        SimulationPlan plan =
            audioPlan(server.url("/slow"), audioOf(2000, 12), 4.0, ReplaySpeed::times(8));
        plan.faults = faultsOf("gap:0.5");
        plan.faultSeed = seedLosingOnlyTheLastOfThree(plan.faults);
        SimulationRun run(plan, &client);
        QVERIFY(runToEnd(run, 20'000));

        const QList<RunRecord> &records = run.records();
        QCOMPARE(records.size(), 3);
        for (const RunRecord &record : records)
            QVERIFY2(!LatestWins::dropped(record), qPrintable(record.notSentReason));
        QCOMPARE(run.summary().lost, 1);
        QCOMPARE(server.requests().size(), 2);
    }

    void latestWinsAgainstASlowPlugin()
    {
        LoopbackServer server;
        server.setRoute("/slow", HttpAnswer::text(200, "ok").afterDelay(1200));
        HttpClient client;
        // Half-second chunks, each answer 1.2 s late: while one is in flight two more fall due.
        SimulationRun run(
            audioPlan(server.url("/slow"), audioOf(4000, 4), 0.5, ReplaySpeed::realTime()),
            &client);
        int mostInFlight = 0;
        connect(&run, &SimulationRun::batchSent, this,
                [&] { mostInFlight = std::max(mostInFlight, run.inFlightCount()); });
        QVERIFY(runToEnd(run));

        const QList<RunRecord> &records = run.records();
        QCOMPARE(records.size(), 8);
        QCOMPARE(mostInFlight, 1);
        QList<int> sent;
        int dropped = 0;
        for (int i = 0; i < records.size(); ++i) {
            QCOMPARE(records[i].index, i);
            if (records[i].sent()) {
                sent.append(i);
                continue;
            }
            ++dropped;
            QVERIFY2(records[i].notSentReason.startsWith(u"dropped: it waited for the answer to "
                                                         u"chunk "),
                     qPrintable(records[i].notSentReason));
            QCOMPARE(records[i].result.request.body.size(), 4000); // what it would have sent
        }
        QVERIFY(dropped > 0);
        QVERIFY(sent.contains(0));
        QVERIFY(sent.contains(7)); // the newest always goes
        QCOMPARE(server.requests().size(), sent.size());
        QCOMPARE(run.summary().notSent, dropped);
        // Dropping is the app working as designed: the run still passes.
        QVERIFY(RunAcceptance::evaluate(records, {}).passed);
        // Each sent chunk went out after the previous one was answered, in order.
        for (int i = 1; i < sent.size(); ++i) {
            const RunRecord &before = records[sent[i - 1]];
            const RunRecord &after = records[sent[i]];
            QVERIFY(after.sentMs >= before.sentMs + qint64(*before.latencyMs()) - 1);
            QCOMPARE(server.requests()[i].body, after.result.request.body);
        }
    }

    void asFastAsPossibleDropsNothing()
    {
        LoopbackServer server;
        server.setRoute("/slow", HttpAnswer::text(200, "ok").afterDelay(50));
        HttpClient client;
        SimulationRun run(
            audioPlan(server.url("/slow"), audioOf(4000, 3), 0.5, ReplaySpeed::fast()), &client);
        QVERIFY(runToEnd(run));
        QCOMPARE(server.requests().size(), 6);
        for (const RunRecord &record : run.records())
            QVERIFY(record.sent());
    }

    void stoppingDropsTheWaitingChunk()
    {
        LoopbackServer server;
        server.setRoute("/slow", HttpAnswer::text(200, "ok").afterDelay(3000));
        HttpClient client;
        SimulationRun run(
            audioPlan(server.url("/slow"), audioOf(4000, 2), 0.25, ReplaySpeed::times(4)), &client);
        QSignalSpy completed(&run, &SimulationRun::recordCompleted);
        run.start();
        // Chunk 1 is in flight; once a later one was dropped, another is waiting.
        QTRY_VERIFY_WITH_TIMEOUT(completed.size() >= 1, 5000);
        run.stop();
        QVERIFY(waitUntilFinished(run));
        int stopped = 0;
        int dropped = 0;
        for (const RunRecord &record : run.records()) {
            stopped += record.notSentReason == u"the run was stopped; not sent" ? 1 : 0;
            dropped += record.notSentReason.startsWith(u"dropped") ? 1 : 0;
        }
        QCOMPARE(stopped, 1); // the waiting chunk; the ones not due yet are skipped
        QVERIFY(dropped >= 1);
        QVERIFY(!run.records().first().sent() || run.records().first().index == 0);
    }
};

QTEST_GUILESS_MAIN(TestSimulationAudio)
#include "tst_simulationaudio.moc"
