#include "CliReports.h"
#include "CliRunner.h"
#include "LoopbackServer.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace studio::test;
using Behaviour = studio::HttpAnswer;

Q_DECLARE_METATYPE(studio::HttpAnswer)

namespace {

// Trickles every 100 ms never reach the 5 s timeout: only --max-time ends them.
const QStringList kLimits{QStringLiteral("--timeout"), QStringLiteral("5"),
                          QStringLiteral("--max-time"), QStringLiteral("1.5")};

QStringList simulateMemory(const QString &url, const QStringList &more = {})
{
    return QStringList{QStringLiteral("simulate"),   QStringLiteral("memory"),
                       QStringLiteral("--manifest"), testData("memory-manifest.json"),
                       QStringLiteral("--url"),      url} +
           more;
}

} // namespace

// --max-time as CI scripts meet it: a plugin server that never finishes its answer ends the
// run anyway, with the outcome named in the progress, the reports and the exit code.
class CliMaxTimeTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void help_documentsMaxTime()
    {
        for (const QStringList &arguments :
             {QStringList{QStringLiteral("simulate"), QStringLiteral("memory"),
                          QStringLiteral("--help")},
              QStringList{QStringLiteral("check-setup"), QStringLiteral("--help")}}) {
            const CliRun help = runCli(arguments);
            QCOMPARE(help.exitCode, 0);
            QVERIFY2(help.outText().contains(u"[--max-time S]"), qPrintable(help.outText()));
            QVERIFY(help.outText().contains(
                u"--max-time S          give up on a request still going after S seconds "
                u"(default 300)"));
        }
    }

    void neverEndingAnswer_endsAtMaxTime_andFailsTheRun_data()
    {
        QTest::addColumn<Behaviour>("behaviour");
        QTest::addColumn<QString>("progress"); // the progress line, after the time taken
        QTest::newRow("body a byte at a time")
            << Behaviour::trickledBody(100)
            << QStringLiteral(": 200, [\\d.]+ ms: max-time: .* kept the connection alive "
                              "sending its body slowly \\(");
        QTest::newRow("header lines one at a time")
            << Behaviour::trickledHeaders(100)
            << QStringLiteral(": 200, [\\d.]+ ms: max-time: .* kept the connection alive "
                              "sending header lines but never the end of them \\(");
        QTest::newRow("endless 102 Processing")
            << Behaviour::endlessInterim(100)
            << QStringLiteral(": max-time: .* kept the connection alive with interim responses "
                              "but never the final one \\(\\d+");
    }

    void neverEndingAnswer_endsAtMaxTime_andFailsTheRun()
    {
        QFETCH(Behaviour, behaviour);
        QFETCH(QString, progress);
        LoopbackServer server;
        server.setRoute("/hook", behaviour);
        QTemporaryDir out;
        const QString report = out.filePath(QStringLiteral("run.json"));
        const QString har = out.filePath(QStringLiteral("run.har"));
        const QString junit = out.filePath(QStringLiteral("run.xml"));

        const CliRun run = runCli(simulateMemory(
            server.url("/hook"),
            kLimits + QStringList{QStringLiteral("--report"), report, QStringLiteral("--har"), har,
                                  QStringLiteral("--junit"), junit}));

        QCOMPARE(run.exitCode, 1);
        const QString where = QStringLiteral("127.0.0.1:%1").arg(server.port());
        QVERIFY2(
            QRegularExpression(QStringLiteral("\\[1/1\\] memory \\(\\d+ segments\\)") + progress)
                .match(run.errText())
                .hasMatch(),
            qPrintable(run.errText()));
        QVERIFY(run.errText().contains(
            QStringLiteral("max-time: no complete answer from %1 after 1.5 s (--max-time), and "
                           "the app would still be waiting: the server kept the connection alive ")
                .arg(where)));
        QVERIFY(run.errText().contains(u": FAILED"));

        const QJsonObject request =
            readJsonObject(report).value(QStringLiteral("requests")).toArray().first().toObject();
        const QJsonObject error = request.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("max-time"));
        QVERIFY(
            error.value(QStringLiteral("message"))
                .toString()
                .startsWith(QStringLiteral("no complete answer from %1 after 1.5 s").arg(where)));
        QCOMPARE(request.value(QStringLiteral("verdict")).toString(), QStringLiteral("ignored"));
        QVERIFY2(request.value(QStringLiteral("reason"))
                     .toString()
                     .startsWith(QStringLiteral("the answer had not ended after 1.5 s, when the "
                                                "studio stopped waiting: the app would still be "
                                                "waiting for it")),
                 qPrintable(request.value(QStringLiteral("reason")).toString()));
        const double totalMs = request.value(QStringLiteral("timings"))
                                   .toObject()
                                   .value(QStringLiteral("total_ms"))
                                   .toDouble();
        QVERIFY2(totalMs >= 1500 && totalMs < 5000, qPrintable(QString::number(totalMs)));

        const QJsonObject harResponse = readJsonObject(har)
                                            .value(QStringLiteral("log"))
                                            .toObject()
                                            .value(QStringLiteral("entries"))
                                            .toArray()
                                            .first()
                                            .toObject()
                                            .value(QStringLiteral("response"))
                                            .toObject();
        QVERIFY(harResponse.value(QStringLiteral("_error"))
                    .toString()
                    .startsWith(QStringLiteral("no complete answer from %1").arg(where)));

        const JUnitCounts counts = readJUnit(junit);
        QVERIFY(counts.parsed);
        QCOMPARE(counts.failures, 1);
        QCOMPARE(counts.failureElements, 1);
    }

    void checkSetup_thatNeverEnds_isNotReady()
    {
        LoopbackServer server;
        server.setRoute("/setup", Behaviour::endlessInterim(100));
        const CliRun run =
            runCli(QStringList{QStringLiteral("check-setup"), QStringLiteral("--manifest"),
                               testData("memory-manifest.json"), QStringLiteral("--url"),
                               server.url("/setup")} +
                   kLimits);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(u"not ready: Plugin setup is not completed: the setup "
                                        u"check had not finished answering after 1.5 s"),
                 qPrintable(run.errText()));
    }

    void runsShow_saysTheMaxTime()
    {
        QTemporaryDir data;
        qputenv("PLUGIN_STUDIO_DATA_DIR", data.path().toUtf8());
        LoopbackServer server;
        server.setRoute("/hook", Behaviour::json(200, "{}"));
        QCOMPARE(runCli(simulateMemory(server.url("/hook"),
                                       {QStringLiteral("--max-time"), QStringLiteral("42")}))
                     .exitCode,
                 0);
        const CliRun show =
            runCli({QStringLiteral("runs"), QStringLiteral("show"), QStringLiteral("last")});
        qunsetenv("PLUGIN_STUDIO_DATA_DIR");
        QCOMPARE(show.exitCode, 0);
        QVERIFY2(show.outText().contains(u"timeout 30 s, max time 42 s"),
                 qPrintable(show.outText()));
    }

    void badMaxTime_isAUsageError_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("a word") << QStringLiteral("soon")
                                << QStringLiteral("--max-time expects a number of at least "
                                                  "0.001000, not 'soon'");
        QTest::newRow("zero") << QStringLiteral("0")
                              << QStringLiteral("--max-time expects a number of at least "
                                                "0.001000, not '0'");
        QTest::newRow("negative") << QStringLiteral("-5")
                                  << QStringLiteral("--max-time expects a number of at least "
                                                    "0.001000, not '-5'");
        QTest::newRow("infinite") << QStringLiteral("inf")
                                  << QStringLiteral("--max-time expects a number of seconds");
    }

    void badMaxTime_isAUsageError()
    {
        QFETCH(QString, value);
        QFETCH(QString, message);
        const CliRun run = runCli(simulateMemory(QStringLiteral("http://127.0.0.1:9/hook"),
                                                 {QStringLiteral("--max-time"), value}));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(QStringLiteral("plugin-studio: error: ") + message),
                 qPrintable(run.errText()));
    }
};

QTEST_GUILESS_MAIN(CliMaxTimeTest)
#include "tst_cli_maxtime.moc"
