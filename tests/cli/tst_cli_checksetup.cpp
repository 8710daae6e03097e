#include "CliReports.h"
#include "CliRunner.h"
#include "LoopbackServer.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace studio::test;
using Behaviour = studio::HttpAnswer;

Q_DECLARE_METATYPE(studio::HttpAnswer)

namespace {

QStringList checkSetup(const QString &url, const QStringList &more = {})
{
    return QStringList{QStringLiteral("check-setup"), QStringLiteral("--manifest"),
                       testData("memory-manifest.json"), QStringLiteral("--url"), url} +
           more;
}

} // namespace

// plugin-studio check-setup, as CI scripts run it: the real executable against a real server.
class CliCheckSetupTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void help_documentsTheCommand()
    {
        const CliRun help = runCli({QStringLiteral("check-setup"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.outText().contains(u"Usage: plugin-studio check-setup --manifest FILE"));
        QVERIFY(help.outText().contains(u"is_setup_completed"));
    }

    void answer_decidesTheExitCode_data()
    {
        QTest::addColumn<Behaviour>("behaviour");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrSays");
        QTest::newRow("completed") << Behaviour::json(200, "{\"is_setup_completed\": true}") << 0
                                   << QStringLiteral("200, ");
        QTest::newRow("not completed")
            << Behaviour::json(200, "{\"is_setup_completed\": false}") << 1
            << QStringLiteral("not ready: Plugin setup is not completed");
        QTest::newRow("missing key")
            << Behaviour::json(200, "{}") << 1 << QStringLiteral("has no \"is_setup_completed\"");
        QTest::newRow("non-200") << Behaviour::json(404, "{\"detail\": \"Not Found\"}") << 1
                                 << QStringLiteral("status 404");
    }

    void answer_decidesTheExitCode()
    {
        QFETCH(Behaviour, behaviour);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrSays);
        LoopbackServer server;
        server.setRoute("/setup/status", behaviour);
        QTemporaryDir out;
        const QString report = out.filePath(QStringLiteral("setup.json"));
        const QString junit = out.filePath(QStringLiteral("setup.xml"));
        const CliRun run = runCli(
            checkSetup(server.url("/setup/status"),
                       {QStringLiteral("--uid"), QStringLiteral("user 7"),
                        QStringLiteral("--report"), report, QStringLiteral("--junit"), junit}));
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.errText().contains(stderrSays), qPrintable(run.errText()));
        QVERIFY(run.errText().contains(u"[1/1] setup check: "));
        if (exitCode == 0)
            QVERIFY(run.errText().contains(u": ready: setup completed"));

        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(server.requests().first().method, QByteArray("GET"));
        QCOMPARE(server.requests().first().target, QByteArray("/setup/status?uid=user%207"));

        const QJsonObject json = readJsonObject(report);
        QCOMPARE(json.value(QStringLiteral("run"))
                     .toObject()
                     .value(QStringLiteral("trigger"))
                     .toString(),
                 QStringLiteral("setup_check"));
        const QJsonArray requests = json.value(QStringLiteral("requests")).toArray();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().toObject().value(QStringLiteral("verdict")).toString(),
                 exitCode == 0 ? QStringLiteral("silent") : QStringLiteral("ignored"));
        const JUnitCounts counts = readJUnit(junit);
        QVERIFY(counts.parsed);
        QCOMPARE(counts.failures, exitCode == 0 ? 0 : 1);
    }

    void unreachable_exitsWithOne()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        const CliRun run = runCli(checkSetup(QStringLiteral("http://127.0.0.1:%1/setup").arg(port),
                                             {QStringLiteral("--quiet")}));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().startsWith(u"plugin-studio: failed: Plugin setup is not completed: "
                                          u"the setup check failed (connection refused"),
                 qPrintable(run.errText()));
    }

    void pluginWithoutSetupUrl_needsNoCheck()
    {
        const CliRun run = runCli({QStringLiteral("check-setup"), QStringLiteral("--manifest"),
                                   testData("transcript-manifest.json")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.errText().contains(u"needs no setup"), qPrintable(run.errText()));
        QVERIFY(run.errText().contains(u"nothing sent"));
    }

    void manifestsSetupUrl_isUsedWithoutOverride()
    {
        // The manifest points at plugin.invalid, which cannot resolve: the check runs against
        // it and fails, proving the manifest's URL was the one used.
        const CliRun run = runCli({QStringLiteral("check-setup"), QStringLiteral("--manifest"),
                                   testData("memory-manifest.json"), QStringLiteral("--timeout"),
                                   QStringLiteral("5")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(
                     u"GET https://plugin.invalid/setup/status?uid=plugin-studio-test-uid"),
                 qPrintable(run.errText()));
    }

    void usageErrors_exitWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no manifest")
            << QStringList{QStringLiteral("check-setup")} << "--manifest FILE is required";
        QTest::newRow("positional")
            << QStringList{QStringLiteral("check-setup"), QStringLiteral("x.json")}
            << "unexpected argument 'x.json'";
        QTest::newRow("index needs --entry")
            << QStringList{QStringLiteral("check-setup"), QStringLiteral("--manifest"),
                           testData("two-entries.json")}
            << "choose one with --entry ID";
    }

    void usageErrors_exitWithTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(message), qPrintable(run.errText()));
    }
};

QTEST_GUILESS_MAIN(CliCheckSetupTest)
#include "tst_cli_checksetup.moc"
