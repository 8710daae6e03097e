#include "RunHarness.h"
#include "http/HttpClient.h"
#include "simulation/engine/RunAcceptance.h"
#include "simulation/engine/SetupCheckRun.h"

#include <QStandardPaths>

using namespace studio;
using namespace studio::test;

Q_DECLARE_METATYPE(studio::HttpAnswer)

namespace {

struct CheckOutcome
{
    bool finished = false;
    RunRecord record;
    SetupVerdict verdict;
};

CheckOutcome check(const QString &url, const QString &uid = QStringLiteral("user-1"))
{
    HttpClient client;
    SetupCheckRun run(testPlugin(AppTrigger::MemoryCreation, QString()), url, uid, {}, &client);
    QSignalSpy finished(&run, &SetupCheckRun::finished);
    run.start();
    CheckOutcome outcome;
    outcome.finished = finished.wait(20'000);
    outcome.record = run.record();
    outcome.verdict = run.verdict();
    return outcome;
}

} // namespace

// The setup check: GET <setup_completed_url>?uid=..., judged as the app judges it.
class SetupCheckRunTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void answer_decidesWhetherTheAppEnablesThePlugin_data()
    {
        using Behaviour = HttpAnswer;
        QTest::addColumn<Behaviour>("behaviour");
        QTest::addColumn<bool>("ready");
        QTest::addColumn<QString>("reason");
        QTest::newRow("true") << Behaviour::json(200, "{\"is_setup_completed\": true}") << true
                              << QStringLiteral("setup completed");
        QTest::newRow("false") << Behaviour::json(200, "{\"is_setup_completed\": false}") << false
                               << QStringLiteral("is false");
        QTest::newRow("missing key") << Behaviour::json(200, "{\"completed\": true}") << false
                                     << QStringLiteral("has no \"is_setup_completed\"");
        QTest::newRow("string, not boolean")
            << Behaviour::json(200, "{\"is_setup_completed\": \"true\"}") << false
            << QStringLiteral("not the boolean true");
        QTest::newRow("non-200") << Behaviour::json(503, "{\"is_setup_completed\": true}") << false
                                 << QStringLiteral("status 503");
        QTest::newRow("not JSON") << Behaviour::text(200, "yes") << false
                                  << QStringLiteral("not JSON");
    }

    void answer_decidesWhetherTheAppEnablesThePlugin()
    {
        QFETCH(HttpAnswer, behaviour);
        QFETCH(bool, ready);
        QFETCH(QString, reason);
        LoopbackServer server;
        server.setRoute("/setup/done", behaviour);
        const CheckOutcome outcome = check(server.url("/setup/done"));
        QVERIFY(outcome.finished);

        QCOMPARE(server.requestCount(), 1);
        const HttpServerRequest received = server.requests().first();
        QCOMPARE(received.method, QByteArray("GET"));
        QCOMPARE(received.target, QByteArray("/setup/done?uid=user-1"));
        QVERIFY(received.body.isEmpty());

        QCOMPARE(outcome.verdict.ready, ready);
        QVERIFY2(outcome.verdict.reason.contains(reason), qPrintable(outcome.verdict.reason));
        if (!ready)
            QVERIFY(outcome.verdict.reason.startsWith(SetupCheckJudge::refusal()));
        QCOMPARE(outcome.record.verdict.reason, outcome.verdict.reason);
        QCOMPARE(outcome.record.verdict.kind,
                 ready ? ResponseVerdict::Kind::Silent : ResponseVerdict::Kind::Ignored);
        QCOMPARE(RunAcceptance::evaluateSetupCheck(outcome.record, outcome.verdict).passed, ready);
    }

    void unreachable_isNotReady()
    {
        const quint16 port = closedPort();
        const CheckOutcome outcome = check(QStringLiteral("http://127.0.0.1:%1/setup").arg(port));
        QVERIFY(outcome.finished);
        QVERIFY(!outcome.verdict.ready);
        QCOMPARE(outcome.record.result.error, HttpError::ConnectionRefused);
        QVERIFY(outcome.verdict.reason.contains(u"connection refused"));
        QVERIFY(!RunAcceptance::evaluateSetupCheck(outcome.record, outcome.verdict).passed);
    }

    void uid_isPercentEncoded()
    {
        LoopbackServer server;
        server.setRoute("/setup",
                        LoopbackServer::Behaviour::json(200, "{\"is_setup_completed\": true}"));
        const CheckOutcome outcome = check(server.url("/setup"), QStringLiteral("a&b c"));
        QVERIFY(outcome.finished);
        QCOMPARE(server.requests().first().target, QByteArray("/setup?uid=a%26b%20c"));
    }

    void runInfo_namesTheSetupCheck()
    {
        HttpClient client;
        SetupCheckRun run(testPlugin(AppTrigger::MemoryCreation, QString()),
                          QStringLiteral("http://127.0.0.1:1/setup"), QStringLiteral("u"), {},
                          &client);
        QCOMPARE(run.runInfo().trigger, QStringLiteral("setup_check"));
        QCOMPARE(run.runInfo().pluginId, QStringLiteral("test-plugin"));
    }
};

QTEST_GUILESS_MAIN(SetupCheckRunTest)
#include "tst_setupcheckrun.moc"
