#include "RunHarness.h"
#include "http/HttpClient.h"
#include "simulation/payload/MemoryPayload.h"
#include "simulation/payload/TranscriptPayload.h"

#include <QSet>
#include <QStandardPaths>

using namespace studio;
using namespace studio::test;

// What reaches the plugin: the exact URL, headers and body of each request, checked on the
// loopback server's side of the wire.
class SimulationRequestsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void url_carriesTheUidAsTheAppAppendsIt_data()
    {
        QTest::addColumn<QByteArray>("webhookTarget");
        QTest::addColumn<QString>("uid");
        QTest::addColumn<QByteArray>("expectedTarget");
        QTest::newRow("no query") << QByteArray("/hook") << QStringLiteral("user-1")
                                  << QByteArray("/hook?uid=user-1");
        QTest::newRow("query") << QByteArray("/hook?lang=en") << QStringLiteral("user-1")
                               << QByteArray("/hook?lang=en&uid=user-1");
        QTest::newRow("percent-encoded") << QByteArray("/hook") << QStringLiteral("a b/c&d=\u00e9")
                                         << QByteArray("/hook?uid=a%20b%2Fc%26d%3D%C3%A9");
    }

    void url_carriesTheUidAsTheAppAppendsIt()
    {
        QFETCH(QByteArray, webhookTarget);
        QFETCH(QString, uid);
        QFETCH(QByteArray, expectedTarget);
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        const QString url = server.url(webhookTarget);
        SimulationPlan plan =
            SimulationPlan::forMemory(testPlugin(AppTrigger::MemoryCreation, url), smallMemory());
        plan.uid = uid;
        SimulationRun run(plan, &client);
        QVERIFY(runToEnd(run));

        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(server.requests().first().target, expectedTarget);
        QCOMPARE(server.requests().first().query().queryItemValue(QStringLiteral("uid"),
                                                                  QUrl::FullyDecoded),
                 uid);
    }

    void urlOverride_replacesTheManifestsUrl()
    {
        LoopbackServer server;
        server.setRoute("/local/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        const PluginUnderTest plugin = testPlugin(
            AppTrigger::MemoryCreation, QStringLiteral("https://plugin.invalid/production/hook"));
        SimulationPlan plan = SimulationPlan::forMemory(plugin, smallMemory());
        plan.webhookUrl = server.url("/local/hook");
        SimulationRun run(plan, &client);
        QVERIFY(runToEnd(run));

        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(server.requests().first().target,
                 QByteArray("/local/hook?uid=") + SimulationPlan::kDefaultUid);
        QCOMPARE(run.records().first().result.status, 200);
    }

    void memoryBody_isTheProfilesPayload_data()
    {
        QTest::addColumn<int>("profile");
        QTest::addColumn<QString>("presentKey");
        QTest::addColumn<QString>("absentKey");
        QTest::newRow("backend") << int(PayloadProfile::Backend)
                                 << QStringLiteral("transcript_segments")
                                 << QStringLiteral("transcript");
        QTest::newRow("guide") << int(PayloadProfile::Guide) << QStringLiteral("transcript")
                               << QStringLiteral("transcriptSegments");
        QTest::newRow("app-2024-07")
            << int(PayloadProfile::App202407) << QStringLiteral("transcriptSegments")
            << QStringLiteral("transcript_segments");
    }

    void memoryBody_isTheProfilesPayload()
    {
        QFETCH(int, profile);
        QFETCH(QString, presentKey);
        QFETCH(QString, absentKey);
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        const Memory memory = smallMemory();
        SimulationRun run(
            SimulationPlan::forMemory(testPlugin(AppTrigger::MemoryCreation, server.url("/hook")),
                                      memory, PayloadProfile(profile)),
            &client);
        QVERIFY(runToEnd(run));

        QCOMPARE(server.requestCount(), 1);
        const HttpServerRequest received = server.requests().first();
        QCOMPARE(received.method, QByteArray("POST"));
        QCOMPARE(received.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(received.header("User-Agent"), QByteArray(HttpClient::kUserAgent));
        QCOMPARE(received.body, MemoryPayload::body(memory, PayloadProfile(profile)));
        const QJsonObject body = received.json().object();
        QVERIFY2(body.contains(presentKey), qPrintable(presentKey));
        QVERIFY2(!body.contains(absentKey), qPrintable(absentKey));
        QCOMPARE(run.records().first().payloadBytes, received.body.size());
    }

    void transcriptBody_carriesTheSessionAndTheNewSegments_data()
    {
        QTest::addColumn<QString>("sessionId");
        QTest::addColumn<QString>("expectedSession");
        QTest::newRow("default: the uid") << QString() << QStringLiteral("user-1");
        QTest::newRow("per conversation")
            << QStringLiteral("conversation-7") << QStringLiteral("conversation-7");
    }

    void transcriptBody_carriesTheSessionAndTheNewSegments()
    {
        QFETCH(QString, sessionId);
        QFETCH(QString, expectedSession);
        LoopbackServer server;
        server.setRoute("/segments", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        const QList<TranscriptSegment> segments = segmentsEndingAt({3, 8, 31, 40});
        SimulationPlan plan = SimulationPlan::forTranscript(
            testPlugin(AppTrigger::TranscriptProcessed, server.url("/segments")), segments, {},
            ReplaySpeed::fast());
        plan.uid = QStringLiteral("user-1");
        plan.sessionId = sessionId;
        SimulationRun run(plan, &client);
        QVERIFY(runToEnd(run));

        const QList<HttpServerRequest> received = server.requests();
        QCOMPARE(received.size(), 2);
        QCOMPARE(received[0].body, TranscriptPayload::body(segments.mid(0, 2), expectedSession));
        QCOMPARE(received[1].body, TranscriptPayload::body(segments.mid(2, 2), expectedSession));
        for (const HttpServerRequest &request : received) {
            QCOMPARE(request.target, QByteArray("/segments?uid=user-1"));
            QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
        }
    }

    void everyRequest_opensItsOwnConnection_data()
    {
        QTest::addColumn<bool>("reuse");
        QTest::addColumn<int>("connections");
        QTest::newRow("the app: a new connection per call") << false << 3;
        QTest::newRow("kept alive on request") << true << 1;
    }

    void everyRequest_opensItsOwnConnection()
    {
        QFETCH(bool, reuse);
        QFETCH(int, connections);
        LoopbackServer server;
        server.setRoute("/segments", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        SimulationPlan plan = SimulationPlan::forTranscript(
            testPlugin(AppTrigger::TranscriptProcessed, server.url("/segments")),
            segmentsEndingAt({10, 40, 70}), {}, ReplaySpeed::fast());
        plan.transport.reuseConnection = reuse;
        SimulationRun run(plan, &client);
        QVERIFY(runToEnd(run));

        QSet<int> seen;
        for (const HttpServerRequest &request : server.requests())
            seen.insert(request.connection);
        QCOMPARE(server.requestCount(), 3);
        QCOMPARE(int(seen.size()), connections);
    }

    void timeout_isTheAppsByDefault()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        SimulationRun run(
            SimulationPlan::forMemory(testPlugin(AppTrigger::MemoryCreation, server.url("/hook")),
                                      smallMemory()),
            &client);
        QVERIFY(runToEnd(run));
        QCOMPARE(run.records().first().result.request.timeoutMs, 30'000);
    }
};

QTEST_GUILESS_MAIN(SimulationRequestsTest)
#include "tst_simulationrequests.moc"
