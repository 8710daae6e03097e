#include "runview/CurlCommand.h"
#include "RealRuns.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace studio;
using namespace studio::test;

namespace {

// Runs `command` the way a user pastes it: one bash command line.
bool runInShell(const QString &command, QByteArray *output = nullptr)
{
    QProcess shell;
    // An argument is limited to 128 KB: a longer command line goes in on standard input.
    if (command.size() < 100'000) {
        shell.start(QStringLiteral("bash"), {QStringLiteral("-c"), command});
    } else {
        shell.start(QStringLiteral("bash"), {QStringLiteral("-s")});
        shell.write(command.toUtf8() + '\n');
        shell.closeWriteChannel();
    }
    if (!shell.waitForFinished(20'000))
        return false;
    if (output)
        *output = shell.readAllStandardOutput() + shell.readAllStandardError();
    return shell.exitStatus() == QProcess::NormalExit && shell.exitCode() == 0;
}

} // namespace

// Copy as curl: the command, run for real, sends the server what the app sent.
class CurlCommandTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QSKIP("curl is not installed");
    }

    void curl_resendsTheRecordedRequest()
    {
        LoopbackServer server;
        const RunRecord record = memoryExchange(
            server, "/hook", LoopbackServer::Behaviour::json(200, R"({"message":"Hi there"})"));
        QCOMPARE(server.requestCount(), 1);
        const HttpServerRequest original = server.requests().first();

        const QString command = CurlCommand::forResult(record.result);
        QVERIFY(command.startsWith(QStringLiteral("curl ")));
        QVERIFY(command.contains(QStringLiteral("--data-binary '{")));
        QByteArray output;
        QVERIFY2(runInShell(command + QStringLiteral(" --silent --show-error"), &output),
                 output.constData());
        QVERIFY(server.waitForRequests(2));
        const HttpServerRequest again = server.requests().at(1);
        QCOMPARE(again.method, original.method);
        QCOMPARE(again.target, original.target);
        QCOMPARE(again.body, original.body);
        for (const QByteArray name :
             {"Content-Type", "User-Agent", "Accept", "Accept-Encoding", "Connection"})
            QCOMPARE(again.header(name), original.header(name));
        QVERIFY(!again.hasHeader("Expect"));
        QCOMPARE(output, QByteArray(R"({"message":"Hi there"})"));
    }

    void hostileStrings_stayInsideTheirQuotes_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("headerValue");
        QTest::newRow("quotes and expansions")
            << QByteArray(
                   R"({"message": "it's $(touch /tmp/pwned) `id` $HOME \\ \"q\" ; rm -rf x"})")
            << QStringLiteral("a'b\"c$(id)`id`;|&");
        QTest::newRow("newlines and tabs")
            << QByteArray("line 1\nline '2'\r\n\tend\n") << QStringLiteral("x");
        QTest::newRow("leading @ would read a file")
            << QByteArray("@/etc/passwd") << QStringLiteral("@/etc/hostname");
        QTest::newRow("binary with NUL and invalid UTF-8")
            << QByteArray("\x00\x01\xff\xfe'%s%%\\n\x80", 12) << QStringLiteral("b");
        QTest::newRow("unicode") << QByteArray(
                                        "{\"message\": \"caf\xc3\xa9 \xf0\x9f\x8e\x89 \u2028\"}")
                                 << QStringLiteral("\u00e9t\u00e9");
        QTest::newRow("200 KB, over the argument limit")
            << QByteArray(QByteArray(200 * 1024, 'x') + QByteArray("'$(id)'"))
            << QStringLiteral("big");
    }

    void hostileStrings_stayInsideTheirQuotes()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, headerValue);
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpResult result;
        result.request.url = server.url("/hook?uid=it's%20me&x=$(id)");
        result.request.body = body;
        result.request.headers = {{"Content-Type", "application/json"},
                                  {"X-Hostile", headerValue.toUtf8()}};

        const QString command = CurlCommand::forResult(result);
        QByteArray output;
        QVERIFY2(runInShell(command + QStringLiteral(" --silent --show-error"), &output),
                 qPrintable(command.left(400) + QString::fromUtf8(output)));
        QVERIFY(server.waitForRequests(1));
        const HttpServerRequest received = server.requests().first();
        QCOMPARE(received.method, QByteArray("POST"));
        QCOMPARE(received.target, QByteArray("/hook?uid=it's%20me&x=$(id)"));
        QCOMPARE(received.body, body);
        QCOMPARE(received.header("X-Hostile"), headerValue.toUtf8());
        QCOMPARE(received.header("Content-Type"), QByteArray("application/json"));
    }

    void otherMethods_areSpelledOut()
    {
        LoopbackServer server;
        server.setRoute("/done", LoopbackServer::Behaviour::json(200, "{}"));
        HttpResult result;
        result.request.method = "GET";
        result.request.url = server.url("/done?uid=u");
        const QString get = CurlCommand::forResult(result);
        QVERIFY(!get.contains(QStringLiteral("--request")));
        result.request.method = "PUT";
        result.request.body = "x";
        const QString put = CurlCommand::forResult(result);
        QVERIFY(put.contains(QStringLiteral("--request 'PUT'")));
        QVERIFY(runInShell(put + QStringLiteral(" --silent")));
        QVERIFY(server.waitForRequests(1));
        QCOMPARE(server.requests().first().method, QByteArray("PUT"));
    }

    void shellQuoted_closesAndReopensAroundQuotes()
    {
        QCOMPARE(CurlCommand::shellQuoted(QStringLiteral("it's")), QStringLiteral("'it'\\''s'"));
        QCOMPARE(CurlCommand::shellQuoted(QString()), QStringLiteral("''"));
    }
};

QTEST_MAIN(CurlCommandTest)
#include "tst_curlcommand.moc"
