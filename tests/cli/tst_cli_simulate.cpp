#include "CliReports.h"
#include "CliRunner.h"
#include "LoopbackServer.h"
#include "SimulateCommands.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace studio::test;
using Behaviour = studio::HttpAnswer;

Q_DECLARE_METATYPE(studio::HttpAnswer)

namespace {

int linesMatching(const QString &text, const QString &pattern)
{
    const QRegularExpression expression(pattern, QRegularExpression::MultilineOption);
    int count = 0;
    for (auto it = expression.globalMatch(text); it.hasNext(); it.next())
        ++count;
    return count;
}

} // namespace

// plugin-studio simulate, as CI scripts run it: the real executable against a real server.
class CliSimulateTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void help_documentsTheCommands()
    {
        const CliRun overview = runCli({QStringLiteral("--help")});
        QCOMPARE(overview.exitCode, 0);
        QVERIFY(overview.outText().contains(u"simulate"));
        QVERIFY(overview.outText().contains(u"check-setup"));

        for (const QStringList &arguments :
             {QStringList{QStringLiteral("simulate"), QStringLiteral("--help")},
              QStringList{QStringLiteral("simulate"), QStringLiteral("memory"),
                          QStringLiteral("--help")},
              QStringList{QStringLiteral("simulate"), QStringLiteral("transcript"),
                          QStringLiteral("-h")}}) {
            const CliRun help = runCli(arguments);
            QCOMPARE(help.exitCode, 0);
            for (const char *option :
                 {"--manifest FILE", "--from-transcript FILE", "--window SECONDS", "--fast",
                  "--max-p95 MS", "--ca-file FILE", "--insecure", "--quiet",
                  "plugin-studio-test-uid", "Exit status"})
                QVERIFY2(help.outText().contains(QLatin1String(option)), option);
        }
    }

    void memory_passesAndWritesTheThreeReports()
    {
        LoopbackServer server;
        server.setRoute("/hook", Behaviour::json(200, "{\"message\": \"Filed your meeting\"}"));
        QTemporaryDir out;
        const QString report = out.filePath(QStringLiteral("run.json"));
        const QString har = out.filePath(QStringLiteral("run.har"));
        const QString junit = out.filePath(QStringLiteral("run.xml"));
        const CliRun run = runCli(simulateMemory(
            server.url("/hook"), {QStringLiteral("--memory"),
                                  QStringLiteral(STUDIO_SAMPLES_DIR "/memories/ordinary.json"),
                                  QStringLiteral("--report"), report, QStringLiteral("--har"), har,
                                  QStringLiteral("--junit"), junit}));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.errText().contains(u"[1/1] memory (8 segments): 200, "),
                 qPrintable(run.errText()));
        QVERIFY(run.errText().contains(u"notification \"Filed your meeting\""));
        QVERIFY(run.errText().contains(u"summary: 1 request, 0 errors"));
        QVERIFY(run.outText().isEmpty());
        QCOMPARE(server.requestCount(), 1);
        const studio::HttpServerRequest received = server.requests().first();
        QCOMPARE(received.target, QByteArray("/hook?uid=plugin-studio-test-uid"));

        const QJsonObject json = readJsonObject(report);
        const QJsonArray requests = json.value(QStringLiteral("requests")).toArray();
        QCOMPARE(requests.size(), 1);
        const QJsonObject request = requests.first().toObject();
        QCOMPARE(request.value(QStringLiteral("index")).toInt(), 0);
        QCOMPARE(request.value(QStringLiteral("window_start")).toDouble(), 0.0);
        QCOMPARE(request.value(QStringLiteral("window_end")).toDouble(), 36.2);
        QCOMPARE(request.value(QStringLiteral("scheduled_ms")).toInt(), 0);
        QVERIFY(request.value(QStringLiteral("sent_ms")).toInt() >= 0);
        QCOMPARE(request.value(QStringLiteral("status")).toInt(), 200);
        QVERIFY(request.value(QStringLiteral("latency_ms")).toDouble() > 0);
        QVERIFY(request.value(QStringLiteral("timings"))
                    .toObject()
                    .value(QStringLiteral("total_ms"))
                    .toDouble() > 0);
        QVERIFY(request.value(QStringLiteral("error")).isNull());
        QCOMPARE(request.value(QStringLiteral("notification"))
                     .toObject()
                     .value(QStringLiteral("body"))
                     .toString(),
                 QStringLiteral("Filed your meeting"));
        const QJsonObject summary = json.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(summary.value(QStringLiteral("errors")).toInt(), 0);
        for (const char *key : {"p50_ms", "p95_ms", "p99_ms", "max_ms"})
            QVERIFY2(summary.value(QLatin1String(key)).toDouble() > 0, key);
        const QJsonObject info = json.value(QStringLiteral("run")).toObject();
        QCOMPARE(info.value(QStringLiteral("plugin_id")).toString(),
                 QStringLiteral("memory-filer"));
        QCOMPARE(info.value(QStringLiteral("trigger")).toString(),
                 QStringLiteral("memory_creation"));
        QCOMPARE(info.value(QStringLiteral("profile")).toString(), QStringLiteral("backend"));

        const QJsonObject log = readJsonObject(har).value(QStringLiteral("log")).toObject();
        QCOMPARE(log.value(QStringLiteral("version")).toString(), QStringLiteral("1.2"));
        const QJsonArray entries = log.value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), 1);
        const QJsonObject harRequest =
            entries.first().toObject().value(QStringLiteral("request")).toObject();
        QCOMPARE(harRequest.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(harRequest.value(QStringLiteral("url")).toString(),
                 server.url("/hook?uid=plugin-studio-test-uid"));
        QCOMPARE(harRequest.value(QStringLiteral("postData"))
                     .toObject()
                     .value(QStringLiteral("text"))
                     .toString()
                     .toUtf8(),
                 received.body);
        QCOMPARE(entries.first()
                     .toObject()
                     .value(QStringLiteral("response"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toInt(),
                 200);

        const JUnitCounts counts = readJUnit(junit);
        QVERIFY(counts.parsed);
        QCOMPARE(counts.tests, 1);
        QCOMPARE(counts.testcases, 1);
        QCOMPARE(counts.failures, 0);
    }

    void transcript_fast_printsOneLinePerRequest()
    {
        LoopbackServer server;
        server.setRoute("/segments",
                        Behaviour::json(200, "{\"message\": \"Noted: release notes\"}"));
        QTemporaryDir out;
        const QString report = out.filePath(QStringLiteral("run.json"));
        const CliRun run = runCli(
            simulateTranscript(server.url("/segments"),
                               {QStringLiteral("--fast"), QStringLiteral("--report"), report}));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(linesMatching(run.errText(),
                               QStringLiteral("^\\[\\d/3\\] window \\d+-\\d+ s \\(\\d "
                                              "segments?\\): 200, [0-9.]+ ms: notification")),
                 3);
        QCOMPARE(
            linesMatching(run.errText(), QStringLiteral("^summary: 3 requests, 0 errors, 0 invalid "
                                                        "answers, 3 notifications; latency p50")),
            1);

        QCOMPARE(server.requestCount(), 3);
        const QJsonArray requests =
            readJsonObject(report).value(QStringLiteral("requests")).toArray();
        QCOMPARE(requests.size(), 3);
        const QList<QPair<double, double>> windows{{0, 30}, {30, 60}, {60, 90}};
        const QList<int> segments{3, 2, 1};
        for (int i = 0; i < 3; ++i) {
            const QJsonObject request = requests.at(i).toObject();
            QCOMPARE(request.value(QStringLiteral("index")).toInt(), i);
            QCOMPARE(request.value(QStringLiteral("window_start")).toDouble(), windows[i].first);
            QCOMPARE(request.value(QStringLiteral("window_end")).toDouble(), windows[i].second);
            QCOMPARE(request.value(QStringLiteral("segments")).toInt(), segments[i]);
            QVERIFY(request.value(QStringLiteral("sent_ms")).toInt() >=
                    request.value(QStringLiteral("scheduled_ms")).toInt());
            QCOMPARE(server.requests()
                         .at(i)
                         .json()
                         .object()
                         .value(QStringLiteral("segments"))
                         .toArray()
                         .size(),
                     segments[i]);
        }
        QCOMPARE(readJsonObject(report)
                     .value(QStringLiteral("run"))
                     .toObject()
                     .value(QStringLiteral("speed"))
                     .toDouble(),
                 0.0);
    }

    void transcript_atASpeedFactor_schedulesFromTheStart()
    {
        LoopbackServer server;
        server.setRoute("/segments", Behaviour::json(200, "{}"));
        QTemporaryDir out;
        const QString report = out.filePath(QStringLiteral("run.json"));
        const CliRun run = runCli(simulateTranscript(
            server.url("/segments"),
            {QStringLiteral("--speed"), QStringLiteral("300"), QStringLiteral("--window"),
             QStringLiteral("10"), QStringLiteral("--report"), report}));
        QCOMPARE(run.exitCode, 0);
        const QJsonArray requests =
            readJsonObject(report).value(QStringLiteral("requests")).toArray();
        QCOMPARE(requests.size(), 5); // windows ending at 10, 30, 40, 60, 70 s
        for (const QJsonValue &value : requests) {
            const QJsonObject request = value.toObject();
            const double windowEnd = request.value(QStringLiteral("window_end")).toDouble();
            QCOMPARE(request.value(QStringLiteral("scheduled_ms")).toInt(),
                     int(windowEnd * 1000 / 300));
            QVERIFY(request.value(QStringLiteral("scheduling_error_ms")).toInt() >= 0);
        }
    }

    void clockStampedTranscript_isShiftedToZeroOnRequest()
    {
        LoopbackServer server;
        server.setRoute("/segments", Behaviour::json(200, "{}"));
        QTemporaryDir out;
        const QString transcript = out.filePath(QStringLiteral("stamped.json"));
        writeFile(transcript, R"([
{"text": "hi", "speaker": "SPEAKER_00", "is_user": true, "start": 1732800000, "end": 1732800004},
{"text": "yo", "speaker": "SPEAKER_01", "is_user": false, "start": 1732800005, "end": 1732800040}
])");
        QStringList arguments = simulateTranscript(server.url("/segments"));
        arguments[arguments.indexOf(testData("conversation.json"))] = transcript;

        const CliRun warned = runCli(arguments + QStringList{QStringLiteral("--fast")});
        QCOMPARE(warned.exitCode, 0);
        QVERIFY2(warned.errText().contains(u"54.9 years in"), qPrintable(warned.errText()));
        QVERIFY(warned.errText().contains(u"pass --shift-to-zero"));

        // In real time, sped up: without the shift this would wait 55 years.
        const QString report = out.filePath(QStringLiteral("run.json"));
        const CliRun shifted = runCli(
            arguments + QStringList{QStringLiteral("--shift-to-zero"), QStringLiteral("--speed"),
                                    QStringLiteral("100"), QStringLiteral("--report"), report});
        QCOMPARE(shifted.exitCode, 0);
        QVERIFY(shifted.errText().contains(u"shifted the conversation by 1732800000.000 s"));
        const QJsonArray requests =
            readJsonObject(report).value(QStringLiteral("requests")).toArray();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests[0].toObject().value(QStringLiteral("window_end")).toDouble(), 30.0);
        QCOMPARE(requests[1].toObject().value(QStringLiteral("window_end")).toDouble(), 60.0);
    }

    void failures_exitWithOne_data()
    {
        QTest::addColumn<Behaviour>("behaviour");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("stderrSays");
        QTest::newRow("status 500")
            << Behaviour::text(500, "boom") << QStringList{} << QStringLiteral(": 500, ");
        QTest::newRow("not JSON") << Behaviour::text(200, "OK") << QStringList{}
                                  << QStringLiteral(": 200, ");
        QTest::newRow("wrong type") << Behaviour::json(200, "{\"message\": [\"a\"]}")
                                    << QStringList{} << QStringLiteral("ignored: ");
        QTest::newRow("reset") << Behaviour::reset() << QStringList{}
                               << QStringLiteral("connection-reset: ");
        QTest::newRow("garbage") << Behaviour::garbage("not http\r\n\r\n") << QStringList{}
                                 << QStringLiteral("protocol: ");
        QTest::newRow("huge body") << Behaviour::hugeBody(12LL * 1024 * 1024) << QStringList{}
                                   << QStringLiteral("response-too-large: ");
        QTest::newRow("timeout") << Behaviour::json(200, "{}").heldUntilReleased()
                                 << QStringList{QStringLiteral("--timeout"), QStringLiteral("0.3")}
                                 << QStringLiteral("timeout: ");
        QTest::newRow("p95 over the limit")
            << Behaviour::json(200, "{}").afterDelay(120)
            << QStringList{QStringLiteral("--max-p95"), QStringLiteral("20")}
            << QStringLiteral("exceeds the limit of 20 ms");
    }

    void failures_exitWithOne()
    {
        QFETCH(Behaviour, behaviour);
        QFETCH(QStringList, options);
        QFETCH(QString, stderrSays);
        LoopbackServer server;
        server.setRoute("/hook", behaviour);
        QTemporaryDir out;
        const QString junit = out.filePath(QStringLiteral("run.xml"));
        const CliRun run = runCli(simulateMemory(
            server.url("/hook"), options + QStringList{QStringLiteral("--junit"), junit}));
        server.releaseHeldAnswers();
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(stderrSays), qPrintable(run.errText()));
        QVERIFY(run.errText().contains(u": FAILED"));
        QVERIFY(run.errText().contains(u"plugin-studio: failed: "));
        const JUnitCounts counts = readJUnit(junit);
        QVERIFY(counts.parsed);
        QCOMPARE(counts.testcases, 1);
    }

    void withinTheP95Limit_exitsWithZero()
    {
        LoopbackServer server;
        server.setRoute("/hook", Behaviour::json(200, "{}"));
        const CliRun run = runCli(simulateMemory(
            server.url("/hook"), {QStringLiteral("--max-p95"), QStringLiteral("60000")}));
        QCOMPARE(run.exitCode, 0);
    }

    void refusedConnection_exitsWithOne()
    {
        const CliRun run =
            runCli(simulateMemory(QStringLiteral("http://127.0.0.1:%1/hook").arg(unusedPort())));
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.errText().contains(u"connection-refused: connection refused by 127.0.0.1:"));
        QVERIFY(run.errText().contains(u"1 request of 1 failed"));
    }

    void usageErrors_exitWithTwo_data()
    {
        const QString url = QStringLiteral("http://127.0.0.1:9/hook");
        const QString manifest = testData("memory-manifest.json");
        const auto memory = [&](const QStringList &more) {
            return QStringList{QStringLiteral("simulate"), QStringLiteral("memory"),
                               QStringLiteral("--url"), url} +
                   more;
        };
        const auto transcript = [&](const QStringList &more) {
            return QStringList{QStringLiteral("simulate"),   QStringLiteral("transcript"),
                               QStringLiteral("--url"),      url,
                               QStringLiteral("--manifest"), testData("transcript-manifest.json")} +
                   more;
        };
        const QString conversation = testData("conversation.json");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("simulate what")
            << QStringList{QStringLiteral("simulate")} << "simulate what?";
        QTest::newRow("unknown kind")
            << QStringList{QStringLiteral("simulate"), QStringLiteral("chat")}
            << "unknown simulation 'chat'";
        QTest::newRow("unknown option")
            << memory({QStringLiteral("--manifest"), manifest, QStringLiteral("--colour")})
            << "Unknown option 'colour'";
        QTest::newRow("no manifest") << memory({}) << "--manifest FILE is required";
        QTest::newRow("manifest missing")
            << memory({QStringLiteral("--manifest"), QStringLiteral("/nonexistent/m.json")})
            << "/nonexistent/m.json";
        QTest::newRow("manifest not JSON")
            << memory({QStringLiteral("--manifest"), testData("broken-manifest.json")})
            << "broken-manifest.json:4:3: not valid JSON";
        QTest::newRow("index needs --entry")
            << memory({QStringLiteral("--manifest"), testData("two-entries.json")})
            << "has 2 entries; choose one with --entry ID (memory-filer, live-listener)";
        QTest::newRow("unknown entry")
            << memory({QStringLiteral("--manifest"), testData("two-entries.json"),
                       QStringLiteral("--entry"), QStringLiteral("nope")})
            << "has no entry with the id 'nope'";
        QTest::newRow("entry not the manifest's")
            << memory({QStringLiteral("--manifest"), manifest, QStringLiteral("--entry"),
                       QStringLiteral("other")})
            << "does not match the id of the manifest";
        QTest::newRow("memory on a transcript plugin")
            << memory({QStringLiteral("--manifest"), testData("transcript-manifest.json")})
            << "triggers_on is \"transcript_processed\": the app calls it on transcript_processed, "
               "not on memory_creation; use 'plugin-studio simulate transcript'";
        QTest::newRow("transcript on a memory plugin")
            << QStringList{QStringLiteral("simulate"),     QStringLiteral("transcript"),
                           QStringLiteral("--manifest"),   manifest,
                           QStringLiteral("--transcript"), conversation}
            << "triggers_on is \"memory_creation\"";
        QTest::newRow("unknown trigger")
            << memory({QStringLiteral("--manifest"), testData("unknown-trigger-manifest.json")})
            << "triggers_on is \"memory_created\", which the app does not know";
        QTest::newRow("no external integration")
            << memory({QStringLiteral("--manifest"), testData("no-integration-manifest.json")})
            << "lacks the external_integration capability";
        QTest::newRow("no webhook and no --url")
            << QStringList{QStringLiteral("simulate"), QStringLiteral("memory"),
                           QStringLiteral("--manifest"), testData("no-webhook-manifest.json")}
            << "webhook_url is empty: the app skips the plugin (or give --url)";
        QTest::newRow("unknown profile")
            << memory({QStringLiteral("--manifest"), manifest, QStringLiteral("--profile"),
                       QStringLiteral("v2")})
            << "--profile must be backend, guide or app-2024-07";
        QTest::newRow("memory and transcript")
            << memory({QStringLiteral("--manifest"), manifest, QStringLiteral("--memory"),
                       conversation, QStringLiteral("--from-transcript"), conversation})
            << "either --memory or --from-transcript";
        QTest::newRow("memory not a memory") << memory({QStringLiteral("--manifest"), manifest,
                                                        QStringLiteral("--memory"), conversation})
                                             << "conversation.json: ";
        QTest::newRow("no transcript") << transcript({}) << "--transcript FILE is required";
        QTest::newRow("transcript missing")
            << transcript({QStringLiteral("--transcript"), QStringLiteral("/nonexistent/t.json")})
            << "/nonexistent/t.json";
        QTest::newRow("bad window")
            << transcript({QStringLiteral("--transcript"), conversation, QStringLiteral("--window"),
                           QStringLiteral("soon")})
            << "--window: ";
        QTest::newRow("speed and fast")
            << transcript({QStringLiteral("--transcript"), conversation, QStringLiteral("--speed"),
                           QStringLiteral("2"), QStringLiteral("--fast")})
            << "either --speed or --fast";
        QTest::newRow("bad speed") << transcript({QStringLiteral("--transcript"), conversation,
                                                  QStringLiteral("--speed"), QStringLiteral("-3")})
                                   << "not a speed factor";
        QTest::newRow("bad timeout")
            << memory({QStringLiteral("--manifest"), manifest, QStringLiteral("--timeout"),
                       QStringLiteral("soon")})
            << "--timeout expects a number";
        QTest::newRow("bad max-p95")
            << memory({QStringLiteral("--manifest"), manifest, QStringLiteral("--max-p95"),
                       QStringLiteral("fast")})
            << "--max-p95 expects a number";
        QTest::newRow("empty uid")
            << memory({QStringLiteral("--manifest"), manifest, QStringLiteral("--uid"), QString()})
            << "--uid must not be empty";
        QTest::newRow("CA file missing")
            << memory({QStringLiteral("--manifest"), manifest, QStringLiteral("--ca-file"),
                       QStringLiteral("/nonexistent/ca.pem")})
            << "--ca-file '/nonexistent/ca.pem' cannot be read";
        QTest::newRow("report folder missing")
            << memory({QStringLiteral("--manifest"), manifest, QStringLiteral("--report"),
                       QStringLiteral("/nonexistent/dir/r.json")})
            << "the folder '/nonexistent/dir' does not exist";
    }

    void usageErrors_exitWithTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(u"plugin-studio: error: "), qPrintable(run.errText()));
        QVERIFY2(run.errText().contains(message), qPrintable(run.errText()));
    }

    void quiet_printsOnlyWhyARunFailed()
    {
        LoopbackServer server;
        server.setRoute("/ok", Behaviour::json(200, "{}"));
        server.setRoute("/broken", Behaviour::text(502, "bad gateway"));
        const CliRun passing =
            runCli(simulateMemory(server.url("/ok"), {QStringLiteral("--quiet")}));
        QCOMPARE(passing.exitCode, 0);
        QCOMPARE(passing.errText(), QString());

        const CliRun failing = runCli(simulateTranscript(
            server.url("/broken"), {QStringLiteral("--quiet"), QStringLiteral("--fast")}));
        QCOMPARE(failing.exitCode, 1);
        QCOMPARE(
            failing.errText(),
            QStringLiteral("plugin-studio: failed: 3 requests of 3 failed (no answer, a transport "
                           "error or a status other than 200)\n"));
    }

    void tls_needsTheCaFileOrInsecure_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrSays");
        QTest::newRow("untrusted") << QStringList{} << 1 << QStringLiteral("tls-failure: ");
        QTest::newRow("--ca-file")
            << QStringList{QStringLiteral("--ca-file"), LoopbackServer::certificatePath()} << 0
            << QStringLiteral("200, ");
        QTest::newRow("--insecure")
            << QStringList{QStringLiteral("--insecure")} << 0
            << QStringLiteral("warning: --insecure: TLS certificates are NOT verified");
    }

    void tls_needsTheCaFileOrInsecure()
    {
        QFETCH(QStringList, options);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrSays);
        LoopbackServer server(LoopbackServer::Scheme::Https);
        QVERIFY2(server.isListening(), qPrintable(server.errorString()));
        server.setRoute("/hook", Behaviour::json(200, "{}"));
        const CliRun run = runCli(simulateMemory(server.url("/hook"), options));
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.errText().contains(stderrSays), qPrintable(run.errText()));
    }

    void deletedPluginOrDiscardedMemory_sendNothing_data()
    {
        QTest::addColumn<QString>("manifest");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("reason");
        QTest::newRow("deleted plugin") << testData("deleted-manifest.json") << QStringList{}
                                        << QStringLiteral("the plugin is marked deleted");
        QTest::newRow("discarded memory")
            << testData("memory-manifest.json")
            << QStringList{QStringLiteral("--memory"), testData("discarded-memory.json")}
            << QStringLiteral("the memory is discarded");
    }

    void deletedPluginOrDiscardedMemory_sendNothing()
    {
        QFETCH(QString, manifest);
        QFETCH(QStringList, options);
        QFETCH(QString, reason);
        LoopbackServer server;
        server.setRoute("/hook", Behaviour::json(200, "{}"));
        QTemporaryDir out;
        const QString report = out.filePath(QStringLiteral("run.json"));
        const CliRun run =
            runCli(QStringList{QStringLiteral("simulate"), QStringLiteral("memory"),
                               QStringLiteral("--manifest"), manifest, QStringLiteral("--url"),
                               server.url("/hook"), QStringLiteral("--report"), report} +
                   options);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.errText().contains(QStringLiteral("[1/1] memory: skipped: ") + reason),
                 qPrintable(run.errText()));
        QVERIFY(run.errText().contains(u"nothing sent"));
        QCOMPARE(server.requestCount(), 0);
        QCOMPARE(readJsonObject(report).value(QStringLiteral("requests")).toArray().size(), 0);
    }

    void uidSessionAndUrlOverride_reachThePlugin()
    {
        LoopbackServer server;
        server.setRoute("/segments", Behaviour::json(200, "{}"));
        const CliRun run = runCli(simulateTranscript(
            server.url("/segments?lang=en"),
            {QStringLiteral("--fast"), QStringLiteral("--uid"), QStringLiteral("tester 1/\u00e9"),
             QStringLiteral("--session-id"), QStringLiteral("conversation-9")}));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(server.requestCount(), 3);
        for (const studio::HttpServerRequest &request : server.requests()) {
            QCOMPARE(request.target, QByteArray("/segments?lang=en&uid=tester%201%2F%C3%A9"));
            QCOMPARE(request.json().object().value(QStringLiteral("session_id")).toString(),
                     QStringLiteral("conversation-9"));
        }
    }

    void indexEntry_andMemoryFromTranscript_inAnotherProfile()
    {
        LoopbackServer server;
        server.setRoute("/hook", Behaviour::json(200, "{}"));
        const CliRun run = runCli(
            {QStringLiteral("simulate"), QStringLiteral("memory"), QStringLiteral("--manifest"),
             testData("two-entries.json"), QStringLiteral("--entry"),
             QStringLiteral("memory-filer"), QStringLiteral("--url"), server.url("/hook"),
             QStringLiteral("--from-transcript"), testData("conversation.json"),
             QStringLiteral("--profile"), QStringLiteral("app-2024-07")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(server.requestCount(), 1);
        const QJsonObject body = server.requests().first().json().object();
        QVERIFY(body.contains(QStringLiteral("createdAt")));
        QCOMPARE(body.value(QStringLiteral("transcriptSegments")).toArray().size(), 6);
        QVERIFY(body.value(QStringLiteral("transcript"))
                    .toString()
                    .contains(u"Remind me to book the room."));
    }

    void singleEntryIndex_needsNoEntry()
    {
        LoopbackServer server;
        server.setRoute("/segments", Behaviour::json(200, "{}"));
        const CliRun run = runCli({QStringLiteral("simulate"), QStringLiteral("transcript"),
                                   QStringLiteral("--manifest"),
                                   testData("single-entry-index.json"), QStringLiteral("--url"),
                                   server.url("/segments"), QStringLiteral("--transcript"),
                                   testData("conversation.json"), QStringLiteral("--fast")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.errText().contains(u"single-entry-index.json (entry 'live-listener')"));
        QCOMPARE(server.requestCount(), 3);
    }

    void defaultMemory_isSentWhenNoneIsNamed()
    {
        LoopbackServer server;
        server.setRoute("/hook", Behaviour::json(200, "{}"));
        const CliRun run = runCli(simulateMemory(server.url("/hook")));
        QCOMPARE(run.exitCode, 0);
        const QJsonObject body = server.requests().first().json().object();
        QVERIFY(!body.value(QStringLiteral("id")).toString().isEmpty());
        const QJsonArray events = body.value(QStringLiteral("structured"))
                                      .toObject()
                                      .value(QStringLiteral("events"))
                                      .toArray();
        QCOMPARE(events.size(), 1);
        QVERIFY(!events.first().toObject().value(QStringLiteral("start")).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(CliSimulateTest)
#include "tst_cli_simulate.moc"
