#include "RunHarness.h"
#include "http/HttpClient.h"

#include <QStandardPaths>

#include <cmath>

using namespace studio;
using namespace studio::test;

// When batches go out: on the run clock, measured from the start at the speed factor, never
// before they are due, regardless of how slowly the plugin answers. Lower bounds and causal
// order only: how late a batch may be is a benchmark figure (bench/simulation), not a test.
class SimulationScheduleTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void highSpeed_noBatchLeavesBeforeItsDueTime()
    {
        constexpr double speed = 40;
        LoopbackServer server;
        server.setRoute("/segments", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        // One-second windows, a segment in each of the first twelve: due every 25 ms at 40x.
        QList<TranscriptSegment> segments;
        for (int second = 1; second <= 12; ++second)
            segments.append(numberedSegment(int(segments.size()), second - 0.25));
        SimulationRun run(SimulationPlan::forTranscript(
                              testPlugin(AppTrigger::TranscriptProcessed, server.url("/segments")),
                              segments, BatchingOptions::window(1), ReplaySpeed::times(speed)),
                          &client);
        QSignalSpy sent(&run, &SimulationRun::batchSent);
        QVERIFY(runToEnd(run));

        QCOMPARE(sent.size(), 12);
        for (int i = 0; i < sent.size(); ++i) {
            const QList<QVariant> &signal = sent.at(i);
            QCOMPARE(signal.at(0).toInt(), i);
            const double scheduledMs = signal.at(1).toDouble();
            const double sentMs = signal.at(2).toDouble();
            // Window i closes at i+1 s of conversation: (i+1) * 1000 / 40 ms into the run.
            QCOMPARE(scheduledMs, std::ceil((i + 1) * 1e9 / speed) / 1e6);
            QVERIFY2(sentMs >= scheduledMs,
                     qPrintable(QStringLiteral("batch %1 sent at %2 ms, due at %3 ms")
                                    .arg(i)
                                    .arg(sentMs)
                                    .arg(scheduledMs)));
        }
        QCOMPARE(run.records().size(), 12);
        for (const RunRecord &record : run.records()) {
            QCOMPARE(record.scheduledMs, qint64((record.index + 1) * 1000 / speed));
            QVERIFY(record.sentMs >= record.scheduledMs);
            QCOMPARE(record.schedulingErrorMs(), record.sentMs - record.scheduledMs);
            QCOMPARE(record.result.status, 200);
        }
        // The plugin received them in the conversation's order.
        const QList<QJsonObject> bodies = receivedBodies(server);
        for (int i = 0; i < bodies.size(); ++i)
            QCOMPARE(segmentTexts(bodies[i]), QStringList{QStringLiteral("segment %1").arg(i)});
    }

    void slowPlugin_doesNotDelayLaterBatches()
    {
        // The plugin holds every answer. The second batch must still go out on its schedule:
        // it reaches the server while the first answer is being held.
        LoopbackServer server;
        server.setRoute("/segments",
                        LoopbackServer::Behaviour::json(200, "{}").heldUntilReleased());
        HttpClient client;
        SimulationRun run(SimulationPlan::forTranscript(
                              testPlugin(AppTrigger::TranscriptProcessed, server.url("/segments")),
                              segmentsEndingAt({0.5, 1.5, 2.5}), BatchingOptions::window(1),
                              ReplaySpeed::times(20)),
                          &client);
        run.start();
        QVERIFY(server.waitForRequests(3, 10'000));
        QCOMPARE(run.records().size(), 0);
        QCOMPARE(run.inFlightCount(), 3);
        for (const HttpServerRequest &request : server.requests())
            QCOMPARE(request.answeredMs, -1);

        server.releaseHeldAnswers();
        QVERIFY(waitUntilFinished(run));
        QCOMPARE(run.records().size(), 3);
        for (const RunRecord &record : run.records())
            QCOMPARE(record.result.status, 200);
    }

    void latency_coversTheServersDelay()
    {
        constexpr int delayMs = 150;
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}").afterDelay(delayMs));
        HttpClient client;
        SimulationRun run(
            SimulationPlan::forMemory(testPlugin(AppTrigger::MemoryCreation, server.url("/hook")),
                                      smallMemory()),
            &client);
        QVERIFY(runToEnd(run));
        const RunRecord &record = run.records().first();
        QVERIFY(record.latencyMs().has_value());
        QVERIFY2(*record.latencyMs() >= delayMs, qPrintable(QString::number(*record.latencyMs())));
        QVERIFY(record.result.timings.firstByteMs >= delayMs);
        QVERIFY(run.summary().p50Ms.value() >= delayMs);
    }

    void fastMode_sendsEachBatchAfterThePreviousAnswer()
    {
        LoopbackServer server;
        server.setRoute("/segments", LoopbackServer::Behaviour::json(200, "{}").afterDelay(20));
        HttpClient client;
        SimulationRun run(SimulationPlan::forTranscript(
                              testPlugin(AppTrigger::TranscriptProcessed, server.url("/segments")),
                              segmentsEndingAt({10, 40, 70, 100, 130}), {}, ReplaySpeed::fast()),
                          &client);
        QVERIFY(runToEnd(run));

        const QList<HttpServerRequest> received = server.requests();
        QCOMPARE(received.size(), 5);
        for (int i = 1; i < received.size(); ++i)
            QVERIFY2(received[i].arrivedMs >= received[i - 1].answeredMs,
                     "a fast replay sends the next batch only once the previous one is answered");
        const QList<RunRecord> &records = run.records();
        for (int i = 1; i < records.size(); ++i) {
            QVERIFY(records[i].scheduledMs >= records[i - 1].sentMs);
            QVERIFY(records[i].sentMs >= records[i].scheduledMs);
        }
        QCOMPARE(run.runInfo().speed, 0.0);
        QCOMPARE(run.conversationSeconds(), 150.0);
    }
};

QTEST_GUILESS_MAIN(SimulationScheduleTest)
#include "tst_simulationschedule.moc"
