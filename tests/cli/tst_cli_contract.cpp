#include "CliReports.h"
#include "CliRunner.h"
#include "LoopbackServer.h"
#include "TestFiles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace studio::test;
using Behaviour = studio::HttpAnswer;

namespace {

const QString kSampleApp = QStringLiteral(STUDIO_SAMPLES_DIR "/apps/task-keeper/app.json");

QJsonObject jsonOf(const CliRun &run)
{
    return QJsonDocument::fromJson(run.out).object();
}

QJsonObject bodyOf(const studio::HttpServerRequest &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

} // namespace

// --contract on the commands, and the contract told by the document when it is not given:
// the real executable against real servers.
class CliContractTest : public QObject
{
    Q_OBJECT

private slots:
    void validate_tellsTheContract()
    {
        const CliRun app = runCli({QStringLiteral("validate"), kSampleApp,
                                   QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(app.exitCode, 0);
        QCOMPARE(jsonOf(app).value(QStringLiteral("contract")).toString(),
                 QStringLiteral("apps-2026"));
        const CliRun index = runCli({QStringLiteral("validate"),
                                     QStringLiteral(STUDIO_SAMPLES_DIR "/repo"),
                                     QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(index.exitCode, 0);
        QCOMPARE(jsonOf(index).value(QStringLiteral("contract")).toString(),
                 QStringLiteral("plugins-2024"));
    }

    void validate_underTheNamedContract()
    {
        // The app read as a 2024 entry: no id, category unknown.
        const CliRun asEntry = runCli({QStringLiteral("validate"), kSampleApp,
                                       QStringLiteral("--contract"),
                                       QStringLiteral("plugins-2024")});
        QCOMPARE(asEntry.exitCode, 1);
        QVERIFY2(asEntry.outText().contains(u"[PS101]"), qPrintable(asEntry.outText()));
        QVERIFY(asEntry.outText().contains(u"'category'"));
        // The index read as an app: one object expected.
        const CliRun asApp =
            runCli({QStringLiteral("validate"), QStringLiteral(STUDIO_SAMPLES_DIR "/repo"),
                    QStringLiteral("--contract"), QStringLiteral("apps-2026")});
        QCOMPARE(asApp.exitCode, 1);
        QVERIFY(asApp.outText().contains(u"[PS004]"));

        const CliRun unknown = runCli({QStringLiteral("validate"), kSampleApp,
                                       QStringLiteral("--contract"), QStringLiteral("apps")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.errText().contains(u"--contract must be plugins-2024|apps-2026, not 'apps'"),
                 qPrintable(unknown.errText()));
    }

    void validate_appLogoBesideTheDocument()
    {
        QTemporaryDir dir;
        const QString app = dir.filePath(QStringLiteral("app.json"));
        QFile::copy(kSampleApp, app);
        const CliRun missing = runCli({QStringLiteral("validate"), app});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.outText().contains(u"[PS151]"), qPrintable(missing.outText()));
        writeFile(dir.filePath(QStringLiteral("logo.png")), pngBytes(512, 512));
        QCOMPARE(runCli({QStringLiteral("validate"), app}).exitCode, 0);
    }

    // memory_creation under apps-2026: the Conversation, compact; a message is a chat message
    // without a push; the report says which contract.
    void simulateMemory_sendsTheConversation()
    {
        LoopbackServer server;
        server.setRoute("/memory", Behaviour::json(200, "{\"message\": \"Kept 2 tasks\"}"));
        QTemporaryDir out;
        const QString report = out.filePath(QStringLiteral("run.json"));
        const CliRun run = runCli({QStringLiteral("simulate"), QStringLiteral("memory"),
                                   QStringLiteral("--manifest"), kSampleApp, QStringLiteral("--url"),
                                   server.url("/memory"), QStringLiteral("--report"), report,
                                   QStringLiteral("--no-history")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.errText().contains(u"(apps-2026)"), qPrintable(run.errText()));
        QCOMPARE(server.requestCount(), 1);
        const studio::HttpServerRequest received = server.requests().first();
        QVERIFY(!received.body.contains(", \""));
        const QJsonObject body = bodyOf(received);
        for (const char *key : {"apps_results", "status", "updated_at", "audio_files", "folder_id"})
            QVERIFY2(body.contains(QLatin1String(key)), key);
        QVERIFY(body.value(QStringLiteral("transcript_segments"))
                    .toArray()
                    .first()
                    .toObject()
                    .contains(QStringLiteral("translations")));

        const QJsonObject json = readJsonObject(report);
        QCOMPARE(json.value(QStringLiteral("contract")).toString(), QStringLiteral("apps-2026"));
        const QJsonObject request =
            json.value(QStringLiteral("requests")).toArray().first().toObject();
        QCOMPARE(request.value(QStringLiteral("chat_message")).toString(),
                 QStringLiteral("Kept 2 tasks"));
        QVERIFY(request.value(QStringLiteral("notification")).isNull());
        QVERIFY2(request.value(QStringLiteral("reason")).toString().contains(u"no push"),
                 qPrintable(request.value(QStringLiteral("reason")).toString()));

        // The same app told to be judged as 2024: a push, and the 2024 body.
        server.clearRequests();
        const CliRun old = runCli({QStringLiteral("simulate"), QStringLiteral("memory"),
                                   QStringLiteral("--manifest"), kSampleApp,
                                   QStringLiteral("--contract"), QStringLiteral("plugins-2024"),
                                   QStringLiteral("--url"), server.url("/memory"),
                                   QStringLiteral("--no-history")});
        QCOMPARE(old.exitCode, 0);
        QVERIFY(old.errText().contains(u"notification \"Kept 2 tasks\""));
        QVERIFY(!bodyOf(server.requests().first()).contains(QStringLiteral("apps_results")));
    }

    void simulateMemory_profilesArePlugins2024s()
    {
        const CliRun run = runCli({QStringLiteral("simulate"), QStringLiteral("memory"),
                                   QStringLiteral("--manifest"), kSampleApp,
                                   QStringLiteral("--profile"), QStringLiteral("guide"),
                                   QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:9/"),
                                   QStringLiteral("--no-history")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(u"profiles are plugins-2024's"), qPrintable(run.errText()));
    }

    // transcript_processed under apps-2026: one call a second by default; --window still wins.
    void simulateTranscript_everySecond()
    {
        LoopbackServer server;
        server.setRoute("/segments", Behaviour::json(200, "{}"));
        const QStringList common{QStringLiteral("simulate"),
                                 QStringLiteral("transcript"),
                                 QStringLiteral("--manifest"),
                                 testData("transcript-app.json"),
                                 QStringLiteral("--url"),
                                 server.url("/segments"),
                                 QStringLiteral("--transcript"),
                                 testData("conversation.json"),
                                 QStringLiteral("--fast"),
                                 QStringLiteral("--no-history")};
        const CliRun run = runCli(common);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.errText().contains(u"1 s windows"), qPrintable(run.errText()));
        QCOMPARE(server.requestCount(), 6);
        const QJsonObject first = bodyOf(server.requests().first());
        QCOMPARE(first.value(QStringLiteral("session_id")).toString(),
                 QStringLiteral("plugin-studio-test-uid"));
        QVERIFY(first.value(QStringLiteral("segments")).toArray().first().toObject().contains(
            QStringLiteral("id")));

        server.clearRequests();
        QCOMPARE(runCli(common + QStringList{QStringLiteral("--window"), QStringLiteral("30")})
                     .exitCode,
                 0);
        QCOMPARE(server.requestCount(), 3);
    }
};

QTEST_GUILESS_MAIN(CliContractTest)
#include "tst_cli_contract.moc"
