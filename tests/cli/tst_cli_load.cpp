#include "CliReports.h"
#include "CliRunner.h"
#include "SimulateCommands.h"
#include "LoopbackServer.h"

#include <QJsonArray>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace studio::test;
using Behaviour = studio::HttpAnswer;

// plugin-studio load, as CI runs it: the real executable against a real loopback server.
class CliLoadTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void help_documentsTheCommand()
    {
        const CliRun overview = runCli({QStringLiteral("--help")});
        QVERIFY(overview.outText().contains(u"  load "));
        const CliRun help = runCli({QStringLiteral("load"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *option :
             {"--users N", "--ramp SECONDS", "--duration SECONDS", "--connections reuse|new",
              "--max-in-flight N", "--max-p95 MS", "--max-error-rate R", "--seed S", "Exit status"})
            QVERIFY2(help.outText().contains(QLatin1String(option)), option);
    }

    void run_usersWithTheirOwnUidsAndAReport()
    {
        LoopbackServer server;
        server.setRoute("/hook", Behaviour::json(200, "{}"));
        QTemporaryDir folder;
        const QString report = folder.filePath(QStringLiteral("load.json"));
        const QString junit = folder.filePath(QStringLiteral("load.xml"));
        const CliRun run = runCli(
            loadTranscript(server.url("/hook"), 4,
                           {QStringLiteral("--report"), report, QStringLiteral("--junit"), junit}));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.errText().contains(u"summary: "));
        QVERIFY(run.errText().contains(u"passed"));

        QSet<QString> uids;
        for (const studio::HttpServerRequest &request : server.requests()) {
            uids.insert(uidOf(request));
            QCOMPARE(request.json().object().value(QStringLiteral("session_id")).toString(),
                     uidOf(request));
        }
        QCOMPARE(uids, (QSet<QString>{QStringLiteral("load-9-1"), QStringLiteral("load-9-2"),
                                      QStringLiteral("load-9-3"), QStringLiteral("load-9-4")}));

        const QJsonObject json = readJsonObject(report);
        const QJsonObject summary = json.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("count")).toInt(), server.requestCount());
        QCOMPARE(summary.value(QStringLiteral("users")).toInt(), 4);
        QCOMPARE(summary.value(QStringLiteral("errors")).toInt(), 0);
        for (const char *key : {"requests_per_second", "late", "late_max_ms", "p95_ms"})
            QVERIFY2(summary.contains(QLatin1String(key)), key);
        QVERIFY(summary.value(QStringLiteral("requests_per_second")).toDouble() > 0);
        QCOMPARE(json.value(QStringLiteral("users")).toArray().size(), 4);

        const JUnitCounts counts = readJUnit(junit);
        QVERIFY(counts.parsed);
        QCOMPARE(counts.testcases, 5); // four users and the limits
        QCOMPARE(counts.failures, 0);
    }

    void connections_newForPlugins2024_reusedWhenAsked()
    {
        for (const bool reuse : {false, true}) {
            LoopbackServer server;
            server.setRoute("/hook", Behaviour::json(200, "{}"));
            QStringList more;
            if (reuse)
                more << QStringLiteral("--connections") << QStringLiteral("reuse");
            const CliRun run = runCli(loadTranscript(server.url("/hook"), 2, more));
            QVERIFY2(run.exitCode == 0, run.err.constData());
            QSet<int> connections;
            for (const studio::HttpServerRequest &request : server.requests())
                connections.insert(request.connection);
            QVERIFY(server.requestCount() >= 6);
            if (reuse)
                QVERIFY2(connections.size() < server.requestCount(),
                         qPrintable(QStringLiteral("%1 connections for %2 requests")
                                        .arg(connections.size())
                                        .arg(server.requestCount())));
            else
                QCOMPARE(connections.size(), server.requestCount());
        }
    }

    void ramp_spreadsTheUsersStarts()
    {
        LoopbackServer server;
        server.setRoute("/hook", Behaviour::json(200, "{}"));
        const CliRun run = runCli(loadTranscript(server.url("/hook"), 3,
                                                 {QStringLiteral("--ramp"), QStringLiteral("1")}));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        std::map<QString, qint64> firstArrival;
        for (const studio::HttpServerRequest &request : server.requests())
            firstArrival.try_emplace(uidOf(request), request.arrivedMs);
        QCOMPARE(firstArrival.size(), std::size_t(3));
        // User n starts n/3 s after the first (nothing goes out early; the margin is for the
        // first user's request going out late on a busy machine).
        QVERIFY(firstArrival.at(QStringLiteral("load-9-2")) -
                    firstArrival.at(QStringLiteral("load-9-1")) >=
                233);
        QVERIFY(firstArrival.at(QStringLiteral("load-9-3")) -
                    firstArrival.at(QStringLiteral("load-9-1")) >=
                566);
    }

    void maxInFlight_sendsLateAndCountsIt()
    {
        LoopbackServer server;
        server.setRoute("/hook", Behaviour::json(200, "{}").afterDelay(200));
        QTemporaryDir folder;
        const QString report = folder.filePath(QStringLiteral("load.json"));
        // Three users whose first windows are due together; one request at a time.
        const CliRun run =
            runCli(loadTranscript(server.url("/hook"), 3,
                                  {QStringLiteral("--max-in-flight"), QStringLiteral("1"),
                                   QStringLiteral("--report"), report}));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject summary =
            readJsonObject(report).value(QStringLiteral("summary")).toObject();
        QVERIFY(summary.value(QStringLiteral("late")).toInt() >= 2);
        QVERIFY(summary.value(QStringLiteral("late_max_ms")).toDouble() >= 300);
        QVERIFY(run.errText().contains(u"late: "));
    }

    void thresholds_decideTheExitCode()
    {
        LoopbackServer server;
        server.setRoute("/slow", Behaviour::json(200, "{}").afterDelay(60));
        server.setRoute("/fail", Behaviour::text(500, "no"));
        const CliRun slow = runCli(loadTranscript(
            server.url("/slow"), 2, {QStringLiteral("--max-p95"), QStringLiteral("20")}));
        QCOMPARE(slow.exitCode, 1);
        QVERIFY(slow.errText().contains(u"p95"));
        const CliRun lenient = runCli(loadTranscript(
            server.url("/slow"), 2, {QStringLiteral("--max-p95"), QStringLiteral("60000")}));
        QCOMPARE(lenient.exitCode, 0);

        const CliRun failing = runCli(loadTranscript(server.url("/fail"), 2));
        QCOMPARE(failing.exitCode, 1);
        QVERIFY(failing.errText().contains(u"status-500"));
        const CliRun tolerated = runCli(loadTranscript(
            server.url("/fail"), 2, {QStringLiteral("--max-error-rate"), QStringLiteral("1")}));
        QCOMPARE(tolerated.exitCode, 0);
    }

    void progress_everySecond()
    {
        LoopbackServer server;
        server.setRoute("/hook", Behaviour::json(200, "{}"));
        const CliRun run = runCli(loadTranscript(
            server.url("/hook"), 2, {QStringLiteral("--duration"), QStringLiteral("1.3")}));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.errText().contains(u"[1 s] "), run.err.constData());
        QVERIFY(run.errText().contains(u" req/s, "));
    }

    void usageErrors_sayWhat_data()
    {
        QTest::addColumn<QStringList>("more");
        QTest::addColumn<QString>("message");
        QTest::newRow("no users") << QStringList{QStringLiteral("--users"), QStringLiteral("0")}
                                  << QStringLiteral("--users must be a whole number");
        QTest::newRow("a uid") << QStringList{QStringLiteral("--uid"), QStringLiteral("me")}
                               << QStringLiteral("each user has its own uid");
        QTest::newRow("connections")
            << QStringList{QStringLiteral("--connections"), QStringLiteral("some")}
            << QStringLiteral("--connections must be reuse or new");
        QTest::newRow("error rate")
            << QStringList{QStringLiteral("--max-error-rate"), QStringLiteral("2")}
            << QStringLiteral("from 0 to 1");
        QTest::newRow("fast") << QStringList{QStringLiteral("--speed"), QStringLiteral("fast")}
                              << QStringLiteral("not 'fast'");
        QTest::newRow("memory too")
            << QStringList{QStringLiteral("--memory"), testData("discarded-memory.json")}
            << QStringLiteral("one of them");
    }

    void usageErrors_sayWhat()
    {
        QFETCH(QStringList, more);
        QFETCH(QString, message);
        LoopbackServer server;
        // Later options win: --users 0 replaces the 2 given before it.
        const CliRun run = runCli(loadTranscript(server.url("/hook"), 2, more));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(message), run.err.constData());
        QCOMPARE(server.requestCount(), 0);
    }
};

QTEST_MAIN(CliLoadTest)
#include "tst_cli_load.moc"
