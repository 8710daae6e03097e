// plugin-studio serve as a script runs it: the real executable in a child process, spoken
// to over 127.0.0.1, stopped by signals.
#include "CliRunner.h"
#include "LoopbackServer.h"
#include "RunningCli.h"
#include "SendAndWait.h"
#include "http/HttpClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <csignal>

using namespace studio;
using namespace studio::test;

class CliServeTest : public QObject
{
    Q_OBJECT

private slots:
    void help_documentsTheEndpoints();
    void firstLine_isTheBaseUrl_andRootListsTheEndpoints();
    void sigint_andSigterm_stopItCleanly();
    void portInUse_isAClearError();
    void badOptions_areUsageErrors();
};

namespace {

HttpResult get(const QString &url)
{
    HttpClient client;
    HttpRequest request;
    request.method = "GET";
    request.url = url;
    return sendAndWait(client, request);
}

} // namespace

void CliServeTest::help_documentsTheEndpoints()
{
    const CliRun help = runCli({QStringLiteral("serve"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *path : {"/memory", "/transcript", "/proactive", "/setup/status"})
        QVERIFY(help.outText().contains(QString::fromLatin1(path)));
    QVERIFY(help.outText().contains(u"(default 8780)"));
}

void CliServeTest::firstLine_isTheBaseUrl_andRootListsTheEndpoints()
{
    RunningCli serve({QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0")});
    const QString base = serve.firstLine();
    QVERIFY2(base.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(serve.err()));

    const HttpResult root = get(base + u'/');
    QCOMPARE(root.status, 200);
    const QJsonArray endpoints =
        QJsonDocument::fromJson(root.body).object().value(QStringLiteral("endpoints")).toArray();
    QCOMPARE(endpoints.size(), 5);
    QCOMPARE(endpoints.first().toObject().value(QStringLiteral("url")).toString(),
             base + QStringLiteral("/memory"));
    // The endpoints follow the base URL on stdout, a line per request goes to stderr.
    QVERIFY(serve.out().contains(QStringLiteral("memory_creation         %1/memory").arg(base)));
    QVERIFY(serve.waitForErr(QStringLiteral(" GET / 200 ")));
    QVERIFY(serve.stop(SIGTERM));
}

void CliServeTest::sigint_andSigterm_stopItCleanly()
{
    for (const int signal : {SIGINT, SIGTERM}) {
        RunningCli serve({QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
                          QStringLiteral("--quiet")});
        QVERIFY(!serve.firstLine().isEmpty());
        QVERIFY(serve.stop(signal));
        QVERIFY(!serve.crashed());
        QCOMPARE(serve.exitCode(), 0);
        QVERIFY(serve.err().contains(u"plugin-studio: stopped"));
    }
}

void CliServeTest::portInUse_isAClearError()
{
    LoopbackServer taken;
    const CliRun run = runCli({QStringLiteral("serve"), QStringLiteral("--port"),
                               QString::number(taken.port())});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(QStringLiteral("cannot listen on 127.0.0.1:%1: the port is "
                                                   "already in use")
                                        .arg(taken.port())),
             qPrintable(run.errText()));
    QVERIFY(run.out.isEmpty());
}

void CliServeTest::badOptions_areUsageErrors()
{
    const CliRun port = runCli({QStringLiteral("serve"), QStringLiteral("--port"),
                                QStringLiteral("70000")});
    QCOMPARE(port.exitCode, 2);
    QVERIFY(port.errText().contains(u"--port: '70000' is not a port number"));
    const CliRun host = runCli({QStringLiteral("serve"), QStringLiteral("--host"),
                                QStringLiteral("my.host")});
    QCOMPARE(host.exitCode, 2);
    QVERIFY(host.errText().contains(u"--host: 'my.host' is not an IP address"));
    const CliRun extra = runCli({QStringLiteral("serve"), QStringLiteral("now")});
    QCOMPARE(extra.exitCode, 2);
}

QTEST_GUILESS_MAIN(CliServeTest)
#include "tst_cli_serve.moc"
