#include "LoadHarness.h"
#include "http/HttpClient.h"
#include "simulation/engine/LatestWins.h"

#include <QSet>
#include <QStandardPaths>

#include <algorithm>
#include <map>

using namespace studio;
using namespace studio::test;

namespace {

// The bytes of chunk `index` of audioLoad's recording: half a second is 4000 bytes.
QByteArray chunkBytes(const LoadPlan &plan, int index)
{
    return plan.base.chunks.at(index).pcm;
}

// The bodies the server received, by uid, in the order they arrived.
std::map<QString, QList<QByteArray>> bodiesByUser(const LoopbackServer &server)
{
    std::map<QString, QList<QByteArray>> bodies;
    for (const HttpServerRequest &request : server.requests())
        bodies[uidOf(request)] << request.body;
    return bodies;
}

// The most requests of one user out at once, counted as the run sends and completes them.
class OutPerUser : public QObject
{
public:
    explicit OutPerUser(LoadRun &run)
    {
        connect(&run, &LoadRun::requestSent, this,
                [this](int user, int, int) { most = std::max(most, ++m_out[user]); });
        connect(&run, &LoadRun::recordCompleted, this, [this](const LoadRecord &load) {
            if (load.record.sent())
                --m_out[load.user];
        });
    }
    int most = 0;

private:
    std::map<int, int> m_out;
};

} // namespace

// audio_bytes under load against a real loopback server: each user streams the recording
// through its own latest-wins buffer, as the app does, and one user's slow answers drop that
// user's chunks only.
class LoadAudioTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void users_streamTheRecordingsChunksInOrder()
    {
        LoopbackServer server;
        server.setRoute("/audio", HttpAnswer::text(200, "ok"));
        HttpClient client;
        // Four half-second chunks a user, 250 ms apart at 2x.
        const LoadPlan plan = audioLoad(server.url("/audio"), 3, 2, 2, 0.5);
        LoadRun run(plan, &client);
        QVERIFY(runToEnd(run));

        QCOMPARE(plan.requestsPerRound(), 4);
        for (const HttpServerRequest &request : server.requests()) {
            QCOMPARE(request.method, QByteArray("POST"));
            QCOMPARE(request.header("Content-Type"), QByteArray("application/octet-stream"));
            QVERIFY2(request.target.startsWith("/audio?sample_rate=4000&uid=load-3-"),
                     request.target.constData());
        }
        // A chunk its user's buffer dropped (an answer slower than a chunk, on a busy
        // machine) never reaches the server; every other goes, in the recording's order.
        std::map<QString, QSet<int>> dropped;
        for (const LoadRecord &load : run.keptRecords())
            if (LatestWins::dropped(load.record))
                dropped[plan.uidOf(load.user)].insert(load.record.index);
        const std::map<QString, QList<QByteArray>> bodies = bodiesByUser(server);
        QCOMPARE(bodies.size(), std::size_t(3));
        for (int user = 0; user < 3; ++user) {
            const QString uid = plan.uidOf(user);
            QList<QByteArray> expected;
            for (int chunk = 0; chunk < 4; ++chunk)
                if (!dropped[uid].contains(chunk))
                    expected << chunkBytes(plan, chunk);
            QCOMPARE(bodies.at(uid), expected);
            QVERIFY(!dropped[uid].contains(3)); // the newest always goes
        }

        const LoadSummary summary = run.summary();
        QCOMPARE(summary.run.count, 12);
        QCOMPARE(summary.sent + summary.dropped, qint64(12));
        QCOMPARE(qint64(server.requestCount()), summary.sent);
        QCOMPARE(summary.run.errors, 0);
        QCOMPARE(run.runInfo().trigger, QStringLiteral("audio_bytes"));
        QCOMPARE(run.runInfo().batching, QStringLiteral("0.5 s chunks at 4000 Hz"));
        QVERIFY(std::any_of(
            run.keptRecords().cbegin(), run.keptRecords().cend(), [](const LoadRecord &load) {
                return load.record.label == QStringLiteral("load-3-2, round 1, chunk 2 (0.5-1 s)");
            }));
    }

    void slowAnswers_dropThatUsersChunksOnly()
    {
        LoopbackServer server;
        HttpClient client;
        // Eight quarter-second chunks a user in real time; the first user's answers take a
        // second, so three more of its chunks fall due while one is out.
        const LoadPlan plan = audioLoad(server.url("/audio"), 3, 1, 2, 0.25);
        const QString slowUid = plan.uidOf(0);
        answerOneUserSlowly(server, "/audio", slowUid, 1000);
        LoadRun run(plan, &client);
        const OutPerUser out(run);
        QVERIFY(runToEnd(run));

        QCOMPARE(out.most, 1); // never two requests of one user at once
        const LoadRun::UserTotals &slow = run.users()[0];
        QVERIFY2(slow.dropped > 0, qPrintable(QString::number(slow.dropped)));
        QCOMPARE(slow.sent + slow.dropped, qint64(8));
        // The others went on as if the first were not there.
        for (int user = 1; user < 3; ++user) {
            QCOMPARE(run.users()[std::size_t(user)].dropped, qint64(0));
            QCOMPARE(run.users()[std::size_t(user)].sent, qint64(8));
        }
        int droppedRecords = 0;
        for (const LoadRecord &load : run.keptRecords()) {
            if (load.record.sent())
                continue;
            QCOMPARE(load.user, 0);
            QVERIFY2(LatestWins::dropped(load.record), qPrintable(load.record.notSentReason));
            QCOMPARE(load.record.payloadBytes, qint64(2000)); // what it would have carried
            QVERIFY(load.record.label.startsWith(slowUid));
            ++droppedRecords;
        }
        QCOMPARE(qint64(droppedRecords), slow.dropped);
        const QList<QByteArray> slowBodies = bodiesByUser(server).at(slowUid);
        QCOMPARE(qint64(slowBodies.size()), slow.sent);
        QCOMPARE(slowBodies.first(), chunkBytes(plan, 0));
        QCOMPARE(slowBodies.last(), chunkBytes(plan, 7)); // the newest always goes

        // Dropping is the app working as designed: no error, and the run passes.
        const LoadSummary summary = run.summary();
        QCOMPARE(summary.dropped, slow.dropped);
        QCOMPARE(qint64(summary.run.notSent), summary.dropped);
        QCOMPARE(summary.errorRate(), 0.0);
        QVERIFY(summary.errorsByKind.empty());
        QVERIFY(LoadAcceptance::evaluate(summary, {}).passed);
    }

    void capOnRequestsInFlight_appliesOnTopOfEachBuffer()
    {
        LoopbackServer server;
        server.setRoute("/audio", HttpAnswer::text(200, "ok").heldUntilReleased());
        HttpClient client;
        // Two half-second chunks a user, due at 0.5 and 1 s; one request out at a time.
        LoadPlan plan = audioLoad(server.url("/audio"), 3, 1, 1, 0.5);
        plan.maxInFlight = 1;
        LoadRun run(plan, &client);
        int inFlight = 0;
        int mostInFlight = 0;
        connect(&run, &LoadRun::requestSent, this,
                [&] { mostInFlight = std::max(mostInFlight, ++inFlight); });
        connect(&run, &LoadRun::recordCompleted, this,
                [&](const LoadRecord &load) { inFlight -= load.record.sent() ? 1 : 0; });
        run.start();

        // The first user's first chunk goes; the others' wait for the cap. Each user's second
        // chunk then waits in its own buffer for its first one's answer.
        QVERIFY(server.waitForRequests(1));
        QTRY_COMPARE_WITH_TIMEOUT(run.bufferedCount(), 3, 5000);
        QCOMPARE(run.waitingCount(), 2);
        QCOMPARE(server.requestCount(), 1);
        for (int round = 0; round < 50 && !run.isFinished(); ++round) {
            server.releaseHeldAnswers();
            QTest::qWait(50);
        }
        QVERIFY(waitUntilFinished(run));

        QCOMPARE(mostInFlight, 1);
        QCOMPARE(server.requestCount(), 6);
        const std::map<QString, QList<QByteArray>> bodies = bodiesByUser(server);
        for (int user = 0; user < 3; ++user)
            QCOMPARE(bodies.at(plan.uidOf(user)),
                     (QList<QByteArray>{chunkBytes(plan, 0), chunkBytes(plan, 1)}));
        const LoadSummary summary = run.summary();
        QCOMPARE(summary.dropped, qint64(0));
        QVERIFY2(summary.late >= 2, qPrintable(QString::number(summary.late))); // the cap's
        for (const LoadRecord &load : run.keptRecords())
            QVERIFY(load.waitedMs >= 0 && load.lateMs() <= double(load.record.schedulingErrorMs()));
    }

    void stop_countsTheChunksWaitingInBuffersAsLeft()
    {
        LoopbackServer server;
        server.setRoute("/audio", HttpAnswer::text(200, "ok").heldUntilReleased());
        HttpClient client;
        // Three quarter-second chunks at 1x: the first stays unanswered, the second is dropped
        // for the third, which waits.
        LoadRun run(audioLoad(server.url("/audio"), 1, 1, 0.75, 0.25), &client);
        run.start();
        QVERIFY(server.waitForRequests(1));
        QTRY_COMPARE_WITH_TIMEOUT(run.summary().dropped, qint64(1), 5000);
        QCOMPARE(run.bufferedCount(), 1);
        run.stop();
        QVERIFY(waitUntilFinished(run));
        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(run.summary().left, qint64(1));
        QCOMPARE(run.bufferedCount(), 0);
        QVERIFY(!LoadAcceptance::evaluate(run.summary(), {}).passed);
    }
};

QTEST_MAIN(LoadAudioTest)
#include "tst_loadaudio.moc"
