#include "CliRunner.h"
#include "LoopbackServer.h"
#include "PythonHmac.h"
#include "TestFiles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace studio::test;
using Behaviour = studio::HttpAnswer;

Q_DECLARE_METATYPE(studio::HttpAnswer)

namespace {

// The tools manifest the app serves: a POST tool (relative endpoint), a GET tool.
QByteArray toolsManifest()
{
    const QJsonObject add{
        {QStringLiteral("name"), QStringLiteral("add_song")},
        {QStringLiteral("description"), QStringLiteral("Adds a song to the playlist")},
        {QStringLiteral("endpoint"), QStringLiteral("/tools/add")},
        {QStringLiteral("method"), QStringLiteral("POST")},
        {QStringLiteral("parameters"),
         QJsonObject{{QStringLiteral("properties"),
                      QJsonObject{{QStringLiteral("song"),
                                   QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                                  {QStringLiteral("position"),
                                   QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")}}}}},
                     {QStringLiteral("required"), QJsonArray{QStringLiteral("song")}}}}};
    const QJsonObject find{
        {QStringLiteral("name"), QStringLiteral("find_songs")},
        {QStringLiteral("description"), QStringLiteral("Finds songs")},
        {QStringLiteral("endpoint"), QStringLiteral("/tools/find")},
        {QStringLiteral("method"), QStringLiteral("GET")},
        {QStringLiteral("parameters"),
         QJsonObject{{QStringLiteral("properties"),
                      QJsonObject{{QStringLiteral("artist"),
                                   QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                                  {QStringLiteral("live"),
                                   QJsonObject{{QStringLiteral("type"), QStringLiteral("boolean")}}}}}}}};
    return QJsonDocument(QJsonObject{{QStringLiteral("tools"), QJsonArray{add, find}}}).toJson();
}

// An app whose app_home_url is the loopback server, written beside the test.
class App
{
public:
    explicit App(const QString &homeUrl, const QString &manifestUrl = {})
    {
        QJsonObject integration{{QStringLiteral("app_home_url"), homeUrl},
                                {QStringLiteral("actions"),
                                 QJsonArray{QJsonObject{{QStringLiteral("action"),
                                                         QStringLiteral("read_memories")}}}}};
        if (!manifestUrl.isEmpty())
            integration[QStringLiteral("chat_tools_manifest_url")] = manifestUrl;
        const QJsonObject app{{QStringLiteral("name"), QStringLiteral("Playlist")},
                              {QStringLiteral("author"), QStringLiteral("Ann")},
                              {QStringLiteral("description"), QStringLiteral("Songs")},
                              {QStringLiteral("category"), QStringLiteral("music")},
                              {QStringLiteral("capabilities"),
                               QJsonArray{QStringLiteral("external_integration")}},
                              {QStringLiteral("external_integration"), integration}};
        writeFile(path(), QJsonDocument(app).toJson());
    }
    QString path() const { return m_dir.filePath(QStringLiteral("app.json")); }

private:
    QTemporaryDir m_dir;
};

QStringList check(const App &app, const QStringList &more = {})
{
    return QStringList{QStringLiteral("tools"), QStringLiteral("check"),
                       QStringLiteral("--manifest"), app.path()} +
           more;
}

QStringList call(const App &app, const QString &tool, const QStringList &more = {})
{
    return QStringList{QStringLiteral("tools"), QStringLiteral("call"), tool,
                       QStringLiteral("--manifest"), app.path()} +
           more;
}

// A server serving the manifest where the backend looks for it.
void serveManifest(LoopbackServer &server)
{
    server.setRoute("/.well-known/omi-tools.json", Behaviour::json(200, toolsManifest()));
}

QJsonObject jsonOf(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

} // namespace

// plugin-studio tools check and tools call, the real executable against a real server that
// serves the manifest and the tools.
class CliToolsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void help_documentsBothActions()
    {
        const CliRun help = runCli({QStringLiteral("tools"), QStringLiteral("check"),
                                    QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.outText().contains(u"plugin-studio tools check --manifest APP"));
        QVERIFY(help.outText().contains(u"plugin-studio tools call NAME --manifest APP"));
        QVERIFY(help.outText().contains(u"00000000000000000000000000"));
        QVERIFY(runCli({QStringLiteral("--help")}).outText().contains(u"tools "));
    }

    void check_fetchesTheWellKnownManifest_andListsTheTools()
    {
        LoopbackServer server;
        serveManifest(server);
        const App app(server.baseUrl());
        const CliRun run = runCli(check(app));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(server.requestCount(), 1);
        const auto request = server.requests().first();
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.target, QByteArray("/.well-known/omi-tools.json"));
        QCOMPARE(request.header("Accept"), QByteArray("application/json"));
        QVERIFY2(run.outText().contains(u"2 tools as the assistant sees them:"), qPrintable(run.outText()));
        QVERIFY(run.outText().contains(u"00000000000000000000000000_add_song  POST " +
                                       server.url("/tools/add")));
        QVERIFY(run.outText().contains(u"song (string, required)"));
        QVERIFY(run.errText().contains(u"(HTTP 200)"));
        QVERIFY(run.errText().contains(u"is a placeholder"));

        const CliRun named = runCli(check(app, {QStringLiteral("--app-id"), QStringLiteral("01JAPP")}));
        QVERIFY(named.outText().contains(u"01JAPP_find_songs  GET "));
        QVERIFY(!named.errText().contains(u"placeholder"));
    }

    void check_usesTheAppsManifestUrl_orUrlOption()
    {
        LoopbackServer server;
        server.setRoute("/custom.json", Behaviour::json(200, toolsManifest()));
        server.setRoute("/other.json", Behaviour::json(200, toolsManifest()));
        const App app(server.baseUrl(), server.url("/custom.json"));
        QCOMPARE(runCli(check(app)).exitCode, 0);
        QCOMPARE(runCli(check(app, {QStringLiteral("--url"), server.url("/other.json")})).exitCode, 0);
        QCOMPARE(server.requestCount(), 2);
        QCOMPARE(server.requests().at(0).target, QByteArray("/custom.json"));
        QCOMPARE(server.requests().at(1).target, QByteArray("/other.json"));
    }

    void check_not200_saysTheBackendGetsNoTools()
    {
        LoopbackServer server;
        server.setRoute("/.well-known/omi-tools.json", Behaviour::json(404, "{\"detail\": \"Not Found\"}"));
        const App app(server.baseUrl());
        const CliRun run = runCli(check(app));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(u"answered HTTP 404; the backend takes the manifest only "
                                        u"with 200, so it gets no tools"),
                 qPrintable(run.errText()));
    }

    void check_nonJson_isPS001()
    {
        LoopbackServer server;
        server.setRoute("/.well-known/omi-tools.json", Behaviour::html(200, "<html>hi</html>"));
        const App app(server.baseUrl());
        const CliRun run = runCli(check(app));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.outText().contains(u":1:1: error: [PS001]"), qPrintable(run.outText()));
        QVERIFY(run.outText().contains(u"0 tools as the assistant sees them"));
    }

    void check_slowServer_timesOutAfterTenSeconds()
    {
        LoopbackServer server;
        server.setRoute("/.well-known/omi-tools.json",
                        Behaviour::json(200, toolsManifest()).afterDelay(12'000));
        const App app(server.baseUrl());
        const CliRun run = runCli(check(app));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(u"the backend gets no tools from this app"),
                 qPrintable(run.errText()));
        QVERIFY(run.errText().contains(u"10 s") || run.errText().contains(u"10000 ms"));
    }

    void check_json_locatesFindings_andListsTools()
    {
        LoopbackServer server;
        QByteArray broken = toolsManifest();
        broken.replace("\"integer\"", "\"int\"");
        server.setRoute("/.well-known/omi-tools.json", Behaviour::json(200, broken));
        const App app(server.baseUrl());
        const CliRun run = runCli(check(app, {QStringLiteral("--format"), QStringLiteral("json")}));
        QCOMPARE(run.exitCode, 1);
        const QJsonObject json = jsonOf(run.out);
        QCOMPARE(json.value(QStringLiteral("http_status")).toInt(), 200);
        QCOMPARE(json.value(QStringLiteral("app_id_placeholder")).toBool(), true);
        const QJsonObject finding =
            json.value(QStringLiteral("diagnostics")).toArray().first().toObject();
        QCOMPARE(finding.value(QStringLiteral("code")).toString(), QStringLiteral("PS403"));
        QCOMPARE(finding.value(QStringLiteral("pointer")).toString(),
                 QStringLiteral("/tools/0/parameters/properties/position/type"));
        QVERIFY(finding.value(QStringLiteral("line")).toInt() > 1);
        const QJsonArray tools = json.value(QStringLiteral("tools")).toArray();
        QCOMPARE(tools.size(), 2);
        QCOMPARE(tools.at(1).toObject().value(QStringLiteral("assistant_name")).toString(),
                 QStringLiteral("00000000000000000000000000_find_songs"));
    }

    void call_post_sendsTheArgumentsAsJsonBody()
    {
        LoopbackServer server;
        serveManifest(server);
        server.setRoute("/tools/add", Behaviour::json(200, "{\"result\": \"Added Blue\"}"));
        const App app(server.baseUrl());
        const CliRun run = runCli(call(app, QStringLiteral("add_song"),
                                       {QStringLiteral("--arg"), QStringLiteral("song=Blue"),
                                        QStringLiteral("--arg"), QStringLiteral("position=3"),
                                        QStringLiteral("--uid"), QStringLiteral("u7"),
                                        QStringLiteral("--app-id"), QStringLiteral("01JAPP")}));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.outText(), QStringLiteral("Added Blue\n"));
        QVERIFY(run.errText().contains(u"the assistant receives the result"));
        const auto request = server.requests().last();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.target, QByteArray("/tools/add"));
        QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(request.body, QByteArray("{\"song\":\"Blue\",\"position\":3,\"uid\":\"u7\","
                                          "\"app_id\":\"01JAPP\",\"tool_name\":\"add_song\"}"));
        QVERIFY(request.header("X-Omi-Signature").isEmpty());
    }

    // Each call goes into the run history 'runs' reads, as simulate's runs do.
    void call_isKeptInTheHistory_andRunsShowsIt()
    {
        QTemporaryDir data;
        qputenv("PLUGIN_STUDIO_DATA_DIR", data.path().toUtf8());
        LoopbackServer server;
        serveManifest(server);
        server.setRoute("/tools/add", Behaviour::json(200, "{\"result\": \"Added Blue\"}"));
        const App app(server.baseUrl());
        const QStringList song{QStringLiteral("--arg"), QStringLiteral("song=Blue"),
                               QStringLiteral("--app-id"), QStringLiteral("01JAPP")};
        const CliRun run = runCli(call(app, QStringLiteral("add_song"), song));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.errText().contains(u"kept in the history as run 1"), run.err.constData());

        const CliRun list = runCli({QStringLiteral("runs"), QStringLiteral("list"),
                                    QStringLiteral("--format"), QStringLiteral("json")});
        const QJsonArray runs = jsonOf(list.out).value(QStringLiteral("runs")).toArray();
        QCOMPARE(runs.size(), 1);
        const QJsonObject listed = runs.first().toObject();
        QCOMPARE(listed.value(QStringLiteral("kind")).toString(), QStringLiteral("tool"));
        QCOMPARE(listed.value(QStringLiteral("plugin")).toString(), QStringLiteral("01JAPP"));
        QCOMPARE(listed.value(QStringLiteral("plugin_name")).toString(), QStringLiteral("Playlist"));
        QCOMPARE(listed.value(QStringLiteral("url")).toString(), server.url("/tools/add"));

        const CliRun shown = runCli({QStringLiteral("runs"), QStringLiteral("show"), QStringLiteral("1")});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(shown.outText().contains(QStringLiteral("01JAPP_add_song: POST ") +
                                          server.url("/tools/add")),
                 shown.out.constData());
        QVERIFY(shown.outText().contains(u"the assistant receives the result"));
        QVERIFY(shown.outText().contains(u"\nAdded Blue\n"));

        const CliRun rerun = runCli({QStringLiteral("runs"), QStringLiteral("rerun"), QStringLiteral("1")});
        QCOMPARE(rerun.exitCode, 2);
        QVERIFY2(rerun.errText().contains(u"is a call of a chat tool"), rerun.err.constData());

        const CliRun unkept = runCli(
            call(app, QStringLiteral("add_song"), song + QStringList{QStringLiteral("--no-history")}));
        QCOMPARE(unkept.exitCode, 0);
        QVERIFY(!unkept.errText().contains(u"kept in the history"));
        const CliRun again = runCli({QStringLiteral("runs"), QStringLiteral("list"),
                                     QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(jsonOf(again.out).value(QStringLiteral("runs")).toArray().size(), 1);
        qunsetenv("PLUGIN_STUDIO_DATA_DIR");
    }

    void call_get_sendsTheArgumentsAsQuery()
    {
        LoopbackServer server;
        serveManifest(server);
        server.setRoute("/tools/find", Behaviour::text(200, "3 songs"));
        const App app(server.baseUrl());
        const CliRun run = runCli(call(app, QStringLiteral("find_songs"),
                                       {QStringLiteral("--arg"), QStringLiteral("artist=Nina Simone"),
                                        QStringLiteral("--arg"), QStringLiteral("live=true")}));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.outText(), QStringLiteral("3 songs\n"));
        QVERIFY(run.errText().contains(u"the assistant receives the raw"));
        const auto request = server.requests().last();
        QCOMPARE(request.method, QByteArray("GET"));
        QVERIFY(request.body.isEmpty());
        QCOMPARE(request.target,
                 QByteArray("/tools/find?artist=Nina+Simone&live=True&uid=plugin-studio-test-uid"
                            "&app_id=00000000000000000000000000&tool_name=find_songs"));
    }

    void call_argsFile_isCheckedAgainstTheSchema()
    {
        LoopbackServer server;
        serveManifest(server);
        server.setRoute("/tools/add", Behaviour::json(200, "{\"message\": \"Queued\"}"));
        const App app(server.baseUrl());
        QTemporaryDir dir;
        const QString args = dir.filePath(QStringLiteral("args.json"));
        writeFile(args, "{\"song\": \"Blue\", \"position\": 2}");
        const CliRun run = runCli(call(app, QStringLiteral("add_song"), {QStringLiteral("--args"), args}));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.outText(), QStringLiteral("Queued\n"));
        writeFile(args, "{\"song\": \"Blue\", \"position\": \"2\"}");
        const CliRun wrong = runCli(call(app, QStringLiteral("add_song"), {QStringLiteral("--args"), args}));
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.errText().contains(u"'position' is an integer, not \"2\""), qPrintable(wrong.errText()));
    }

    void call_wrongOrMissingArgument_isAUsageError_andSendsNothing()
    {
        LoopbackServer server;
        serveManifest(server);
        const App app(server.baseUrl());
        const CliRun wrongType = runCli(call(app, QStringLiteral("add_song"),
                                             {QStringLiteral("--arg"), QStringLiteral("song=x"),
                                              QStringLiteral("--arg"), QStringLiteral("position=first")}));
        QCOMPARE(wrongType.exitCode, 2);
        QVERIFY2(wrongType.errText().contains(u"'position' is an integer, not 'first'"),
                 qPrintable(wrongType.errText()));
        const CliRun missing = runCli(call(app, QStringLiteral("add_song")));
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.errText().contains(u"tool 'add_song' requires 'song' (string)"));
        const CliRun unknown = runCli(call(app, QStringLiteral("remove_song")));
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.errText().contains(u"no callable tool 'remove_song'"));
        for (const auto &request : server.requests())
            QVERIFY(request.path.startsWith("/.well-known/"));
    }

    void call_signed_carriesAV2SignatureThatVerifies()
    {
        LoopbackServer server;
        serveManifest(server);
        server.setRoute("/tools/add", Behaviour::json(200, "{\"result\": \"ok\"}"));
        server.setRoute("/tools/find", Behaviour::json(200, "{\"result\": \"ok\"}"));
        const App app(server.baseUrl());
        const QString secret = QStringLiteral("whsec_c2VjcmV0");
        for (const QString &tool : {QStringLiteral("add_song"), QStringLiteral("find_songs")}) {
            const QString arg = tool == u"add_song" ? QStringLiteral("song=Caf\u00e9 & co")
                                                    : QStringLiteral("artist=Caf\u00e9 & co");
            const CliRun run = runCli(call(app, tool, {QStringLiteral("--arg"), arg,
                                                       QStringLiteral("--signing-secret"), secret}));
            QCOMPARE(run.exitCode, 0);
            const auto request = server.requests().last();
            QCOMPARE(request.header("X-Omi-Event"), QByteArray("chat_tool"));
            const QByteArray delivery = request.header("X-Omi-Delivery");
            QVERIFY(!delivery.isEmpty());
            const QByteArray signature = request.header("X-Omi-Signature");
            QVERIFY2(signature.startsWith("t=") && signature.contains(",v2="), signature.constData());
            const QByteArray t = signature.mid(2, signature.indexOf(',') - 2);
            const QByteArray expected = pythonV2Hex(
                {secret, QString::fromLatin1(t), QString::fromLatin1(delivery),
                 QString::fromLatin1(request.method),
                 server.baseUrl() + QString::fromLatin1(request.target)},
                request.body);
            QVERIFY(!expected.isEmpty());
            QCOMPARE(signature.mid(signature.indexOf(",v2=") + 4), expected);
        }
    }

    void call_answers_arePrintedAsTheAssistantReceivesThem_data()
    {
        QTest::addColumn<Behaviour>("answer");
        QTest::addColumn<QString>("printed");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("result object")
            << Behaviour::json(200, "{\"result\": {\"id\": 4}, \"message\": \"m\"}")
            << QStringLiteral("{\"id\":4}") << 0;
        QTest::newRow("message") << Behaviour::json(201, "{\"message\": \"Queued\"}")
                                 << QStringLiteral("Queued") << 0;
        QTest::newRow("other JSON as is") << Behaviour::json(200, "{\"ok\": true}")
                                          << QStringLiteral("{\"ok\": true}") << 0;
        QTest::newRow("server error") << Behaviour::text(500, "database down")
                                      << QStringLiteral("Error calling add_song: HTTP 500 - database down")
                                      << 1;
        QTest::newRow("unauthorized") << Behaviour::text(401, "login")
                                      << QStringLiteral("add_song is unavailable (HTTP 401)") << 1;
        QTest::newRow("forbidden") << Behaviour::text(403, "no")
                                   << QStringLiteral("add_song is unavailable (HTTP 403)") << 1;
    }

    void call_answers_arePrintedAsTheAssistantReceivesThem()
    {
        QFETCH(Behaviour, answer);
        QFETCH(QString, printed);
        QFETCH(int, exitCode);
        LoopbackServer server;
        serveManifest(server);
        server.setRoute("/tools/add", answer);
        const App app(server.baseUrl());
        const CliRun run = runCli(call(app, QStringLiteral("add_song"),
                                       {QStringLiteral("--arg"), QStringLiteral("song=x")}));
        QCOMPARE(run.exitCode, exitCode);
        QCOMPARE(run.outText(), printed + u'\n');
    }
};

QTEST_GUILESS_MAIN(CliToolsTest)
#include "tst_cli_tools.moc"
