#include "HistoryFixtures.h"
#include "history/RunReplay.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using namespace studio::test;
using Behaviour = HttpAnswer;

namespace {

QList<QByteArray> bodiesReceived(const LoopbackServer &server)
{
    QList<QByteArray> bodies;
    for (const HttpServerRequest &request : server.requests())
        bodies.append(request.body);
    return bodies;
}

} // namespace

// A rerun from the history: the plan built again from what was kept sends the very bytes of
// the first run, batch by batch on the same schedule.
class RunReplayTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void transcript_rerunSendsTheSameBytesOnTheSameSchedule()
    {
        LoopbackServer first;
        first.setRoute("/segments", Behaviour::json(200, R"({"message": "Noted for later"})"));
        SimulationPlan plan = SimulationPlan::forTranscript(
            testPlugin(AppTrigger::TranscriptProcessed, first.url("/segments")),
            segmentsEndingAt({0.01, 0.02, 0.05, 0.06, 0.09}), BatchingOptions::window(0.03),
            ReplaySpeed::times(1));
        plan.sessionId = QStringLiteral("conversation-1");
        const qint64 id = keep(finishedRun(plan));

        const StoredRun stored = load(id);
        SimulationPlan replay = RunReplay::plan(stored);
        QCOMPARE(replay.trigger, AppTrigger::TranscriptProcessed);
        QCOMPARE(replay.speed, ReplaySpeed::times(1));
        QCOMPARE(replay.batches.size(), plan.batches.size());
        for (qsizetype i = 0; i < plan.batches.size(); ++i)
            QCOMPARE(replay.batches.at(i).sendAt, plan.batches.at(i).sendAt);
        QCOMPARE(replay.effectiveSessionId(), QStringLiteral("conversation-1"));

        LoopbackServer second;
        second.setRoute("/segments", Behaviour::json(200, R"({"message": "Noted again"})"));
        replay.webhookUrl = second.url("/segments");
        const StoredRun rerun = finishedRun(replay);
        QCOMPARE(bodiesReceived(second), bodiesReceived(first));
        QCOMPARE(second.requests().first().target, first.requests().first().target);
        QCOMPARE(rerun.records.size(), stored.records.size());
        for (qsizetype i = 0; i < rerun.records.size(); ++i) {
            QCOMPARE(rerun.records.at(i).label, stored.records.at(i).label);
            QCOMPARE(rerun.records.at(i).scheduledMs, stored.records.at(i).scheduledMs);
        }
    }

    void memory_rerunSendsTheKeptBytesNotABodyBuiltAgain()
    {
        LoopbackServer server;
        server.setRoute("/hook", Behaviour::json(200, "{}"));
        const SimulationPlan plan =
            SimulationPlan::forMemory(testPlugin(AppTrigger::MemoryCreation, server.url("/hook")),
                                      smallMemory(), PayloadProfile::Guide);
        StoredRun stored = load(keep(finishedRun(plan)));
        QCOMPARE(stored.settings.profile, PayloadProfile::Guide);
        QVERIFY(*stored.settings.memory == smallMemory());

        // Bytes the engine would never build itself: only a replay of the kept body sends them.
        const QByteArray kept = "{\"hand\": \"edited\",   \"bytes\": [1, 2]}";
        stored.records.first().result.request.body = kept;
        const StoredRun rerun = finishedRun(RunReplay::plan(stored));
        QCOMPARE(server.requestCount(), 2);
        QCOMPARE(server.requests().last().body, kept);
        QCOMPARE(rerun.records.first().payloadBytes, kept.size());
        QCOMPARE(rerun.records.first().result.request.body, kept);
    }

private:
    qint64 keep(const StoredRun &run)
    {
        RunHistory history(path());
        const HistoryResult<qint64> id = history.record(run);
        if (!id.ok())
            qWarning("%s", qPrintable(id.error()));
        return id.ok() ? id.value() : 0;
    }

    StoredRun load(qint64 id)
    {
        RunHistory history(path());
        HistoryResult<StoredRun> run = history.load(id);
        if (!run.ok())
            qWarning("%s", qPrintable(run.error()));
        return run.ok() ? run.value() : StoredRun{};
    }

    QString path() const { return m_dir.filePath(QStringLiteral("history.sqlite")); }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(RunReplayTest)
#include "tst_runreplay.moc"
