#include "LoadHarness.h"
#include "http/HttpClient.h"
#include "simulation/engine/LatestWins.h"

#include <QSet>
#include <QStandardPaths>

#include <algorithm>
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

    void audio_duplicateWaitsForItsOriginalsAnswer()
    {
        LoopbackServer server;
        server.setRoute("/audio", HttpAnswer::text(200, "ok"));
        HttpClient client;
        // Two half-second chunks a user, half a second apart: each chunk's copy waits in the
        // user's buffer until the original is answered, then goes with the same key.
        LoadPlan plan = audioLoad(server.url("/audio"), 2, 1, 1, 0.5);
        plan.base.faults = faultsOf("duplicate:1,slow-network:20");
        LoadRun run(plan, &client);
        QVERIFY(runToEnd(run));

        std::map<QByteArray, QList<QByteArray>> bodiesByKey;
        for (const HttpServerRequest &request : server.requests()) {
            const QByteArray key = request.header("X-Omi-Idempotency-Key");
            QVERIFY(key.startsWith(uidOf(request).toLatin1()));
            bodiesByKey[key] << request.body;
        }
        const LoadSummary summary = run.summary();
        // A copy its buffer dropped (a newer chunk fell due before the original's answer, on
        // a busy machine) is never sent; every key the server saw twice carried one chunk.
        QCOMPARE(qint64(server.requestCount()) + summary.dropped, qint64(8));
        int pairs = 0;
        for (const auto &[key, bodies] : bodiesByKey) {
            QVERIFY(bodies.size() <= 2);
            if (bodies.size() == 2) {
                QCOMPARE(bodies.at(0), bodies.at(1));
                ++pairs;
            }
        }
        QCOMPARE(summary.run.duplicatesCompared, pairs);
        QCOMPARE(summary.run.duplicatesAnsweredDifferently, 0);
        QCOMPARE(summary.run.faulted, 8);
        for (const LoadRecord &load : run.keptRecords())
            QVERIFY(load.record.faults.contains(QStringLiteral("slow-network:20")));
    }

    void audio_lostChunksNeverEnterTheBuffer()
    {
        LoopbackServer server;
        server.setRoute("/audio", HttpAnswer::text(200, "ok").afterDelay(1500));
        HttpClient client;
        // Sixteen chunks a user, all due within a second at 4x, while the first one sent is
        // out for 1.5 s: its buffer keeps the newest chunk not lost, dropping the others; a
        // lost chunk is recorded at once and replaces nothing.
        LoadPlan plan = audioLoad(server.url("/audio"), 2, 4, 4, 0.25);
        plan.base.faults = faultsOf("gap:0.5");
        LoadRun run(plan, &client);
        QVERIFY(runToEnd(run));

        std::map<int, QList<int>> notLost;
        std::map<int, QList<int>> sent;
        for (const LoadRecord &load : run.keptRecords()) {
            if (load.record.lostByFault()) {
                QVERIFY(!LatestWins::dropped(load.record));
                continue;
            }
            notLost[load.user] << load.record.index;
            if (load.record.sent())
                sent[load.user] << load.record.index;
            else
                QVERIFY2(LatestWins::dropped(load.record), qPrintable(load.record.notSentReason));
        }
        qint64 dropped = 0;
        for (int user = 0; user < 2; ++user) {
            QList<int> &chunks = notLost[user];
            std::sort(chunks.begin(), chunks.end());
            QVERIFY(chunks.size() >= 2);
            std::sort(sent[user].begin(), sent[user].end());
            QCOMPARE(sent[user], (QList<int>{chunks.first(), chunks.last()}));
            dropped += chunks.size() - 2;
        }
        const LoadSummary summary = run.summary();
        QCOMPARE(summary.dropped, dropped);
        QCOMPARE(summary.run.lost + summary.dropped + summary.sent, qint64(32));
        QCOMPARE(qint64(server.requestCount()), summary.sent);
    }

    void audio_burstFlushedAtOnce_dropsAllButItsNewest()
    {
        LoopbackServer server;
        server.setRoute("/audio", HttpAnswer::text(200, "ok"));
        HttpClient client;
        // Twelve chunks a user in real time: the burst holds three, all due at the last
        // one's time. One goes (or waits), and each newer one drops the one waiting.
        LoadPlan plan = audioLoad(server.url("/audio"), 2, 1, 3, 0.25);
        plan.base.faults = faultsOf("burst");
        LoadRun run(plan, &client);
        QVERIFY(runToEnd(run));

        QCOMPARE(plan.requestsPerRound(), 12);
        std::map<int, int> burstDropped;
        std::map<int, int> burstSent;
        for (const LoadRecord &load : run.keptRecords()) {
            if (!load.record.faults.contains(QStringLiteral("burst")))
                continue;
            burstDropped[load.user] += LatestWins::dropped(load.record) ? 1 : 0;
            burstSent[load.user] += load.record.sent() ? 1 : 0;
        }
        for (int user = 0; user < 2; ++user) {
            QVERIFY2(burstDropped[user] >= 1, qPrintable(QString::number(user)));
            QVERIFY(burstSent[user] >= 1);
            QCOMPARE(run.users()[std::size_t(user)].sent + run.users()[std::size_t(user)].dropped,
                     qint64(12));
        }
        QVERIFY(LoadAcceptance::evaluate(run.summary(), {}).passed);
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
