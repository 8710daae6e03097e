#include "CliReports.h"
#include "CliRunner.h"
#include "LoopbackServer.h"
#include "PythonHmac.h"
#include "TestFiles.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace studio::test;
using Behaviour = studio::HttpAnswer;

namespace {

const QString kSampleApp = QStringLiteral(STUDIO_SAMPLES_DIR "/apps/task-keeper/app.json");
const QString kSecret = QStringLiteral("whsec_Y2xpLXRlc3Qtc2lnbmluZy1zZWNyZXQ");
constexpr qint64 kT = 1'767'225'600;

// A conversation of `seconds` one-second windows, one segment each.
QString writeConversation(const QTemporaryDir &dir, int seconds)
{
    QJsonArray segments;
    for (int i = 0; i < seconds; ++i)
        segments.append(QJsonObject{{QStringLiteral("text"), QStringLiteral("segment %1").arg(i)},
                                    {QStringLiteral("speaker"), QStringLiteral("SPEAKER_00")},
                                    {QStringLiteral("speaker_id"), 0},
                                    {QStringLiteral("is_user"), true},
                                    {QStringLiteral("start"), i + 0.1},
                                    {QStringLiteral("end"), i + 0.5}});
    const QString path = dir.filePath(QStringLiteral("conversation.json"));
    writeFile(path, QJsonDocument(segments).toJson());
    return path;
}

QStringList verify(const QByteArray &header, const QString &bodyPath, qint64 now,
                   const QString &secret = kSecret)
{
    return {QStringLiteral("verify-signature"),
            QStringLiteral("--secret"),
            secret,
            QStringLiteral("--header"),
            QString::fromLatin1(header),
            QStringLiteral("--uid"),
            QStringLiteral("u1"),
            QStringLiteral("--body"),
            bodyPath,
            QStringLiteral("--now"),
            QString::number(now)};
}

} // namespace

// Signed webhooks and the circuit breaker of today's apps, from the command line: the real
// executable against real servers on loopback, the signatures checked with Python's hmac.
class CliSigningTest : public QObject
{
    Q_OBJECT

private slots:
    void simulateMemory_signsEachRequest()
    {
        LoopbackServer server;
        server.setRoute("/memory", Behaviour::json(200, "{}"));
        QTemporaryDir out;
        const QString har = out.filePath(QStringLiteral("run.har"));
        const CliRun run =
            runCli({QStringLiteral("simulate"), QStringLiteral("memory"),
                    QStringLiteral("--manifest"), kSampleApp, QStringLiteral("--url"),
                    server.url("/memory"), QStringLiteral("--signing-secret"), kSecret,
                    QStringLiteral("--har"), har, QStringLiteral("--no-history")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.errText().contains(u"signed (X-Omi-Signature)"), qPrintable(run.errText()));
        QCOMPARE(server.requestCount(), 1);
        const studio::HttpServerRequest received = server.requests().first();
        const QByteArray signature = received.header("X-Omi-Signature");
        QVERIFY2(signature.startsWith("t="), signature.constData());
        const qint64 t = signature.mid(2, signature.indexOf(',') - 2).toLongLong();
        QVERIFY(qAbs(QDateTime::currentSecsSinceEpoch() - t) < 60);
        QCOMPARE(
            signature.mid(signature.indexOf(",v1=") + 4),
            pythonHmacHex(kSecret, t, QStringLiteral("plugin-studio-test-uid"), received.body));
        QCOMPARE(received.header("X-Omi-Event"), QByteArray("memory_created"));
        QCOMPARE(received.header("X-Omi-Delivery").size(), 32);

        // The HAR has the headers as they were sent.
        const QJsonArray headers =
            readJsonObject(har)[QStringLiteral("log")][QStringLiteral("entries")][0]
                               [QStringLiteral("request")][QStringLiteral("headers")]
                                   .toArray();
        bool found = false;
        for (const QJsonValue &header : headers)
            found = found || (header[QStringLiteral("name")].toString() == u"X-Omi-Signature" &&
                              header[QStringLiteral("value")].toString().toLatin1() == signature);
        QVERIFY(found);

        // What the plugin received verifies with the command an author checks with.
        const QString body = out.filePath(QStringLiteral("body.json"));
        writeFile(body, received.body);
        const CliRun check = runCli(
            {QStringLiteral("verify-signature"), QStringLiteral("--secret"), kSecret,
             QStringLiteral("--header"), QString::fromLatin1(signature), QStringLiteral("--uid"),
             QStringLiteral("plugin-studio-test-uid"), QStringLiteral("--body"), body});
        QCOMPARE(check.exitCode, 0);
        QVERIFY2(check.outText().startsWith(u"ok: the v1 signature matches"),
                 qPrintable(check.outText()));
    }

    void rerun_isSignedAgainOnlyWhenGivenTheSecret()
    {
        LoopbackServer server;
        server.setRoute("/memory", Behaviour::json(200, "{}"));
        QTemporaryDir data;
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PLUGIN_STUDIO_DATA_DIR"), data.path());
        QCOMPARE(runCli({QStringLiteral("simulate"), QStringLiteral("memory"),
                         QStringLiteral("--manifest"), kSampleApp, QStringLiteral("--url"),
                         server.url("/memory"), QStringLiteral("--signing-secret"), kSecret},
                        {}, environment)
                     .exitCode,
                 0);
        const QStringList rerun{QStringLiteral("runs"), QStringLiteral("rerun"),
                                QStringLiteral("last"), QStringLiteral("--quiet")};
        QCOMPARE(runCli(rerun, {}, environment).exitCode, 0);
        QCOMPARE(runCli(rerun + QStringList{QStringLiteral("--signing-secret"), kSecret}, {},
                        environment)
                     .exitCode,
                 0);
        const QList<studio::HttpServerRequest> received = server.requests();
        QCOMPARE(received.size(), 3);
        QCOMPARE(received[1].body, received[0].body); // the very bytes
        QVERIFY(received[1].header("X-Omi-Signature").isEmpty());
        const QByteArray signature = received[2].header("X-Omi-Signature");
        const qint64 t = signature.mid(2, signature.indexOf(',') - 2).toLongLong();
        QCOMPARE(
            signature.mid(signature.indexOf(",v1=") + 4),
            pythonHmacHex(kSecret, t, QStringLiteral("plugin-studio-test-uid"), received[2].body));
        QVERIFY(received[2].header("X-Omi-Delivery") != received[0].header("X-Omi-Delivery"));
    }

    void signingUnder2024_isAUsageError()
    {
        const CliRun run = runCli(
            {QStringLiteral("simulate"), QStringLiteral("memory"), QStringLiteral("--manifest"),
             kSampleApp, QStringLiteral("--contract"), QStringLiteral("plugins-2024"),
             QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:9/"),
             QStringLiteral("--signing-secret"), kSecret, QStringLiteral("--no-history")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(u"plugins-2024 never signed its webhooks"),
                 qPrintable(run.errText()));
    }

    void verifySignature_acceptsAndRejects()
    {
        QTemporaryDir dir;
        const QString body = dir.filePath(QStringLiteral("body.json"));
        const QByteArray bytes = QStringLiteral("{\"text\":\"héllo\"}").toUtf8();
        writeFile(body, bytes);
        const QByteArray hex = pythonHmacHex(kSecret, kT, QStringLiteral("u1"), bytes);
        QCOMPARE(hex.size(), 64);
        const QByteArray header = "t=" + QByteArray::number(kT) + ",v1=" + hex;

        const CliRun ok = runCli(verify(header, body, kT + 12));
        QCOMPARE(ok.exitCode, 0);
        QCOMPARE(ok.outText(), QStringLiteral("ok: the v1 signature matches; signed 12 s ago "
                                              "(tolerance 300 s)\n"));
        // Pasted with its name, as a log shows it.
        QCOMPARE(runCli(verify("X-Omi-Signature: " + header, body, kT)).exitCode, 0);

        const CliRun late = runCli(verify(header, body, kT + 301));
        QCOMPARE(late.exitCode, 1);
        QVERIFY2(late.outText().startsWith(u"rejected: timestamp 1767225600 is 301 s before now"),
                 qPrintable(late.outText()));
        const CliRun early = runCli(verify(header, body, kT - 400));
        QCOMPARE(early.exitCode, 1);
        QVERIFY2(early.outText().contains(u"400 s after now"), qPrintable(early.outText()));
        QCOMPARE(runCli(verify(header, body, kT + 301) +
                        QStringList{QStringLiteral("--tolerance"), QStringLiteral("600")})
                     .exitCode,
                 0);

        const CliRun wrongSecret =
            runCli(verify(header, body, kT, QStringLiteral("whsec_another")));
        QCOMPARE(wrongSecret.exitCode, 1);
        QVERIFY(wrongSecret.outText().startsWith(u"rejected: no v1 signature matches"));
        const CliRun noT = runCli(verify("v1=" + hex, body, kT));
        QCOMPARE(noT.exitCode, 1);
        QVERIFY(noT.outText().startsWith(u"rejected: bad format"));
    }

    void verifySignature_saysWhichOfSeveralMatched()
    {
        QTemporaryDir dir;
        const QString body = dir.filePath(QStringLiteral("body.json"));
        writeFile(body, "{}");
        // A rotation: the new secret's signature first, the previous secret's second.
        const QString previous = QStringLiteral("whsec_previous");
        const QByteArray header = "t=" + QByteArray::number(kT) +
                                  ",v1=" + pythonHmacHex(kSecret, kT, QStringLiteral("u1"), "{}") +
                                  ",v1=" + pythonHmacHex(previous, kT, QStringLiteral("u1"), "{}");
        const CliRun byPrevious = runCli(verify(header, body, kT, previous));
        QCOMPARE(byPrevious.exitCode, 0);
        QVERIFY2(byPrevious.outText().startsWith(u"ok: the second of 2 v1 signatures matches"),
                 qPrintable(byPrevious.outText()));
        const CliRun byCurrent = runCli(verify(header, body, kT));
        QVERIFY(byCurrent.outText().startsWith(u"ok: the first of 2 v1 signatures matches"));
    }

    void verifySignature_usage()
    {
        const CliRun missing =
            runCli({QStringLiteral("verify-signature"), QStringLiteral("--secret"), kSecret});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.errText().contains(u"--header is required"),
                 qPrintable(missing.errText()));
        const CliRun unreadable =
            runCli(verify("t=1,v1=aa", QStringLiteral("/nonexistent/body"), 1));
        QCOMPARE(unreadable.exitCode, 2);
        const CliRun badNow =
            runCli({QStringLiteral("verify-signature"), QStringLiteral("--secret"), kSecret,
                    QStringLiteral("--header"), QStringLiteral("t=1,v1=aa"),
                    QStringLiteral("--uid"), QStringLiteral("u1"), QStringLiteral("--body"),
                    kSampleApp, QStringLiteral("--now"), QStringLiteral("1.5")});
        QCOMPARE(badNow.exitCode, 2);
    }

    // A server answering 500: five requests, none for 30 s of the replay, then the probe.
    void circuitBreaker_holdsRequestsBackAndTheReportsSaySo()
    {
        LoopbackServer server;
        server.setRoute("/segments", Behaviour::text(500, "down"));
        QTemporaryDir out;
        const QString report = out.filePath(QStringLiteral("run.json"));
        const QString junit = out.filePath(QStringLiteral("run.xml"));
        const QString har = out.filePath(QStringLiteral("run.har"));
        const CliRun run = runCli(
            {QStringLiteral("simulate"), QStringLiteral("transcript"), QStringLiteral("--manifest"),
             testData("transcript-app.json"), QStringLiteral("--url"), server.url("/segments"),
             QStringLiteral("--transcript"), writeConversation(out, 40), QStringLiteral("--fast"),
             QStringLiteral("--report"), report, QStringLiteral("--junit"), junit,
             QStringLiteral("--har"), har, QStringLiteral("--no-history")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(server.requestCount(), 6);
        const QString err = run.errText();
        QVERIFY2(err.contains(u"[6/40] window 5-6 s (1 segment): NOT SENT: circuit open until 35 s "
                              u"(5 failures in a row, the last at 5 s)\n"),
                 qPrintable(err));
        QVERIFY(err.contains(u"[35/40] window 34-35 s (1 segment): 500"));
        QVERIFY(err.contains(u"[36/40] window 35-36 s (1 segment): NOT SENT: circuit open until "
                             u"65 s"));
        QVERIFY2(err.contains(u"summary: 40 requests, 6 errors, 34 not sent,"), qPrintable(err));
        QVERIFY(err.contains(u"plugin-studio: failed: 34 requests of 40 not sent"));

        const QJsonObject json = readJsonObject(report);
        QCOMPARE(json[QStringLiteral("summary")][QStringLiteral("not_sent")].toInt(), 34);
        QCOMPARE(json[QStringLiteral("summary")][QStringLiteral("errors")].toInt(), 6);
        const QJsonArray requests = json[QStringLiteral("requests")].toArray();
        QCOMPARE(requests.size(), 40);
        QCOMPARE(requests[5][QStringLiteral("sent")].toBool(), false);
        QCOMPARE(requests[5][QStringLiteral("verdict")].toString(), QStringLiteral("not sent"));
        QCOMPARE(requests[34][QStringLiteral("notes")][0].toString(),
                 QStringLiteral("the circuit breaker's probe failed: it opens again"));

        const JUnitCounts counts = readJUnit(junit);
        QVERIFY(counts.parsed);
        QCOMPARE(counts.tests, 40);
        QCOMPARE(counts.failures, 6);
        QCOMPARE(counts.failureElements, 6);
        QVERIFY(readFile(junit).contains("skipped=\"34\""));

        int notSent = 0;
        for (const QJsonValue &entry :
             readJsonObject(har)[QStringLiteral("log")][QStringLiteral("entries")].toArray())
            notSent += entry[QStringLiteral("_notSent")].toBool() ? 1 : 0;
        QCOMPARE(notSent, 34);

        // The 2024 contract has no breaker: every request goes.
        server.clearRequests();
        const CliRun old = runCli(
            {QStringLiteral("simulate"), QStringLiteral("transcript"), QStringLiteral("--manifest"),
             testData("transcript-app.json"), QStringLiteral("--contract"),
             QStringLiteral("plugins-2024"), QStringLiteral("--window"), QStringLiteral("1"),
             QStringLiteral("--url"), server.url("/segments"), QStringLiteral("--transcript"),
             writeConversation(out, 40), QStringLiteral("--fast"), QStringLiteral("--no-history")});
        QCOMPARE(old.exitCode, 1);
        QCOMPARE(server.requestCount(), 40);
        QVERIFY(!old.errText().contains(u"NOT SENT"));
    }
};

QTEST_GUILESS_MAIN(CliSigningTest)
#include "tst_cli_signing.moc"
