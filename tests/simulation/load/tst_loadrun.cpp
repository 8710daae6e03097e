#include "LoadHarness.h"
#include "http/HttpClient.h"

#include <QElapsedTimer>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>
#include <map>

using namespace studio;
using namespace studio::test;

// Many users at once against a real loopback server: who the plugin sees, in which order,
// on which connections, and what the run counts when requests cannot go out on time.
class LoadRunTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void users_haveDistinctUidsAndSessions()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        LoadPlan plan = transcriptLoad(server.url("/hook"), 5, 20);
        plan.rampSeconds = 0.2;
        LoadRun run(plan, &client);
        QVERIFY(runToEnd(run));

        QCOMPARE(server.requestCount(), 15);
        QSet<QString> uids;
        QSet<QString> sessions;
        for (const HttpServerRequest &request : server.requests()) {
            uids.insert(uidOf(request));
            sessions.insert(request.json().object().value(QStringLiteral("session_id")).toString());
        }
        QSet<QString> expected;
        for (int user = 0; user < 5; ++user)
            expected.insert(plan.uidOf(user));
        QCOMPARE(uids, expected);
        QCOMPARE(sessions, expected);
        for (int user = 0; user < 5; ++user) {
            QCOMPARE(run.users()[std::size_t(user)].sent, qint64(3));
            QCOMPARE(run.users()[std::size_t(user)].completed, qint64(3));
        }
        QCOMPARE(run.summary().run.count, 15);
        QCOMPARE(run.summary().sent, qint64(15));
        QCOMPARE(run.summary().run.errors, 0);
    }

    void eachUser_sendsItsConversationInOrder()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        // Windows 100 ms apart on the run clock: each arrives before the next goes.
        LoadRun run(transcriptLoad(server.url("/hook"), 4, 10), &client);
        std::map<int, QList<int>> sentIndexes;
        connect(&run, &LoadRun::requestSent, this,
                [&sentIndexes](int user, int, int index) { sentIndexes[user].append(index); });
        QVERIFY(runToEnd(run));

        for (int user = 0; user < 4; ++user)
            QCOMPARE(sentIndexes[user], (QList<int>{0, 1, 2}));
        std::map<QString, QStringList> arrived;
        for (const HttpServerRequest &request : server.requests())
            arrived[uidOf(request)] += segmentTexts(request.json().object());
        QCOMPARE(arrived.size(), std::size_t(4));
        for (const auto &[uid, texts] : arrived)
            QCOMPARE(texts, (QStringList{QStringLiteral("segment 0"), QStringLiteral("segment 1"),
                                         QStringLiteral("segment 2")}));
    }

    void connections_newPerRequestOrReused_data()
    {
        QTest::addColumn<bool>("reuse");
        QTest::newRow("new (plugins-2024)") << false;
        QTest::newRow("reused (apps-2026)") << true;
    }

    void connections_newPerRequestOrReused()
    {
        QFETCH(bool, reuse);
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        LoadPlan plan = transcriptLoad(server.url("/hook"), 2, 10);
        plan.base.transport.reuseConnection = reuse;
        LoadRun run(plan, &client);
        QVERIFY(runToEnd(run));

        QCOMPARE(server.requestCount(), 6);
        QSet<int> connections;
        for (const HttpServerRequest &request : server.requests())
            connections.insert(request.connection);
        if (reuse)
            QVERIFY2(connections.size() <= 2,
                     qPrintable(QStringLiteral("%1 connections").arg(connections.size())));
        else
            QCOMPARE(connections.size(), 6);
    }

    void capOnRequestsInFlight_sendsLateAndSaysHowLate()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}").heldUntilReleased());
        HttpClient client;
        LoadPlan plan = memoryLoad(server.url("/hook"), 4);
        plan.maxInFlight = 2;
        QElapsedTimer sinceStart;
        sinceStart.start();
        LoadRun run(plan, &client);
        run.start();

        // All four are due at once; two go, two wait for a free place.
        QVERIFY(server.waitForRequests(2));
        QTest::qWait(200);
        QCOMPARE(server.requestCount(), 2);
        QCOMPARE(run.inFlightCount(), 2);
        QCOMPARE(run.waitingCount(), 2);
        const qint64 heldMs = sinceStart.elapsed();
        server.releaseHeldAnswers();
        QVERIFY(server.waitForRequests(4));
        server.releaseHeldAnswers();
        QVERIFY(waitUntilFinished(run));

        const LoadSummary summary = run.summary();
        QCOMPARE(summary.sent, qint64(4));
        QCOMPARE(summary.run.count, 4);
        QVERIFY2(summary.late >= 2, qPrintable(QString::number(summary.late)));
        QVERIFY(summary.lateMaxMs >= double(heldMs) - 50);
        int lateRecords = 0;
        for (const LoadRecord &record : run.keptRecords()) {
            QCOMPARE(record.record.scheduledMs, qint64(0)); // never moved in the schedule
            lateRecords += record.lateMs() > LoadRun::kLateAfterMs ? 1 : 0;
        }
        QVERIFY(lateRecords >= 2);
    }

    void failures_areCountedByKind()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::text(500, "boom"));
        HttpClient client;
        const LoadPlan plan = memoryLoad(server.url("/hook"), 3);
        const LoadPlan refused =
            memoryLoad(QStringLiteral("http://127.0.0.1:%1/hook").arg(closedPort()), 2);
        LoadRun run(plan, &client);
        LoadRun refusedRun(refused, &client);
        QVERIFY(runToEnd(run));
        QVERIFY(runToEnd(refusedRun));

        QCOMPARE(run.summary().run.errors, 3);
        QCOMPARE(run.summary().errorsByKind, (ErrorsByKind{{QStringLiteral("status-500"), 3}}));
        QCOMPARE(run.summary().errorRate(), 1.0);
        QCOMPARE(refusedRun.summary().errorsByKind,
                 (ErrorsByKind{{QStringLiteral("connection-refused"), 2}}));
        QVERIFY(!LoadAcceptance::evaluate(run.summary(), {}).passed);
        QVERIFY(LoadAcceptance::evaluate(run.summary(), {std::nullopt, 1.0}).passed);
        QVERIFY(!LoadAcceptance::evaluate(run.summary(), {std::nullopt, 0.5}).passed);
    }

    void maxP95_failsASlowRun()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}").afterDelay(80));
        HttpClient client;
        LoadRun run(memoryLoad(server.url("/hook"), 3), &client);
        QVERIFY(runToEnd(run));
        const LoadSummary summary = run.summary();
        QVERIFY(*summary.run.p95Ms >= 80);
        const LoadAcceptance slow = LoadAcceptance::evaluate(summary, {20.0, std::nullopt});
        QVERIFY(!slow.passed);
        QVERIFY(slow.failures.join(u'\n').contains(u"p95"));
        QVERIFY(LoadAcceptance::evaluate(summary, {60'000.0, std::nullopt}).passed);
    }

    void records_areBoundedButEveryFailureIsKept()
    {
        LoopbackServer server;
        server.setRoute("/ok", LoopbackServer::Behaviour::json(200, "{}"));
        server.setRoute("/fail", LoopbackServer::Behaviour::text(503, "busy"));
        HttpClient client;
        LoadPlan passing = memoryLoad(server.url("/ok"), 150);
        passing.rampSeconds = 0.3;
        LoadRun passingRun(passing, &client);
        QVERIFY(runToEnd(passingRun));
        QCOMPARE(passingRun.keptRecords().size(), LoadRun::kKeptFirst);
        QCOMPARE(passingRun.recordsLeftOut(), qint64(50));

        LoadPlan failing = memoryLoad(server.url("/fail"), 150);
        failing.rampSeconds = 0.3;
        LoadRun failingRun(failing, &client);
        QVERIFY(runToEnd(failingRun));
        QCOMPARE(failingRun.keptRecords().size(), 150);
        QCOMPARE(failingRun.recordsLeftOut(), qint64(0));
        QVERIFY(failingRun.keptRecords().first().record.result.body.isEmpty());
    }

    void liveProgress_everySecond()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        // Two users, each with windows at 0.5, 1.5 and 2.5 s at 1.25x: the run lasts 2 s.
        LoadPlan plan = transcriptLoad(server.url("/hook"), 2, 1.25);
        LoadRun run(plan, &client);
        QList<LoadSecond> seconds;
        connect(&run, &LoadRun::secondElapsed, this,
                [&seconds](const LoadSecond &second) { seconds.append(second); });
        QVERIFY(runToEnd(run));
        QVERIFY(!seconds.isEmpty());
        qint64 completed = 0;
        for (const LoadSecond &second : seconds)
            completed += second.completed;
        QVERIFY(completed >= 2);
        QVERIFY(std::any_of(seconds.cbegin(), seconds.cend(),
                            [](const LoadSecond &second) { return second.p50Ms.has_value(); }));
    }

    void deletedPlugin_sendsNothing()
    {
        LoopbackServer server;
        HttpClient client;
        LoadPlan plan = memoryLoad(server.url("/hook"), 3);
        plan.base.plugin.deleted = true;
        LoadRun run(plan, &client);
        QVERIFY(runToEnd(run));
        QVERIFY(run.skipReason().has_value());
        QCOMPARE(server.requestCount(), 0);
        QCOMPARE(run.summary().sent, qint64(0));
    }

    void stop_countsWhatWasLeft()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        LoadPlan plan = transcriptLoad(server.url("/hook"), 3, 1, {0.5, 30.5});
        LoadRun run(plan, &client);
        run.start();
        QVERIFY(server.waitForRequests(3));
        QTRY_COMPARE(run.inFlightCount(), 0);
        run.stop();
        QVERIFY(run.isFinished());
        QCOMPARE(run.summary().left, qint64(3));
        QVERIFY(!LoadAcceptance::evaluate(run.summary(), {}).passed);
    }

    void circuitBreaker_ofApps2026_holdsBackAfterFailuresInARow_data()
    {
        QTest::addColumn<bool>("apps2026");
        QTest::newRow("apps-2026") << true;
        QTest::newRow("plugins-2024: no breaker") << false;
    }

    void circuitBreaker_ofApps2026_holdsBackAfterFailuresInARow()
    {
        QFETCH(bool, apps2026);
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(500, "{}"));
        HttpClient client;
        // One user sends its memory every 0.2 s for 2 s: ten requests, each answered 500.
        LoadPlan plan = memoryLoad(server.url("/hook"), 1);
        if (apps2026)
            plan.base.useContract(Contract::apps2026());
        plan.base.speed = ReplaySpeed::times(100);
        plan.durationSeconds = 2.0;
        LoadRun run(plan, &client);
        QVERIFY(runToEnd(run));

        const LoadSummary summary = run.summary();
        QCOMPARE(summary.sent + summary.heldBack, qint64(10));
        QCOMPARE(qint64(server.requestCount()), summary.sent);
        if (!apps2026) {
            QCOMPARE(summary.heldBack, qint64(0));
            return;
        }
        // Five failures open it; on the app's clock (100x) its 30 s pass in 0.3 s, so
        // probes go out between the requests it holds back.
        QVERIFY2(summary.heldBack >= 1 && summary.sent >= 5,
                 qPrintable(QStringLiteral("%1 sent, %2 held back")
                                .arg(summary.sent)
                                .arg(summary.heldBack)));
        QCOMPARE(summary.errorsByKind.at(QStringLiteral("circuit-open")), summary.heldBack);
        QCOMPARE(summary.errorRate(), 1.0);
        int heldBackRecords = 0;
        for (const LoadRecord &load : run.keptRecords())
            if (!load.record.sent()) {
                QVERIFY(load.record.notSentReason.contains(u"circuit breaker is open"));
                ++heldBackRecords;
            }
        QCOMPARE(qint64(heldBackRecords), summary.heldBack);
        QVERIFY(!LoadAcceptance::evaluate(summary, {}).passed);
    }
};

QTEST_MAIN(LoadRunTest)
#include "tst_loadrun.moc"
