#include "RunHarness.h"
#include "http/HttpClient.h"
#include "simulation/engine/RunAcceptance.h"

#include <QStandardPaths>

#include <atomic>

using namespace studio;
using namespace studio::test;

namespace {

// Six one-second windows replayed 20 times faster than real time.
SimulationPlan conversationOfSix(const QString &url, const char *spec, quint64 seed = 4)
{
    SimulationPlan plan = SimulationPlan::forTranscript(
        testPlugin(AppTrigger::TranscriptProcessed, url),
        segmentsEndingAt({0.5, 1.5, 2.5, 3.5, 4.5, 5.5}), BatchingOptions::window(1),
        ReplaySpeed::times(20));
    plan.faults = faultsOf(spec);
    plan.faultSeed = seed;
    return plan;
}

QStringList firstSegmentTexts(const LoopbackServer &server)
{
    QStringList texts;
    for (const QJsonObject &body : receivedBodies(server))
        texts << segmentTexts(body).value(0);
    return texts;
}

} // namespace

// The faults the app produces, observed where the plugin sees them: on the loopback server.
class SimulationFaultsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void duplicate_sendsTheSameBodyTwiceWithOneIdempotencyKey()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        SimulationPlan plan = memoryWithFaults(server.url("/hook"), "duplicate:1");
        SimulationRun run(plan, &client);
        QVERIFY(runToEnd(run));

        QCOMPARE(server.requestCount(), 2);
        const HttpServerRequest &original = server.requests().at(0);
        const HttpServerRequest &copy = server.requests().at(1);
        QCOMPARE(copy.body, original.body);
        QVERIFY(!original.header("X-Omi-Idempotency-Key").isEmpty());
        QCOMPARE(copy.header("X-Omi-Idempotency-Key"), original.header("X-Omi-Idempotency-Key"));

        QCOMPARE(run.records().size(), 2);
        const RunRecord &copied = run.records().at(1);
        QCOMPARE(copied.faults, QStringList{QStringLiteral("duplicate")});
        QCOMPARE(copied.duplicateOf, std::optional<int>(0));
        QCOMPARE(copied.sameAnswerAsOriginal, std::optional<bool>(true));
        QVERIFY(run.records().at(0).faults.isEmpty());
        const RunSummary summary = run.summary();
        QCOMPARE(summary.duplicatesCompared, 1);
        QCOMPARE(summary.duplicatesAnsweredDifferently, 0);
    }

    void duplicate_signed_carriesTheKeyAsTheDeliveryId()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        SimulationPlan plan = SimulationPlan::forMemory(
            testPlugin(AppTrigger::MemoryCreation, server.url("/hook")), smallMemory());
        plan.useContract(Contract::apps2026());
        plan.signingSecret = QStringLiteral("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0ISE");
        plan.faults = faultsOf("duplicate:1");
        SimulationRun run(plan, &client);
        QVERIFY(runToEnd(run));

        QCOMPARE(server.requestCount(), 2);
        for (const HttpServerRequest &request : server.requests())
            QCOMPARE(request.header("X-Omi-Delivery"), request.header("X-Omi-Idempotency-Key"));
        QCOMPARE(server.requests().at(1).header("X-Omi-Delivery"),
                 server.requests().at(0).header("X-Omi-Delivery"));
    }

    void duplicate_answeredDifferently_isCounted()
    {
        LoopbackServer server;
        std::atomic<int> calls = 0;
        server.setRoute("/hook", [&calls](const HttpServerRequest &) {
            return HttpAnswer::json(200, QByteArrayLiteral("{\"message\":\"call ") +
                                             QByteArray::number(++calls) + "\"}");
        });
        HttpClient client;
        SimulationPlan plan = memoryWithFaults(server.url("/hook"), "duplicate:1");
        SimulationRun run(plan, &client);
        QVERIFY(runToEnd(run));

        QCOMPARE(run.records().at(1).sameAnswerAsOriginal, std::optional<bool>(false));
        QCOMPARE(run.summary().duplicatesAnsweredDifferently, 1);
        // Both notifications reach the user: the app shows each answer it gets.
        QCOMPARE(run.summary().notifications, 2);
    }

    void reorder_swapsConsecutiveBatches()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        SimulationRun run(conversationOfSix(server.url("/hook"), "reorder:1"), &client);
        QVERIFY(runToEnd(run));

        QCOMPARE(firstSegmentTexts(server),
                 QStringList({QStringLiteral("segment 1"), QStringLiteral("segment 0"),
                              QStringLiteral("segment 3"), QStringLiteral("segment 2"),
                              QStringLiteral("segment 5"), QStringLiteral("segment 4")}));
        for (const RunRecord &record : run.records())
            QVERIFY(record.faults.contains(QStringLiteral("reordered")));
        QVERIFY(run.records().at(0).label.startsWith(QStringLiteral("window 1-2 s [reordered]")));
    }

    void gap_sendsNothingAndRecordsWhy()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        SimulationRun run(conversationOfSix(server.url("/hook"), "gap:1"), &client);
        QVERIFY(runToEnd(run));

        QCOMPARE(server.requestCount(), 0);
        QCOMPARE(run.records().size(), 6);
        for (const RunRecord &record : run.records()) {
            QVERIFY(!record.sent());
            QVERIFY(record.lostByFault());
            QVERIFY(record.notSentReason.contains(QStringLiteral("gap")));
        }
        QCOMPARE(run.summary().lost, 6);
        // A batch the fault lost is not the plugin's failure.
        QVERIFY(RunAcceptance::evaluate(run.records(), {}).passed);
    }

    void gap_someLost_theRestArriveInOrder()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        SimulationRun run(conversationOfSix(server.url("/hook"), "gap:0.5", 3), &client);
        QVERIFY(runToEnd(run));

        QStringList expected;
        for (const RunRecord &record : run.records())
            if (record.sent())
                expected << QStringLiteral("segment %1").arg(record.index);
        QCOMPARE(firstSegmentTexts(server), expected);
        QCOMPARE(run.summary().lost, 6 - int(expected.size()));
    }

    void burst_flushesTheBufferedBatchesTogether()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        SimulationRun run(conversationOfSix(server.url("/hook"), "burst"), &client);
        QVERIFY(runToEnd(run));

        QCOMPARE(server.requestCount(), 6); // all of them, in order
        QCOMPARE(firstSegmentTexts(server).first(), QStringLiteral("segment 0"));
        QList<qint64> burstSentMs;
        for (const RunRecord &record : run.records())
            if (record.faults.contains(QStringLiteral("burst")))
                burstSentMs << record.scheduledMs;
        QVERIFY(burstSentMs.size() >= 2);
        QCOMPARE(std::count(burstSentMs.begin(), burstSentMs.end(), burstSentMs.first()),
                 burstSentMs.size());
    }

    void slowNetwork_delaysEachRequest()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        SimulationPlan plan = memoryWithFaults(server.url("/hook"), "slow-network:300");
        SimulationRun run(plan, &client);
        QVERIFY(runToEnd(run));

        QCOMPARE(server.requestCount(), 1);
        const RunRecord &record = run.records().first();
        QCOMPARE(record.scheduledMs, 300);
        QVERIFY(record.sentMs >= 300);
        QCOMPARE(record.faults, QStringList{QStringLiteral("slow-network:300")});
    }

    void restart_continuesInANewSessionFromZero()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        SimulationRun run(conversationOfSix(server.url("/hook"), "restart"), &client);
        QVERIFY(runToEnd(run));

        QCOMPARE(server.requestCount(), 6);
        const QList<QJsonObject> bodies = receivedBodies(server);
        const QString first = bodies.first().value(QStringLiteral("session_id")).toString();
        QCOMPARE(first, QString::fromLatin1(SimulationPlan::kDefaultUid));
        qsizetype restartedAt = -1;
        for (qsizetype at = 0; at < bodies.size(); ++at) {
            const QString session = bodies.at(at).value(QStringLiteral("session_id")).toString();
            if (session != first && restartedAt < 0)
                restartedAt = at;
            if (restartedAt >= 0)
                QCOMPARE(session, first + QStringLiteral("-restart"));
        }
        QVERIFY(restartedAt >= 2 && restartedAt <= 4);
        // The new session's transcript starts at 0: its first segment began half a second
        // into the window where the session started.
        const QJsonObject segment =
            bodies.at(restartedAt).value(QStringLiteral("segments")).toArray().first().toObject();
        QCOMPARE(segment.value(QStringLiteral("start")).toDouble(), 0.0);
        QCOMPARE(segment.value(QStringLiteral("end")).toDouble(), 0.5);
        QVERIFY(run.records().at(int(restartedAt)).faults.contains(QStringLiteral("restart")));
    }
};

QTEST_MAIN(SimulationFaultsTest)
#include "tst_simulationfaults.moc"
