#include "RunHarness.h"
#include "http/HttpClient.h"

#include <QStandardPaths>

#include <atomic>
#include <memory>

using namespace studio;
using namespace studio::test;

namespace {

// 40 one-second windows, each with one segment, sent at 1, 2, ... 40 s.
SimulationPlan fortySeconds(const QString &url, const Contract &contract)
{
    QList<TranscriptSegment> segments;
    for (int i = 0; i < 40; ++i)
        segments.append(numberedSegment(i, i + 0.5));
    SimulationPlan plan =
        SimulationPlan::forTranscript(testPlugin(AppTrigger::TranscriptProcessed, url), segments,
                                      BatchingOptions::window(1.0), ReplaySpeed::fast());
    plan.useContract(contract, true);
    return plan;
}

// The records of fortySeconds() sent to `url` under `contract`, once the run ended.
QList<RunRecord> replayed(const QString &url, const Contract &contract)
{
    HttpClient client;
    SimulationRun run(fortySeconds(url, contract), &client);
    if (!runToEnd(run))
        qWarning("the run did not finish");
    return run.records();
}

QList<int> notSentIndexes(const QList<RunRecord> &records)
{
    QList<int> indexes;
    for (const RunRecord &record : records)
        if (!record.sent())
            indexes.append(record.index);
    return indexes;
}

QList<int> range(int first, int last)
{
    QList<int> values;
    for (int i = first; i <= last; ++i)
        values.append(i);
    return values;
}

} // namespace

// The app's circuit breaker in a run (apps-2026): after 5 failures in a row the webhook is
// not called for 30 s of the conversation, then one probe decides. Replayed as fast as
// possible, the conversation's clock stands at each batch's send time, so which requests go
// is the same on every machine.
class SimulationBreakerTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void failingServer_getsFive_thenOneProbeAfter30s()
    {
        LoopbackServer server;
        server.setRoute("/hook", HttpAnswer::text(500, "down"));
        const QList<RunRecord> records = replayed(server.url("/hook"), Contract::apps2026());

        // Sent at 1-5 s (failing), none until 35 s (the probe, failing), none after.
        QCOMPARE(server.requestCount(), 6);
        QCOMPARE(records.size(), 40);
        QCOMPARE(notSentIndexes(records), range(5, 33) + range(35, 39));
        const RunRecord &held = records.at(5);
        QCOMPARE(held.notSentReason,
                 QStringLiteral("circuit open until 35 s (5 failures in a row, the last at 5 s)"));
        QVERIFY(!held.requestFailed());
        QCOMPARE(held.result.request.url, server.url("/hook?uid=plugin-studio-test-uid"));
        const RunRecord &probe = records.at(34);
        QVERIFY(probe.sent());
        QCOMPARE(probe.result.status, 500);
        QCOMPARE(probe.verdict.notes.value(0),
                 QStringLiteral("the circuit breaker's probe failed: it opens again"));
        QCOMPARE(records.at(35).notSentReason,
                 QStringLiteral("circuit open until 65 s (6 failures in a row, the last at 35 s)"));

        const RunSummary summary = RunSummary::of(records);
        QCOMPARE(summary.count, 40);
        QCOMPARE(summary.errors, 6);
        QCOMPARE(summary.notSent, 34);
        QCOMPARE(summary.latencySamples, 6);
    }

    void probeSuccess_closesTheCircuit()
    {
        LoopbackServer server;
        auto answered = std::make_shared<std::atomic<int>>(0);
        server.setRoute("/hook", [answered](const HttpServerRequest &) {
            // Down for the first five calls, back by the probe.
            return ++*answered <= 5 ? HttpAnswer::text(500, "down") : HttpAnswer::json(200, "{}");
        });
        const QList<RunRecord> records = replayed(server.url("/hook"), Contract::apps2026());
        QCOMPARE(notSentIndexes(records), range(5, 33));
        QCOMPARE(server.requestCount(), 11);
        QCOMPARE(records.at(34).verdict.notes.value(0),
                 QStringLiteral("the circuit breaker's probe succeeded: it closes"));
        QVERIFY(records.at(35).verdict.notes.isEmpty());
    }

    void plugins2024_hasNoBreaker()
    {
        LoopbackServer server;
        server.setRoute("/hook", HttpAnswer::text(500, "down"));
        const QList<RunRecord> records = replayed(server.url("/hook"), Contract::plugins2024());
        QCOMPARE(server.requestCount(), 40);
        QVERIFY(notSentIndexes(records).isEmpty());
        QCOMPARE(RunSummary::of(records).errors, 40);
    }

    void stepping_intoAnOpenCircuit_recordsItNotSent()
    {
        // A step sends the next batch now: while the circuit is open, that is a record not
        // sent, and a run whose last batch is held back finishes.
        LoopbackServer server;
        server.setRoute("/hook", HttpAnswer::text(500, "down"));
        HttpClient client;
        SimulationPlan plan = fortySeconds(server.url("/hook"), Contract::apps2026());
        plan.batches = plan.batches.mid(0, 6);
        SimulationRun run(plan, &client);
        QSignalSpy completed(&run, &SimulationRun::recordCompleted);
        for (int i = 0; i < 5; ++i) {
            run.step();
            QVERIFY(completed.wait(10'000));
        }
        run.step();
        QCOMPARE(completed.size(), 6);
        QVERIFY(!completed.last().first().value<RunRecord>().sent());
        QCOMPARE(run.state(), SimulationRun::State::Finished);
        QCOMPARE(server.requestCount(), 5);
    }
};

QTEST_GUILESS_MAIN(SimulationBreakerTest)
#include "tst_simulationbreaker.moc"
