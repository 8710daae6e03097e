#include "RunHarness.h"
#include "http/HttpClient.h"
#include "simulation/engine/RunAcceptance.h"

#include <QStandardPaths>

using namespace studio;
using namespace studio::test;

Q_DECLARE_METATYPE(studio::HttpAnswer)

namespace {

RunRecord runOnce(SimulationPlan plan, bool *finished)
{
    HttpClient client;
    SimulationRun run(std::move(plan), &client);
    *finished = runToEnd(run, 40'000);
    return run.records().value(0);
}

} // namespace

// Every way a plugin can fail, and what the app (and so the run) makes of it.
class SimulationFailuresTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void answer_isJudgedAsTheAppJudgesIt_data()
    {
        using Behaviour = HttpAnswer;
        QTest::addColumn<int>("trigger");
        QTest::addColumn<Behaviour>("behaviour");
        QTest::addColumn<QString>("errorCode");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<bool>("passes");

        const int memory = int(AppTrigger::MemoryCreation);
        const int transcript = int(AppTrigger::TranscriptProcessed);
        QTest::newRow("memory: message")
            << memory << Behaviour::json(200, "{\"message\": \"Filed it\"}") << QString() << 200
            << QStringLiteral("notification") << true;
        QTest::newRow("memory: empty object") << memory << Behaviour::json(200, "{}") << QString()
                                              << 200 << QStringLiteral("silent") << true;
        QTest::newRow("transcript: short message dropped")
            << transcript << Behaviour::json(200, "{\"message\": \"ok!!\"}") << QString() << 200
            << QStringLiteral("dropped") << true;
        QTest::newRow("non-200") << memory << Behaviour::text(500, "Internal Server Error")
                                 << QString() << 500 << QStringLiteral("ignored") << false;
        QTest::newRow("204 no content") << memory << Behaviour{.status = 204} << QString() << 204
                                        << QStringLiteral("ignored") << false;
        QTest::newRow("not JSON") << memory << Behaviour::text(200, "OK") << QString() << 200
                                  << QStringLiteral("ignored") << false;
        QTest::newRow("not an object") << transcript << Behaviour::json(200, "[1, 2]") << QString()
                                       << 200 << QStringLiteral("ignored") << false;
        QTest::newRow("wrong type: message is a number")
            << memory << Behaviour::json(200, "{\"message\": 42}") << QString() << 200
            << QStringLiteral("ignored") << false;
        QTest::newRow("connection reset")
            << memory << Behaviour::reset() << QStringLiteral("connection-reset") << 0
            << QStringLiteral("ignored") << false;
        QTest::newRow("closed without answer")
            << memory << Behaviour::closeWithoutAnswer() << QStringLiteral("connection-reset") << 0
            << QStringLiteral("ignored") << false;
        QTest::newRow("garbage") << memory
                                 << Behaviour::garbage("hello, I am not HTTP at all\r\n\r\n")
                                 << QStringLiteral("protocol") << 0 << QStringLiteral("ignored")
                                 << false;
        QTest::newRow("huge body")
            << memory << Behaviour::hugeBody(24LL * 1024 * 1024)
            << QStringLiteral("response-too-large") << 200 << QStringLiteral("ignored") << false;
    }

    void answer_isJudgedAsTheAppJudgesIt()
    {
        QFETCH(int, trigger);
        QFETCH(HttpAnswer, behaviour);
        QFETCH(QString, errorCode);
        QFETCH(int, status);
        QFETCH(QString, verdict);
        QFETCH(bool, passes);
        LoopbackServer server;
        server.setRoute("/hook", behaviour);
        const PluginUnderTest plugin = testPlugin(AppTrigger(trigger), server.url("/hook"));
        const SimulationPlan plan =
            AppTrigger(trigger) == AppTrigger::MemoryCreation
                ? SimulationPlan::forMemory(plugin, smallMemory())
                : SimulationPlan::forTranscript(plugin, segmentsEndingAt({3}), {},
                                                ReplaySpeed::fast());
        bool finished = false;
        const RunRecord record = runOnce(plan, &finished);
        QVERIFY(finished);

        QCOMPARE(record.errorCode(), errorCode);
        QCOMPARE(record.result.status, status);
        QCOMPARE(record.verdict.kindName(), verdict);
        QVERIFY(!record.verdict.reason.isEmpty());
        if (!errorCode.isEmpty())
            QVERIFY(!record.result.errorMessage.isEmpty());
        QCOMPARE(RunAcceptance::evaluate({record}).passed, passes);
    }

    void refusedConnection_isAFailedRequest()
    {
        const quint16 port = closedPort();
        const QString url = QStringLiteral("http://127.0.0.1:%1/hook").arg(port);
        bool finished = false;
        const RunRecord record = runOnce(
            SimulationPlan::forMemory(testPlugin(AppTrigger::MemoryCreation, url), smallMemory()),
            &finished);
        QVERIFY(finished);
        QCOMPARE(record.result.error, HttpError::ConnectionRefused);
        QCOMPARE(record.errorCode(), QStringLiteral("connection-refused"));
        QVERIFY(record.result.errorMessage.contains(QString::number(port)));
        QVERIFY(!record.latencyMs().has_value());
        QCOMPARE(record.verdict.kind, ResponseVerdict::Kind::Ignored);
        QVERIFY(!RunAcceptance::evaluate({record}).passed);
    }

    void silentPlugin_timesOut()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}").heldUntilReleased());
        SimulationPlan plan = SimulationPlan::forMemory(
            testPlugin(AppTrigger::MemoryCreation, server.url("/hook")), smallMemory());
        plan.transport.timeoutMs = 300;
        bool finished = false;
        const RunRecord record = runOnce(plan, &finished);
        QVERIFY(finished);
        server.releaseHeldAnswers();
        QCOMPARE(record.result.error, HttpError::Timeout);
        QCOMPARE(record.verdict.kind, ResponseVerdict::Kind::Ignored);
        QVERIFY(record.requestFailed());
    }

    void neverEndingAnswer_endsAtMaxTime_andTheAppWouldStillWait()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::endlessInterim(100));
        SimulationPlan plan = SimulationPlan::forMemory(
            testPlugin(AppTrigger::MemoryCreation, server.url("/hook")), smallMemory());
        plan.transport.timeoutMs = 5'000;
        plan.transport.maxTimeMs = 1'000;
        bool finished = false;
        const RunRecord record = runOnce(plan, &finished);
        QVERIFY(finished);
        QCOMPARE(record.result.error, HttpError::MaxTimeReached);
        QCOMPARE(record.errorCode(), QStringLiteral("max-time"));
        QCOMPARE(record.result.status, 0);
        QCOMPARE(record.verdict.kind, ResponseVerdict::Kind::Ignored);
        QVERIFY2(record.verdict.reason.startsWith(
                     QStringLiteral("the answer had not ended after 1 s, when the studio stopped "
                                    "waiting: the app would still be waiting for it")),
                 qPrintable(record.verdict.reason));
        QVERIFY(record.requestFailed());
        QVERIFY(!RunAcceptance::evaluate({record}).passed);
    }

    void tls_untrustedFailsAndTrustedPasses_data()
    {
        QTest::addColumn<QString>("caFile");
        QTest::addColumn<bool>("verify");
        QTest::addColumn<bool>("succeeds");
        QTest::newRow("untrusted certificate") << QString() << true << false;
        QTest::newRow("trusted via the CA file")
            << LoopbackServer::certificatePath() << true << true;
        QTest::newRow("verification off") << QString() << false << true;
    }

    void tls_untrustedFailsAndTrustedPasses()
    {
        QFETCH(QString, caFile);
        QFETCH(bool, verify);
        QFETCH(bool, succeeds);
        LoopbackServer server(LoopbackServer::Scheme::Https);
        QVERIFY2(server.isListening(), qPrintable(server.errorString()));
        server.setRoute("/hook",
                        LoopbackServer::Behaviour::json(200, "{\"message\": \"over TLS\"}"));
        SimulationPlan plan = SimulationPlan::forMemory(
            testPlugin(AppTrigger::MemoryCreation, server.url("/hook")), smallMemory());
        plan.transport.caFile = caFile;
        plan.transport.verifyTls = verify;
        bool finished = false;
        const RunRecord record = runOnce(plan, &finished);
        QVERIFY(finished);
        if (succeeds) {
            QCOMPARE(record.result.status, 200);
            QCOMPARE(record.verdict.kind, ResponseVerdict::Kind::Notification);
            QVERIFY(record.result.timings.tlsMs > 0);
        } else {
            QCOMPARE(record.result.error, HttpError::TlsFailure);
            QVERIFY(record.requestFailed());
        }
    }
};

QTEST_GUILESS_MAIN(SimulationFailuresTest)
#include "tst_simulationfailures.moc"
