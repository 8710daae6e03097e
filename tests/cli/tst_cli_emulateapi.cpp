// plugin-studio emulate-api as an author runs it: the real executable in a child process,
// its settings read off stdout, called over 127.0.0.1 as an app calls the backend, a line
// per call on stderr, stopped by a signal.
#include "CliRunner.h"
#include "LoopbackServer.h"
#include "RunningCli.h"
#include "SendAndWait.h"
#include "http/HttpClient.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace studio;
using namespace studio::test;

class CliEmulateApiTest : public QObject
{
    Q_OBJECT

private slots:
    void help_documentsTheEndpointsAndThe403();
    void stdout_givesTheSettings_andEachCallIsALineOnStderr();
    void givenKeyUidAndId_areUsed_andQuietPrintsNoCalls();
    void a2024Entry_andAMissingFile_areRefused();
    void portInUse_isAClearError();
};

namespace {

const QString kSample = QStringLiteral(STUDIO_SAMPLES_DIR "/apps/task-keeper/app.json");

HttpResult send(const QByteArray &method, const QString &url, const QByteArray &key,
                const QByteArray &body = {})
{
    HttpClient client;
    HttpRequest request;
    request.method = method;
    request.url = url;
    request.body = body;
    request.headers = {{"Authorization", "Bearer " + key}, {"Content-Type", "application/json"}};
    return sendAndWait(client, request);
}

// The value of stdout's "name value" line.
QString printed(const QString &out, const QString &name)
{
    const QRegularExpression line(QStringLiteral("^%1 (\\S+)$").arg(name),
                                  QRegularExpression::MultilineOption);
    return line.match(out).captured(1);
}

} // namespace

void CliEmulateApiTest::help_documentsTheEndpointsAndThe403()
{
    const CliRun help = runCli({QStringLiteral("emulate-api"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *path : {"user/conversations", "user/memories", "notification?message=",
                             "GET  tasks"})
        QVERIFY2(help.outText().contains(QString::fromLatin1(path)), path);
    QVERIFY(help.outText().contains(QStringLiteral("a wrong key 403 (not 401)")));
    QVERIFY(help.outText().contains(QStringLiteral("(default 8790)")));
}

void CliEmulateApiTest::stdout_givesTheSettings_andEachCallIsALineOnStderr()
{
    RunningCli emulator({QStringLiteral("emulate-api"), QStringLiteral("--app"), kSample,
                         QStringLiteral("--port"), QStringLiteral("0")});
    const QString base = emulator.firstLine();
    QVERIFY2(base.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(emulator.err()));
    QTRY_VERIFY(emulator.out().contains(QStringLiteral("the app id was assigned")));
    const QString out = emulator.out();
    const QString appId = printed(out, QStringLiteral("app_id"));
    const QString key = printed(out, QStringLiteral("api_key"));
    QCOMPARE(printed(out, QStringLiteral("uid")), QStringLiteral("plugin-studio-test-uid"));
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9A-Z]{26}$")).match(appId).hasMatch(),
             qPrintable(out));
    QVERIFY2(QRegularExpression(QStringLiteral("^omi_dev_[0-9a-f]{32}$")).match(key).hasMatch(),
             qPrintable(out));

    const QString api = QStringLiteral("%1/v2/integrations/%2/").arg(base, appId);
    const QString uid = QStringLiteral("?uid=plugin-studio-test-uid");
    HttpResult result = send("POST", api + QStringLiteral("notification") + uid +
                                         QStringLiteral("&message=Kept%202%20tasks"),
                             key.toLatin1());
    QCOMPARE(result.status, 200);
    result = send("POST", api + QStringLiteral("user/conversations") + uid, key.toLatin1(),
                  R"({"text": "Standup: ship on Friday"})");
    QCOMPARE(result.status, 200);
    // The sample app does not declare read_memories.
    result = send("GET", api + QStringLiteral("memories") + uid, key.toLatin1());
    QCOMPARE(result.status, 403);

    QVERIFY2(emulator.waitForErr(QStringLiteral(" POST notification 200 \"Kept 2 tasks\" (9 left "
                                                "this hour)")),
             qPrintable(emulator.err()));
    QVERIFY2(emulator.waitForErr(QStringLiteral(" POST user/conversations 200 created "
                                                "\"Standup: ship on Friday\"")),
             qPrintable(emulator.err()));
    QVERIFY2(emulator.waitForErr(QStringLiteral(" GET memories 403 App does not have the "
                                                "capability to read memories")),
             qPrintable(emulator.err()));
    QVERIFY(emulator.stop(SIGTERM));
    QVERIFY(!emulator.crashed());
    QCOMPARE(emulator.exitCode(), 0);
    // One line per call, and the stop.
    QCOMPARE(emulator.err().count(u'\n'), 4);
}

void CliEmulateApiTest::givenKeyUidAndId_areUsed_andQuietPrintsNoCalls()
{
    RunningCli emulator({QStringLiteral("emulate-api"), QStringLiteral("--app"), kSample,
                         QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--key"),
                         QStringLiteral("my-key"), QStringLiteral("--uid"), QStringLiteral("me"),
                         QStringLiteral("--app-id"), QStringLiteral("app-1"),
                         QStringLiteral("--quiet")});
    const QString base = emulator.firstLine();
    QVERIFY2(!base.isEmpty(), qPrintable(emulator.err()));
    QTRY_VERIFY(emulator.out().contains(QStringLiteral("uid me")));
    QVERIFY(emulator.out().contains(QStringLiteral("app_id app-1\napi_key my-key\n")));
    QVERIFY(!emulator.out().contains(QStringLiteral("assigned")));

    const HttpResult root = send("GET", base + QStringLiteral("/"), "my-key");
    QCOMPARE(QJsonDocument::fromJson(root.body).object().value(QStringLiteral("app_id")).toString(),
             QStringLiteral("app-1"));
    QCOMPARE(send("GET", base + QStringLiteral("/v2/integrations/app-1/tasks?uid=me"), "my-key")
                 .status,
             200);
    QVERIFY(emulator.stop(SIGINT));
    QCOMPARE(emulator.exitCode(), 0);
    QCOMPARE(emulator.err(), QStringLiteral("plugin-studio: stopped\n"));
}

void CliEmulateApiTest::a2024Entry_andAMissingFile_areRefused()
{
    QTemporaryDir dir;
    const QString entry = dir.filePath(QStringLiteral("manifest.json"));
    QFile file(entry);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"id": "old-plugin", "name": "Old", "author": "A", "description": "d",
                  "image": "/plugins/logos/old.png", "capabilities": ["memories"],
                  "memory_prompt": "p", "deleted": false})");
    file.close();
    CliRun run = runCli({QStringLiteral("emulate-api"), QStringLiteral("--app"), entry,
                         QStringLiteral("--port"), QStringLiteral("0")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(entry) && run.errText().contains(QStringLiteral("migrate")),
             qPrintable(run.errText()));
    QVERIFY(run.out.isEmpty());

    const QString missing = dir.filePath(QStringLiteral("app.json"));
    run = runCli({QStringLiteral("emulate-api"), QStringLiteral("--app"), missing});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(missing), qPrintable(run.errText()));

    run = runCli({QStringLiteral("emulate-api")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.errText().contains(QStringLiteral("--app APP is required")));
}

void CliEmulateApiTest::portInUse_isAClearError()
{
    LoopbackServer taken;
    const CliRun run = runCli({QStringLiteral("emulate-api"), QStringLiteral("--app"), kSample,
                               QStringLiteral("--port"), QString::number(taken.port())});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(QStringLiteral("the port is already in use")),
             qPrintable(run.errText()));
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(CliEmulateApiTest)
#include "tst_cli_emulateapi.moc"
