// The built-in plugins as a client meets them: discovered from GET /, answering memories,
// transcript batches and proactive questions as the plugin guide's plugins do, and a setup
// flow that says false until its page's button is pressed.
#include "SendAndWait.h"
#include "http/HttpClient.h"
#include "serve/BuiltInPlugins.h"
#include "server/HttpServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace studio;
using studio::test::sendAndWait;

class BuiltInPluginsTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void root_listsEveryEndpoint_withAbsoluteUrls();
    void root_namesTheHostTheClientUsed_unlessItIsHostile();
    void memory_answersAMessage_fromTitleAndOpenActionItems();
    void transcript_accumulatesPerSession_andNotifiesOnCommitments();
    void proactive_asksTheAppToAnswerTheWearersQuestion();
    void setup_isFalse_untilThePagesButtonIsPressed();
    void setupPage_escapesTheUid();
    void wrongMethod_is405_andNotJson_is422();

private:
    HttpResult get(const QString &path, const HttpHeaders &headers = {});
    HttpResult post(const QString &path, const QByteArray &body,
                    const QByteArray &type = "application/json");
    static QJsonObject json(const HttpResult &result);

    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<HttpClient> m_client;
};

void BuiltInPluginsTest::init()
{
    m_server = std::make_unique<HttpServer>();
    QVERIFY(m_server->isListening());
    BuiltInPlugins::install(*m_server);
    m_client = std::make_unique<HttpClient>();
}

void BuiltInPluginsTest::cleanup()
{
    m_client.reset();
    m_server.reset();
}

HttpResult BuiltInPluginsTest::get(const QString &path, const HttpHeaders &headers)
{
    HttpRequest request;
    request.method = "GET";
    request.url = m_server->url(path.toUtf8());
    request.headers = headers;
    return sendAndWait(*m_client, request);
}

HttpResult BuiltInPluginsTest::post(const QString &path, const QByteArray &body,
                                    const QByteArray &type)
{
    HttpRequest request;
    request.url = m_server->url(path.toUtf8());
    request.headers = {{"Content-Type", type}};
    request.body = body;
    return sendAndWait(*m_client, request);
}

QJsonObject BuiltInPluginsTest::json(const HttpResult &result)
{
    return QJsonDocument::fromJson(result.body).object();
}

void BuiltInPluginsTest::root_listsEveryEndpoint_withAbsoluteUrls()
{
    const HttpResult result = get(QStringLiteral("/"));
    QCOMPARE(result.status, 200);
    const QJsonArray endpoints = json(result).value(QStringLiteral("endpoints")).toArray();
    QStringList triggers;
    for (const QJsonValue &value : endpoints) {
        const QJsonObject endpoint = value.toObject();
        triggers << endpoint.value(QStringLiteral("trigger")).toString();
        QVERIFY(!endpoint.value(QStringLiteral("name")).toString().isEmpty());
        const QString url = endpoint.value(QStringLiteral("url")).toString();
        QVERIFY2(url.startsWith(m_server->baseUrl() + u'/'), qPrintable(url));
        // Every listed URL answers something other than 404.
        const bool isGet = triggers.last().startsWith(QStringLiteral("setup"));
        const HttpResult reached = isGet ? get(url.mid(m_server->baseUrl().size()) + QStringLiteral("?uid=u"))
                                         : post(url.mid(m_server->baseUrl().size()), "{}");
        QCOMPARE(reached.status, 200);
    }
    QCOMPARE(triggers, (QStringList{QStringLiteral("memory_creation"),
                                    QStringLiteral("transcript_processed"),
                                    QStringLiteral("proactive_notification"),
                                    QStringLiteral("setup_completed"), QStringLiteral("setup_page")}));
}

void BuiltInPluginsTest::root_namesTheHostTheClientUsed_unlessItIsHostile()
{
    const auto firstUrl = [this](const QByteArray &host) {
        const HttpResult result = get(QStringLiteral("/"), {{"Host", host}});
        return json(result)
            .value(QStringLiteral("endpoints"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("url"))
            .toString();
    };
    QCOMPARE(firstUrl("plugins.example.test:8443"),
             QStringLiteral("http://plugins.example.test:8443/memory"));
    QCOMPARE(firstUrl("evil\"/><script>"), m_server->url("/memory"));
}

void BuiltInPluginsTest::memory_answersAMessage_fromTitleAndOpenActionItems()
{
    const QByteArray memory = R"({"structured": {"title": "Standup",
        "action_items": [{"description": "a", "completed": false},
                         {"description": "b", "completed": true}]},
        "transcript_segments": [{"text": "one two three"}, {"text": " four  "}]})";

    const HttpResult result = post(QStringLiteral("/memory?uid=u1"), memory);

    QCOMPARE(result.status, 200);
    QCOMPARE(json(result).value(QStringLiteral("message")).toString(),
             QStringLiteral("Filed \"Standup\": 2 segments, 4 words, 1 open action item."));
    const HttpResult empty = post(QStringLiteral("/memory?uid=u1"), "{}");
    QCOMPARE(json(empty).value(QStringLiteral("message")).toString(),
             QStringLiteral("Filed \"Untitled conversation\": 0 segments, 0 words, 0 open action "
                            "items."));
}

void BuiltInPluginsTest::transcript_accumulatesPerSession_andNotifiesOnCommitments()
{
    const HttpResult quiet = post(QStringLiteral("/transcript?uid=u1"),
                                  R"({"session_id": "s1", "segments": [{"text": "Hello"},
                                     {"text": "How was the weekend"}]})");
    QCOMPARE(quiet.status, 200);
    QCOMPARE(json(quiet), QJsonObject());

    const HttpResult heard = post(QStringLiteral("/transcript?uid=u1"),
                                  R"({"session_id": "s1", "segments": [
                                     {"text": "Remind me to call Dana tomorrow"}]})");
    QCOMPARE(json(heard).value(QStringLiteral("message")).toString(),
             QStringLiteral("Noted for later: \"Remind me to call Dana tomorrow\" (3 segments so "
                            "far)."));

    // Another session counts its own segments; no session_id falls back to the uid.
    const HttpResult other = post(QStringLiteral("/transcript?uid=u2"),
                                  R"({"segments": [{"text": "I'll send the deck"}]})");
    QVERIFY(json(other).value(QStringLiteral("message")).toString().endsWith(
        QStringLiteral("(1 segments so far).")));
}

void BuiltInPluginsTest::proactive_asksTheAppToAnswerTheWearersQuestion()
{
    const HttpResult notAsked = post(QStringLiteral("/proactive?uid=u1"),
                                     R"({"segments": [{"text": "What time is it?",
                                        "is_user": false}]})");
    QCOMPARE(json(notAsked), QJsonObject());

    const HttpResult asked = post(QStringLiteral("/proactive?uid=u1"),
                                  R"({"segments": [{"text": "Where is the offsite?  ",
                                     "is_user": true}]})");
    const QJsonObject notification =
        json(asked).value(QStringLiteral("notification")).toObject();
    QVERIFY(notification.value(QStringLiteral("prompt"))
                .toString()
                .contains(QStringLiteral("just asked: \"Where is the offsite?  \"")));
    QCOMPARE(notification.value(QStringLiteral("params")).toArray(),
             (QJsonArray{QStringLiteral("user_name"), QStringLiteral("user_context")}));
    QCOMPARE(notification.value(QStringLiteral("context"))
                 .toObject()
                 .value(QStringLiteral("segments_heard"))
                 .toInt(),
             2);
}

void BuiltInPluginsTest::setup_isFalse_untilThePagesButtonIsPressed()
{
    const auto completed = [this](const QString &uid) {
        const HttpResult status = get(QStringLiteral("/setup/status?uid=") + uid);
        return json(status).value(QStringLiteral("is_setup_completed"));
    };
    QCOMPARE(completed(QStringLiteral("u1")), QJsonValue(false));

    // The page's form, as a browser would submit it.
    const HttpResult page = get(QStringLiteral("/setup?uid=u1"));
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("<form method=post action=/setup/complete>"));
    const QRegularExpression hidden(QStringLiteral("name=uid value=\"([^\"]*)\""));
    const QString uid = hidden.match(QString::fromUtf8(page.body)).captured(1);
    QCOMPARE(uid, QStringLiteral("u1"));
    const HttpResult done = post(QStringLiteral("/setup/complete"), "uid=" + uid.toUtf8(),
                                 "application/x-www-form-urlencoded");
    QCOMPARE(done.status, 200);
    QVERIFY(done.body.contains("Setup completed"));

    QCOMPARE(completed(QStringLiteral("u1")), QJsonValue(true));
    QCOMPARE(completed(QStringLiteral("u2")), QJsonValue(false));
    QCOMPARE(get(QStringLiteral("/setup/status")).status, 422); // no uid at all
}

void BuiltInPluginsTest::setupPage_escapesTheUid()
{
    const HttpResult page =
        get(QStringLiteral("/setup?uid=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22"));
    QCOMPARE(page.status, 200);
    QVERIFY(!page.body.contains("<script>"));
    QVERIFY(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;"));
    // The escaped uid comes back whole through the form.
    const HttpResult done = post(QStringLiteral("/setup/complete"),
                                 "uid=a%2Bb+c%26d", "application/x-www-form-urlencoded");
    QCOMPARE(done.status, 200);
    QCOMPARE(json(get(QStringLiteral("/setup/status?uid=a%2Bb%20c%26d")))
                 .value(QStringLiteral("is_setup_completed")),
             QJsonValue(true));
}

void BuiltInPluginsTest::wrongMethod_is405_andNotJson_is422()
{
    const HttpResult wrongMethod = get(QStringLiteral("/memory"));
    QCOMPARE(wrongMethod.status, 405);
    const HttpResult notJson = post(QStringLiteral("/memory?uid=u"), "not json");
    QCOMPARE(notJson.status, 422);
    QVERIFY(json(notJson).value(QStringLiteral("detail")).toString().contains(
        QStringLiteral("not JSON")));
    QCOMPARE(post(QStringLiteral("/transcript?uid=u"), "[1, 2]").status, 422);
    QCOMPARE(get(QStringLiteral("/nowhere")).status, 404);
}

QTEST_GUILESS_MAIN(BuiltInPluginsTest)
#include "tst_builtinplugins.moc"
