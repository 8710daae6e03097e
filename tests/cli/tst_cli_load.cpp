#include "CliReports.h"
#include "CliRunner.h"
#include "SimulateCommands.h"
#include "LoopbackServer.h"
#include "WavFiles.h"

#include <QFileInfo>
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

    QTemporaryDir m_dir;

    // Two seconds of counting samples at 8 kHz: four half-second chunks of 8000 bytes.
    QString twoSecondWav() { return writeTestWav(m_dir, "two.wav", monoWav(8000, 2)); }

    // The report's requests the users' buffers dropped: chunk indexes by uid.
    static std::map<QString, QSet<int>> droppedChunks(const QJsonObject &report)
    {
        std::map<QString, QSet<int>> dropped;
        for (const QJsonValue &value : report.value(QStringLiteral("requests")).toArray()) {
            const QJsonObject request = value.toObject();
            if (!request.value(QStringLiteral("sent")).toBool())
                dropped[request.value(QStringLiteral("user")).toString()].insert(
                    request.value(QStringLiteral("index")).toInt());
        }
        return dropped;
    }

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
              "--max-in-flight N", "--max-p95 MS", "--max-error-rate R", "--seed S", "--audio FILE",
              "--sample-rate HZ", "--chunk-seconds S", "Exit status"})
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

    void audio_eachUserStreamsTheRecordingsChunks()
    {
        LoopbackServer server;
        server.setRoute("/audio", Behaviour::text(200, "ok"));
        const QString report = m_dir.filePath(QStringLiteral("audio.json"));
        const CliRun run = runCli(loadAudio(server.url("/audio"), 3, twoSecondWav(),
                                            {QStringLiteral("--report"), report}));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.errText().contains(u"0.5 s chunks at 8000 Hz, latest wins per user"),
                 run.err.constData());
        QVERIFY(run.errText().contains(u"chunks dropped (latest wins)"));

        const QByteArray samples = countingSamples(8000 * 2);
        const QJsonObject json = readJsonObject(report);
        std::map<QString, QSet<int>> dropped = droppedChunks(json);
        std::map<QString, QList<QByteArray>> bodies;
        for (const studio::HttpServerRequest &request : server.requests()) {
            QCOMPARE(request.header("Content-Type"), QByteArray("application/octet-stream"));
            QVERIFY2(request.target.startsWith("/audio?sample_rate=8000&uid=load-9-"),
                     request.target.constData());
            bodies[uidOf(request)] << request.body;
        }
        QCOMPARE(bodies.size(), std::size_t(3));
        // Each user's chunks in the recording's order, less any its buffer dropped (an answer
        // slower than 250 ms on a busy machine); the newest always goes.
        for (const auto &[uid, received] : bodies) {
            QList<QByteArray> expected;
            for (int chunk = 0; chunk < 4; ++chunk)
                if (!dropped[uid].contains(chunk))
                    expected << samples.mid(chunk * 8000, 8000);
            QCOMPARE(received, expected);
            QVERIFY(!dropped[uid].contains(3));
        }
        const QJsonObject summary = json.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("count")).toInt(), 12);
        QCOMPARE(summary.value(QStringLiteral("sent")).toInt() +
                     summary.value(QStringLiteral("dropped")).toInt(),
                 12);
        QCOMPARE(json.value(QStringLiteral("run")).toObject().value(QStringLiteral("trigger")),
                 QJsonValue(QStringLiteral("audio_bytes")));
    }

    void audio_aSlowAnswerDropsThatUsersChunks_theOthersGoOn()
    {
        LoopbackServer server;
        // The first user's answers take a second: chunks due every 250 ms pile up behind them.
        server.setRoute("/audio", [](const studio::HttpServerRequest &request) {
            const Behaviour ok = Behaviour::text(200, "ok");
            return uidOf(request) == u"load-9-1" ? ok.afterDelay(1000) : ok;
        });
        const QString report = m_dir.filePath(QStringLiteral("slow.json"));
        const QString wav = writeTestWav(m_dir, "four.wav", monoWav(8000, 4));
        const CliRun run =
            runCli(loadAudio(server.url("/audio"), 3, wav, {QStringLiteral("--report"), report}));
        // Dropping is the app's design, not the plugin's failure.
        QVERIFY2(run.exitCode == 0, run.err.constData());

        const QJsonObject json = readJsonObject(report);
        const QJsonArray users = json.value(QStringLiteral("users")).toArray();
        QCOMPARE(users.size(), 3);
        const int slowDropped = users.at(0).toObject().value(QStringLiteral("dropped")).toInt();
        QVERIFY2(slowDropped > 0, run.err.constData());
        for (const int other : {1, 2}) {
            const QJsonObject user = users.at(other).toObject();
            QCOMPARE(user.value(QStringLiteral("dropped")).toInt(), 0);
            QCOMPARE(user.value(QStringLiteral("sent")).toInt(), 8);
        }
        const QJsonObject summary = json.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("dropped")).toInt(), slowDropped);
        QCOMPARE(summary.value(QStringLiteral("errors")).toInt(), 0);
        const std::map<QString, QSet<int>> dropped = droppedChunks(json);
        QCOMPARE(dropped.size(), std::size_t(1));
        QCOMPARE(dropped.begin()->first, QStringLiteral("load-9-1"));
        QCOMPARE(int(dropped.begin()->second.size()), slowDropped);
        for (const QJsonValue &value : json.value(QStringLiteral("requests")).toArray()) {
            const QJsonObject request = value.toObject();
            if (!request.value(QStringLiteral("sent")).toBool())
                QVERIFY2(request.value(QStringLiteral("reason"))
                             .toString()
                             .startsWith(u"dropped: it waited for the answer to chunk "),
                         qPrintable(request.value(QStringLiteral("reason")).toString()));
        }
        QVERIFY(run.errText().contains(
            QStringLiteral("%1 chunks dropped (latest wins)").arg(slowDropped)));
    }

    void audio_usageErrors_sayWhat_data()
    {
        QTest::addColumn<QStringList>("more");
        QTest::addColumn<QString>("message");
        const QString raw = writeTestWav(m_dir, "one.raw", countingSamples(8000));
        QTest::newRow("two inputs")
            << QStringList{QStringLiteral("--transcript"), testData("conversation.json")}
            << QStringLiteral("--audio FILE (audio_bytes), one of them");
        QTest::newRow("bad sample rate")
            << QStringList{QStringLiteral("--audio"), raw, QStringLiteral("--sample-rate"),
                           QStringLiteral("fast")}
            << QStringLiteral("--sample-rate must be a whole number of Hz, not 'fast'");
        QTest::newRow("rate with a wav")
            << QStringList{QStringLiteral("--sample-rate"), QStringLiteral("8000")}
            << QStringLiteral("--sample-rate is for raw PCM (.pcm, .raw): a WAV says its own rate");
        QTest::newRow("raw without rate") << QStringList{QStringLiteral("--audio"), raw}
                                          << QStringLiteral("give --sample-rate HZ");
        QTest::newRow("chunks") << QStringList{QStringLiteral("--chunk-seconds"),
                                               QStringLiteral("0")}
                                << QStringLiteral(
                                       "--chunk-seconds must be 0.01 to 600 seconds, not '0'");
        QTest::newRow("window") << QStringList{QStringLiteral("--window"), QStringLiteral("1")}
                                << QStringLiteral("--window cuts a transcript");
        QTest::newRow("2024 contract")
            << QStringList{QStringLiteral("--contract"), QStringLiteral("plugins-2024")}
            << QStringLiteral("the 2024 app had no audio trigger");
        QTest::newRow("artillery")
            << QStringList{QStringLiteral("--export-artillery"),
                           m_dir.filePath(QStringLiteral("a"))}
            << QStringLiteral("--export-artillery: audio is sent latest-wins");
    }

    void audio_usageErrors_sayWhat()
    {
        QFETCH(QStringList, more);
        QFETCH(QString, message);
        LoopbackServer server;
        const CliRun run = runCli(loadAudio(server.url("/audio"), 2, twoSecondWav(), more));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(message), run.err.constData());
        QCOMPARE(server.requestCount(), 0);
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("a"))));
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
        QTest::newRow("chunks of a transcript")
            << QStringList{QStringLiteral("--chunk-seconds"), QStringLiteral("1")}
            << QStringLiteral("--chunk-seconds is for --audio FILE");
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
