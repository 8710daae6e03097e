#include "LoadHarness.h"
#include "http/HttpClient.h"

#include <QSet>
#include <QStandardPaths>

#include <atomic>
#include <map>

using namespace studio;
using namespace studio::test;

// Faults in a load run, each user's conversation on its own draw, seen on the server's side.
class LoadFaultsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void duplicate_eachUsersMemoryTwiceWithItsOwnKey()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        LoadPlan plan = memoryLoad(server.url("/hook"), 4);
        plan.base.faults = faultsOf("duplicate:1");
        LoadRun run(plan, &client);
        QVERIFY(runToEnd(run));

        QCOMPARE(server.requestCount(), 8);
        std::map<QString, QList<QByteArray>> keysByUser;
        for (const HttpServerRequest &request : server.requests())
            keysByUser[uidOf(request)] << request.header("X-Omi-Idempotency-Key");
        QCOMPARE(int(keysByUser.size()), 4);
        QSet<QByteArray> keys;
        for (const auto &[uid, userKeys] : keysByUser) {
            QCOMPARE(userKeys.size(), 2);
            QCOMPARE(userKeys.at(0), userKeys.at(1));
            QVERIFY(userKeys.at(0).startsWith(uid.toLatin1()));
            keys.insert(userKeys.at(0));
        }
        QCOMPARE(keys.size(), 4);
        const LoadSummary summary = run.summary();
        QCOMPARE(summary.run.duplicatesCompared, 4);
        QCOMPARE(summary.run.duplicatesAnsweredDifferently, 0);
        QCOMPARE(summary.run.faulted, 4);
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
        LoadPlan plan = memoryLoad(server.url("/hook"), 3);
        plan.base.faults = faultsOf("duplicate:1");
        LoadRun run(plan, &client);
        QVERIFY(runToEnd(run));

        QCOMPARE(run.summary().run.duplicatesCompared, 3);
        QCOMPARE(run.summary().run.duplicatesAnsweredDifferently, 3);
        int comparedCopies = 0;
        for (const LoadRecord &load : run.keptRecords())
            if (load.record.sameAnswerAsOriginal) {
                QCOMPARE(*load.record.sameAnswerAsOriginal, false);
                ++comparedCopies;
            }
        QCOMPARE(comparedCopies, 3);
    }

    void gap_recordsNotSentAndTheServerSeesNone()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        LoadPlan plan = transcriptLoad(server.url("/hook"), 3, 20);
        plan.base.faults = faultsOf("gap:1");
        LoadRun run(plan, &client);
        QVERIFY(runToEnd(run));

        QCOMPARE(server.requestCount(), 0);
        const LoadSummary summary = run.summary();
        QCOMPARE(summary.sent, qint64(0));
        QCOMPARE(summary.run.lost, 9);
        QCOMPARE(summary.run.notSent, 9);
        QCOMPARE(run.keptRecords().size(), 9);
        for (const LoadRecord &load : run.keptRecords()) {
            QVERIFY(load.record.lostByFault());
            QVERIFY(load.record.label.contains(QStringLiteral("[gap]")));
        }
        QVERIFY(LoadAcceptance::evaluate(summary, {}).passed);
    }

    void reorder_eachUserSeesItsBatchesSwapped()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        LoadPlan plan =
            transcriptLoad(server.url("/hook"), 3, 10, {0.5, 1.5, 2.5, 3.5});
        plan.base.faults = faultsOf("reorder:1");
        LoadRun run(plan, &client);
        QVERIFY(runToEnd(run));

        QCOMPARE(server.requestCount(), 12);
        std::map<QString, QStringList> textsByUser;
        for (const HttpServerRequest &request : server.requests())
            textsByUser[uidOf(request)] << segmentTexts(request.json().object()).value(0);
        for (const auto &[uid, texts] : textsByUser)
            QCOMPARE(texts, QStringList({QStringLiteral("segment 1"), QStringLiteral("segment 0"),
                                         QStringLiteral("segment 3"),
                                         QStringLiteral("segment 2")}));
    }

    void restart_usersContinueInANewSession()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        LoadPlan plan =
            transcriptLoad(server.url("/hook"), 2, 20, {0.5, 1.5, 2.5, 3.5, 4.5, 5.5});
        plan.base.faults = faultsOf("restart");
        LoadRun run(plan, &client);
        QVERIFY(runToEnd(run));

        std::map<QString, QStringList> sessionsByUser;
        for (const HttpServerRequest &request : server.requests())
            sessionsByUser[uidOf(request)]
                << request.json().object().value(QStringLiteral("session_id")).toString();
        QCOMPARE(int(sessionsByUser.size()), 2);
        for (const auto &[uid, sessions] : sessionsByUser) {
            QCOMPARE(sessions.first(), uid);
            QCOMPARE(sessions.last(), uid + QStringLiteral("-restart"));
            QCOMPARE(sessions.size(), 6);
        }
    }

    void sameSeed_sameFaults()
    {
        const auto lostPerUser = [](quint32 seed) {
            LoopbackServer server;
            server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
            HttpClient client;
            LoadPlan plan = transcriptLoad(server.url("/hook"), 4, 20,
                                           {0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5});
            plan.seed = seed;
            plan.base.faultSeed = seed;
            plan.base.faults = faultsOf("gap:0.5");
            LoadRun run(plan, &client);
            if (!runToEnd(run))
                return QList<qint64>();
            QList<qint64> sent;
            for (const LoadRun::UserTotals &user : run.users())
                sent << user.sent;
            return sent;
        };
        const QList<qint64> first = lostPerUser(21);
        QCOMPARE(first.size(), 4);
        QCOMPARE(lostPerUser(21), first);
        // Each user draws its own: not every user loses the same batches.
        QVERIFY(first != lostPerUser(22) || first != lostPerUser(23));
    }
};

QTEST_MAIN(LoadFaultsTest)
#include "tst_loadfaults.moc"
