// The integration API emulator as an app meets it: real HTTP over 127.0.0.1, the backend's
// checks in its order, FastAPI's 422s, state read back, the notification limit per hour.
#include "SendAndWait.h"
#include "http/HttpClient.h"
#include "integration/IntegrationEmulator.h"
#include "integration/IntegrationState.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <atomic>

using namespace studio;
using studio::test::headerValue;
using studio::test::sendAndWait;

namespace {

const QString kKey = QStringLiteral("omi_dev_0123456789abcdef0123456789abcdef");
const QString kAppId = QStringLiteral("01JABCDEFGHJKMNPQRSTVWXYZ0");
const QString kUid = QStringLiteral("user-1");

const QStringList kAllActions = {QStringLiteral("create_conversation"),
                                 QStringLiteral("create_facts"), QStringLiteral("read_memories"),
                                 QStringLiteral("read_conversations"),
                                 QStringLiteral("read_tasks")};

} // namespace

class IntegrationEmulatorTest : public QObject
{
    Q_OBJECT

private slots:
    void settings_comeFromTheAppDocument();
    void settings_refuseA2024EntryAndAMissingFile();
    void newIds_lookAsTheBackendsDo();
    void auth_isCheckedInTheBackendsOrder();
    void undeclaredActions_are403_andNotificationNeedsNone();
    void query_and_bodyProblems_are422_inFastApisWords();
    void memories_needTextOrExplicitMemories();
    void conversations_areCreated_andReadBackNewestFirst();
    void memories_areCreated_andReadBackNewestFirst();
    void notifications_are10AnHour_thenRetryAfter();
    void root_unknownPaths_andWrongMethods();
    void called_carriesWhatTheUserSees();
    void settingsChangedWhileRunning_holdFromTheNextCall();

private:
    void startEmulator(const QStringList &actions = kAllActions);
    HttpResult call(const QByteArray &method, const QString &pathAndQuery,
                    const QByteArray &body = {},
                    const QByteArray &authorization = "Bearer " + kKey.toLatin1(),
                    const QByteArray &contentType = "application/json");
    QString api(const QString &path, const QString &uid = kUid) const;
    static QJsonObject json(const HttpResult &result);
    static QJsonArray detail(const HttpResult &result);

    std::unique_ptr<IntegrationEmulator> m_emulator;
    HttpClient m_client;
    // The emulator's clock, in ms since the epoch; read on the server's thread.
    std::shared_ptr<std::atomic<qint64>> m_now;
};

void IntegrationEmulatorTest::startEmulator(const QStringList &actions)
{
    m_now = std::make_shared<std::atomic<qint64>>(
        QDateTime(QDate(2026, 11, 29), QTime(12, 0, 5), QTimeZone::utc()).toMSecsSinceEpoch());
    IntegrationEmulator::Settings settings;
    settings.appId = kAppId;
    settings.apiKey = kKey;
    settings.uid = kUid;
    settings.appName = QStringLiteral("Task Keeper");
    settings.actions = QSet<QString>(actions.begin(), actions.end());
    settings.clock = [now = m_now] {
        return QDateTime::fromMSecsSinceEpoch(now->load(), QTimeZone::utc());
    };
    m_emulator = std::make_unique<IntegrationEmulator>(settings);
    HttpServerOptions options;
    options.port = 0;
    QVERIFY2(m_emulator->start(options), qPrintable(m_emulator->errorString()));
}

QString IntegrationEmulatorTest::api(const QString &path, const QString &uid) const
{
    const QString separator = path.contains(u'?') ? QStringLiteral("&") : QStringLiteral("?");
    return QStringLiteral("/v2/integrations/%1/%2%3uid=%4").arg(kAppId, path, separator, uid);
}

HttpResult IntegrationEmulatorTest::call(const QByteArray &method, const QString &pathAndQuery,
                                         const QByteArray &body, const QByteArray &authorization,
                                         const QByteArray &contentType)
{
    HttpRequest request;
    request.method = method;
    request.url = m_emulator->baseUrl() + pathAndQuery;
    request.body = body;
    if (!authorization.isEmpty())
        request.headers.append({"Authorization", authorization});
    if (!contentType.isEmpty())
        request.headers.append({"Content-Type", contentType});
    return sendAndWait(m_client, request);
}

QJsonObject IntegrationEmulatorTest::json(const HttpResult &result)
{
    return QJsonDocument::fromJson(result.body).object();
}

QJsonArray IntegrationEmulatorTest::detail(const HttpResult &result)
{
    return json(result).value(QStringLiteral("detail")).toArray();
}

void IntegrationEmulatorTest::settings_comeFromTheAppDocument()
{
    QString error;
    const auto settings = IntegrationEmulator::settingsFor(
        QStringLiteral(STUDIO_SAMPLES_DIR "/apps/task-keeper/app.json"), error);
    QVERIFY2(settings, qPrintable(error));
    QCOMPARE(settings->appName, QStringLiteral("Task Keeper"));
    QCOMPARE(settings->actions, (QSet<QString>{QStringLiteral("create_conversation"),
                                               QStringLiteral("create_facts"),
                                               QStringLiteral("read_tasks")}));
    QVERIFY(settings->appId.isEmpty()); // an app has no id until the server assigns one
}

void IntegrationEmulatorTest::settings_refuseA2024EntryAndAMissingFile()
{
    QTemporaryDir dir;
    const QString entry = dir.filePath(QStringLiteral("manifest.json"));
    QFile file(entry);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"id": "old-plugin", "name": "Old", "author": "A", "description": "d",
                  "image": "/plugins/logos/old.png", "capabilities": ["memories"],
                  "memory_prompt": "p", "deleted": false})");
    file.close();
    QString error;
    QVERIFY(!IntegrationEmulator::settingsFor(entry, error));
    QVERIFY2(error.contains(entry) && error.contains(QStringLiteral("2024 plugin entry")) &&
                 error.contains(QStringLiteral("plugin-studio migrate")),
             qPrintable(error));

    const QString missing = dir.filePath(QStringLiteral("nothing.json"));
    QVERIFY(!IntegrationEmulator::settingsFor(missing, error));
    QVERIFY2(error.contains(missing), qPrintable(error));
}

void IntegrationEmulatorTest::newIds_lookAsTheBackendsDo()
{
    const QString id = IntegrationEmulator::newAppId();
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9A-HJKMNP-TV-Z]{26}$")).match(id).hasMatch(),
             qPrintable(id));
    QVERIFY(IntegrationEmulator::newAppId() != id);
    const QString key = IntegrationEmulator::newApiKey();
    QVERIFY2(QRegularExpression(QStringLiteral("^omi_dev_[0-9a-f]{32}$")).match(key).hasMatch(),
             qPrintable(key));
    QVERIFY(IntegrationEmulator::newApiKey() != key);
}

void IntegrationEmulatorTest::auth_isCheckedInTheBackendsOrder()
{
    startEmulator();
    const QString missingHeader =
        QStringLiteral("Missing or invalid Authorization header. Must be 'Bearer API_KEY'");
    HttpResult result = call("GET", api(QStringLiteral("memories")), {}, {});
    QCOMPARE(result.status, 401);
    QCOMPARE(json(result).value(QStringLiteral("detail")).toString(), missingHeader);
    result = call("GET", api(QStringLiteral("memories")), {}, "Token " + kKey.toLatin1());
    QCOMPARE(result.status, 401);
    QCOMPARE(json(result).value(QStringLiteral("detail")).toString(), missingHeader);
    QCOMPARE(headerValue(result.responseHeaders, "Content-Type"), QByteArray("application/json"));

    result = call("GET", api(QStringLiteral("memories")), {}, "Bearer omi_dev_wrong");
    QCOMPARE(result.status, 403); // the backend answers 403 for a wrong key, not 401
    QCOMPARE(json(result).value(QStringLiteral("detail")).toString(), QStringLiteral("Invalid API key"));

    result = call("GET", QStringLiteral("/v2/integrations/01JOTHERAPP/memories?uid=") + kUid);
    QCOMPARE(result.status, 404);
    QCOMPARE(json(result).value(QStringLiteral("detail")).toString(), QStringLiteral("App not found"));

    result = call("GET", api(QStringLiteral("memories"), QStringLiteral("someone-else")));
    QCOMPARE(result.status, 403);
    QCOMPARE(json(result).value(QStringLiteral("detail")).toString(),
             QStringLiteral("App is not enabled for this user"));
    result = call("POST", api(QStringLiteral("notification?message=hi"),
                              QStringLiteral("someone-else")));
    QCOMPARE(result.status, 403);
    QCOMPARE(json(result).value(QStringLiteral("detail")).toString(),
             QStringLiteral("User does not have this app installed"));

    // A wrong key is found before a wrong app or user.
    result = call("GET", QStringLiteral("/v2/integrations/01JOTHERAPP/memories?uid=x"), {},
                  "Bearer nope");
    QCOMPARE(result.status, 403);
    QCOMPARE(json(result).value(QStringLiteral("detail")).toString(), QStringLiteral("Invalid API key"));
}

void IntegrationEmulatorTest::undeclaredActions_are403_andNotificationNeedsNone()
{
    startEmulator({});
    const QByteArray conversation = R"({"text": "hello"})";
    const QByteArray memory = R"({"text": "likes tea"})";
    const QList<std::tuple<QByteArray, QString, QByteArray, QString>> calls = {
        {"POST", QStringLiteral("user/conversations"), conversation,
         QStringLiteral("create conversations")},
        {"POST", QStringLiteral("user/memories"), memory, QStringLiteral("create memories")},
        {"GET", QStringLiteral("memories"), {}, QStringLiteral("read memories")},
        {"GET", QStringLiteral("conversations"), {}, QStringLiteral("read conversations")},
        {"GET", QStringLiteral("tasks"), {}, QStringLiteral("read tasks")},
    };
    for (const auto &[method, path, body, capability] : calls) {
        const HttpResult result = call(method, api(path), body);
        QCOMPARE(result.status, 403);
        QCOMPARE(json(result).value(QStringLiteral("detail")).toString(),
                 QStringLiteral("App does not have the capability to ") + capability);
    }
    QCOMPARE(call("POST", api(QStringLiteral("notification?message=hi"))).status, 200);
}

void IntegrationEmulatorTest::query_and_bodyProblems_are422_inFastApisWords()
{
    startEmulator();
    const QString conversations =
        QStringLiteral("/v2/integrations/%1/user/conversations").arg(kAppId);

    // No uid, no body: both listed, the query first.
    HttpResult result = call("POST", conversations, {});
    QCOMPARE(result.status, 422);
    QCOMPARE(QJsonDocument(detail(result)).toJson(QJsonDocument::Compact),
             QByteArray(R"([{"loc":["query","uid"],"msg":"field required","type":)"
                        R"("value_error.missing"},{"loc":["body"],"msg":"field required",)"
                        R"("type":"value_error.missing"}])"));

    // Validation comes before the key: a bad body with a bad key is still a 422.
    result = call("POST", api(QStringLiteral("user/conversations")), "{not json", "Bearer no");
    QCOMPARE(result.status, 422);
    QJsonObject problem = detail(result).first().toObject();
    QCOMPARE(problem.value(QStringLiteral("loc")).toArray(),
             (QJsonArray{QStringLiteral("body"), 1}));
    QCOMPARE(problem.value(QStringLiteral("type")).toString(), QStringLiteral("value_error.jsondecode"));
    QVERIFY2(problem.value(QStringLiteral("msg")).toString().contains(QStringLiteral("line 1 column 2 (char 1)")),
             qPrintable(problem.value(QStringLiteral("msg")).toString()));

    // Every field's problem, in the model's order.
    result = call("POST", api(QStringLiteral("user/conversations")),
                  R"({"started_at": "yesterday", "text_source": "video",
                      "geolocation": {"latitude": "north"}, "text_source_spec": ["x"]})");
    QCOMPARE(result.status, 422);
    const QJsonArray problems = detail(result);
    QCOMPARE(problems.size(), 6);
    const auto expect = [&](int index, const QJsonArray &loc, const QString &msg,
                            const QString &type) {
        const QJsonObject found = problems.at(index).toObject();
        QCOMPARE(found.value(QStringLiteral("loc")).toArray(), loc);
        QCOMPARE(found.value(QStringLiteral("msg")).toString(), msg);
        QCOMPARE(found.value(QStringLiteral("type")).toString(), type);
    };
    expect(0, {QStringLiteral("body"), QStringLiteral("started_at")},
           QStringLiteral("invalid datetime format"), QStringLiteral("value_error.datetime"));
    expect(1, {QStringLiteral("body"), QStringLiteral("text")}, QStringLiteral("field required"),
           QStringLiteral("value_error.missing"));
    expect(2, {QStringLiteral("body"), QStringLiteral("text_source")},
           QStringLiteral("value is not a valid enumeration member; permitted: "
                          "'audio_transcript', 'message', 'other_text'"),
           QStringLiteral("type_error.enum"));
    expect(3, {QStringLiteral("body"), QStringLiteral("text_source_spec")},
           QStringLiteral("str type expected"), QStringLiteral("type_error.str"));
    expect(4, {QStringLiteral("body"), QStringLiteral("geolocation"), QStringLiteral("latitude")},
           QStringLiteral("value is not a valid float"), QStringLiteral("type_error.float"));
    expect(5, {QStringLiteral("body"), QStringLiteral("geolocation"), QStringLiteral("longitude")},
           QStringLiteral("field required"), QStringLiteral("value_error.missing"));

    // A list is no datetime at all: pydantic's own type error, not a format error.
    result = call("POST", api(QStringLiteral("user/conversations")),
                  R"({"text": "x", "started_at": [1]})");
    QCOMPARE(detail(result).first().toObject().value(QStringLiteral("msg")).toString(),
             QStringLiteral("invalid type; expected datetime, string, bytes, int or float"));
    QCOMPARE(detail(result).first().toObject().value(QStringLiteral("type")).toString(),
             QStringLiteral("type_error"));

    // A form body is bytes to FastAPI, not a dict; a JSON array is not one either.
    result = call("POST", api(QStringLiteral("user/conversations")), "text=hi", {},
                  "application/x-www-form-urlencoded");
    QCOMPARE(result.status, 422);
    QCOMPARE(detail(result).first().toObject().value(QStringLiteral("type")).toString(),
             QStringLiteral("type_error.dict"));
    result = call("POST", api(QStringLiteral("user/memories")), R"(["likes tea"])");
    QCOMPARE(detail(result).first().toObject().value(QStringLiteral("msg")).toString(),
             QStringLiteral("value is not a valid dict"));

    // Explicit memories: each item's own problems.
    result = call("POST", api(QStringLiteral("user/memories")),
                  R"({"memories": [{"tags": ["a", 2]}, "x"], "text_source": "fax"})");
    QCOMPARE(result.status, 422);
    QCOMPARE(detail(result).size(), 3);
    QCOMPARE(detail(result).at(1).toObject().value(QStringLiteral("loc")).toArray(),
             (QJsonArray{QStringLiteral("body"), QStringLiteral("memories"), 0,
                         QStringLiteral("content")}));
    QCOMPARE(detail(result).at(2).toObject().value(QStringLiteral("loc")).toArray(),
             (QJsonArray{QStringLiteral("body"), QStringLiteral("memories"), 1}));

    // Queries: message and uid required, limit and offset bounded and integers.
    result = call("POST", QStringLiteral("/v2/integrations/%1/notification").arg(kAppId));
    QCOMPARE(result.status, 422);
    QCOMPARE(detail(result).size(), 2);
    QCOMPARE(detail(result).first().toObject().value(QStringLiteral("loc")).toArray(),
             (QJsonArray{QStringLiteral("query"), QStringLiteral("message")}));
    result = call("GET", api(QStringLiteral("memories?limit=0&offset=x")));
    QCOMPARE(result.status, 422);
    const QJsonArray bounds = detail(result);
    QCOMPARE(bounds.size(), 2);
    QCOMPARE(bounds.at(0).toObject().value(QStringLiteral("msg")).toString(),
             QStringLiteral("ensure this value is greater than or equal to 1"));
    QCOMPARE(bounds.at(0).toObject().value(QStringLiteral("type")).toString(),
             QStringLiteral("value_error.number.not_ge"));
    QCOMPARE(bounds.at(1).toObject().value(QStringLiteral("msg")).toString(),
             QStringLiteral("value is not a valid integer"));
    result = call("GET", api(QStringLiteral("conversations?limit=1001&include_discarded=maybe")));
    QCOMPARE(detail(result).size(), 2);
    QCOMPARE(detail(result).at(1).toObject().value(QStringLiteral("type")).toString(),
             QStringLiteral("type_error.bool"));

    // Unknown fields are ignored; numbers are strings to pydantic v1.
    QCOMPARE(call("POST", api(QStringLiteral("user/conversations")),
                  R"({"text": 42, "mood": "good"})")
                 .status,
             200);
}

void IntegrationEmulatorTest::memories_needTextOrExplicitMemories()
{
    startEmulator();
    for (const QByteArray &body : {QByteArray("{}"), QByteArray(R"({"text": "   "})"),
                                   QByteArray(R"({"text": "", "memories": []})")}) {
        const HttpResult result = call("POST", api(QStringLiteral("user/memories")), body);
        QCOMPARE(result.status, 422);
        QCOMPARE(json(result).value(QStringLiteral("detail")).toString(),
                 QStringLiteral("Either text or explicit memories(facts) are required and cannot be empty"));
    }
    QVERIFY(m_emulator->memories().isEmpty());
}

void IntegrationEmulatorTest::conversations_areCreated_andReadBackNewestFirst()
{
    startEmulator();
    HttpResult result = call("POST", api(QStringLiteral("user/conversations")),
                             R"({"text": "Standup notes\nShip the emulator on Friday.",
                                 "started_at": "2026-11-29T10:00:00Z", "language": "de",
                                 "text_source": "message",
                                 "geolocation": {"latitude": 52.5, "longitude": 13.4}})");
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("{}"));
    for (const char *text : {"second", "third"}) {
        m_now->fetch_add(1000);
        const QByteArray body = R"({"text": ")" + QByteArray(text) + R"("})";
        QCOMPARE(call("POST", api(QStringLiteral("user/conversations")), body).status, 200);
    }

    result = call("GET", api(QStringLiteral("conversations")));
    QCOMPARE(result.status, 200);
    const QJsonArray all = json(result).value(QStringLiteral("conversations")).toArray();
    QCOMPARE(all.size(), 3);
    const QJsonObject newest = all.at(0).toObject();
    QCOMPARE(newest.value(QStringLiteral("structured")).toObject().value(QStringLiteral("title")),
             QJsonValue(QStringLiteral("third")));
    const QJsonObject first = all.at(2).toObject();
    QCOMPARE(first.value(QStringLiteral("source")).toString(), QStringLiteral("external_integration"));
    QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    QCOMPARE(first.value(QStringLiteral("app_id")).toString(), kAppId);
    QCOMPARE(first.value(QStringLiteral("language")).toString(), QStringLiteral("de"));
    QCOMPARE(first.value(QStringLiteral("discarded")).toBool(true), false);
    QCOMPARE(first.value(QStringLiteral("started_at")).toString(), QStringLiteral("2026-11-29T10:00:00Z"));
    QCOMPARE(first.value(QStringLiteral("finished_at")).toString(), QStringLiteral("2026-11-29T10:05:00Z"));
    QCOMPARE(first.value(QStringLiteral("created_at")).toString(), QStringLiteral("2026-11-29T12:00:05Z"));
    const QJsonObject structured = first.value(QStringLiteral("structured")).toObject();
    QCOMPARE(structured.value(QStringLiteral("title")).toString(), QStringLiteral("Standup notes"));
    QCOMPARE(structured.value(QStringLiteral("overview")).toString(),
             QStringLiteral("Standup notes\nShip the emulator on Friday."));
    QCOMPARE(first.value(QStringLiteral("geolocation")).toObject().value(QStringLiteral("latitude")),
             QJsonValue(52.5));
    QVERIFY(!newest.contains(QStringLiteral("geolocation"))); // None is left out
    QCOMPARE(newest.value(QStringLiteral("language")).toString(), QStringLiteral("en"));

    result = call("GET", api(QStringLiteral("conversations?limit=1&offset=1")));
    const QJsonArray page = json(result).value(QStringLiteral("conversations")).toArray();
    QCOMPARE(page.size(), 1);
    QCOMPARE(page.at(0).toObject().value(QStringLiteral("structured")).toObject().value(
                 QStringLiteral("title")),
             QJsonValue(QStringLiteral("second")));
    result = call("GET", api(QStringLiteral("tasks")));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray(R"({"tasks":[]})"));
}

void IntegrationEmulatorTest::memories_areCreated_andReadBackNewestFirst()
{
    startEmulator();
    QCOMPARE(call("POST", api(QStringLiteral("user/memories")),
                  R"({"text": "Email from Ana", "text_source": "email",
                      "memories": [{"content": "Ana prefers mornings", "tags": ["ana"]},
                                   {"content": "Ana is in Lisbon"}]})")
                 .status,
             200);
    m_now->fetch_add(1000);
    QCOMPARE(call("POST", api(QStringLiteral("user/memories")), R"({"text": "Likes green tea"})")
                 .status,
             200);

    HttpResult result = call("GET", api(QStringLiteral("memories")));
    QCOMPARE(result.status, 200);
    const QJsonArray all = json(result).value(QStringLiteral("memories")).toArray();
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0).toObject().value(QStringLiteral("content")).toString(), QStringLiteral("Likes green tea"));
    const QJsonObject oldest = all.at(2).toObject();
    QCOMPARE(oldest.value(QStringLiteral("content")).toString(), QStringLiteral("Ana prefers mornings"));
    QCOMPARE(oldest.value(QStringLiteral("tags")).toArray(), QJsonArray{QStringLiteral("ana")});
    QCOMPARE(oldest.value(QStringLiteral("uid")).toString(), kUid);
    QCOMPARE(oldest.value(QStringLiteral("app_id")).toString(), kAppId);
    QCOMPARE(oldest.value(QStringLiteral("manually_added")).toBool(true), false);
    QCOMPARE(oldest.value(QStringLiteral("created_at")).toString(),
             QStringLiteral("2026-11-29T12:00:05+00:00"));
    QVERIFY(!oldest.value(QStringLiteral("id")).toString().isEmpty());

    result = call("GET", api(QStringLiteral("memories?limit=2&offset=1")));
    const QJsonArray page = json(result).value(QStringLiteral("memories")).toArray();
    QCOMPARE(page.size(), 2);
    QCOMPARE(page.at(0).toObject().value(QStringLiteral("content")).toString(),
             QStringLiteral("Ana is in Lisbon"));
    QCOMPARE(m_emulator->memories().size(), 3);

    // An offset past any integer is past every memory, as Python's int reads it (found by
    // fuzz_integration_request: it once wrapped to -1).
    result = call("GET", api(QStringLiteral("memories?limit=5&offset=18446744073709551615")));
    QCOMPARE(result.status, 200);
    QVERIFY(json(result).value(QStringLiteral("memories")).toArray().isEmpty());
}

void IntegrationEmulatorTest::notifications_are10AnHour_thenRetryAfter()
{
    startEmulator();
    // 12:00:05: 3595 s to the top of the hour.
    for (int i = 1; i <= IntegrationState::kNotificationsPerHour; ++i) {
        const HttpResult result =
            call("POST", api(QStringLiteral("notification?message=Kept+%1+tasks").arg(i)));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.body, QByteArray(R"({"status":"Ok"})"));
        QCOMPARE(headerValue(result.responseHeaders, "X-RateLimit-Limit"), QByteArray("10"));
        QCOMPARE(headerValue(result.responseHeaders, "X-RateLimit-Remaining"),
                 QByteArray::number(10 - i));
        QCOMPARE(headerValue(result.responseHeaders, "X-RateLimit-Reset"), QByteArray("3595"));
        QVERIFY(!studio::test::hasHeader(result.responseHeaders, "Retry-After"));
    }
    HttpResult result = call("POST", api(QStringLiteral("notification?message=one+more")));
    QCOMPARE(result.status, 429);
    QCOMPARE(json(result).value(QStringLiteral("detail")).toString(),
             QStringLiteral("Rate limit exceeded. Maximum 10 notifications per hour."));
    QCOMPARE(headerValue(result.responseHeaders, "Retry-After"), QByteArray("3595"));
    QCOMPARE(headerValue(result.responseHeaders, "X-RateLimit-Limit"), QByteArray("10"));
    QCOMPARE(headerValue(result.responseHeaders, "X-RateLimit-Remaining"), QByteArray("0"));
    QCOMPARE(headerValue(result.responseHeaders, "X-RateLimit-Reset"), QByteArray("3595"));

    // The next clock hour allows again.
    m_now->fetch_add(3595 * 1000);
    result = call("POST", api(QStringLiteral("notification?message=new+hour")));
    QCOMPARE(result.status, 200);
    QCOMPARE(headerValue(result.responseHeaders, "X-RateLimit-Remaining"), QByteArray("9"));
    QCOMPARE(headerValue(result.responseHeaders, "X-RateLimit-Reset"), QByteArray("3600"));
}

void IntegrationEmulatorTest::root_unknownPaths_andWrongMethods()
{
    startEmulator();
    HttpResult result = call("GET", QStringLiteral("/"));
    QCOMPARE(result.status, 200);
    QCOMPARE(json(result),
             (QJsonObject{{QStringLiteral("app_id"), kAppId},
                          {QStringLiteral("base_url"), m_emulator->baseUrl()},
                          {QStringLiteral("uid"), kUid}}));
    result = call("GET", QStringLiteral("/v2/integrations/%1/nothing?uid=u").arg(kAppId));
    QCOMPARE(result.status, 404);
    QCOMPARE(result.body, QByteArray(R"({"detail":"Not Found"})"));
    result = call("GET", api(QStringLiteral("user/conversations")));
    QCOMPARE(result.status, 405);
    QCOMPARE(result.body, QByteArray(R"({"detail":"Method Not Allowed"})"));
    QCOMPARE(headerValue(result.responseHeaders, "Allow"), QByteArray("POST"));
}

void IntegrationEmulatorTest::called_carriesWhatTheUserSees()
{
    startEmulator();
    QSignalSpy called(m_emulator.get(), &IntegrationEmulator::called);
    QCOMPARE(call("POST", api(QStringLiteral("notification?message=Kept%202%20tasks"))).status,
             200);
    QCOMPARE(call("POST", api(QStringLiteral("user/conversations")),
                  R"({"text": "Lunch with Ana", "text_source": "other_text"})")
                 .status,
             200);
    QCOMPARE(call("GET", api(QStringLiteral("tasks")), {}, "Bearer wrong").status, 403);
    QTRY_COMPARE(called.size(), 3);

    const auto notification = called.at(0).at(0).value<IntegrationCall>();
    QCOMPARE(notification.endpoint, QStringLiteral("notification"));
    QCOMPARE(notification.status, 200);
    QCOMPARE(notification.notification, std::optional<QString>(QStringLiteral("Kept 2 tasks")));
    QVERIFY2(notification.line().endsWith(QStringLiteral("POST notification 200 \"Kept 2 tasks\" (9 left this hour)")),
             qPrintable(notification.line()));

    const auto created = called.at(1).at(0).value<IntegrationCall>();
    QCOMPARE(created.endpoint, QStringLiteral("create_conversation"));
    QVERIFY(created.conversation);
    QCOMPARE(created.conversation->title, QStringLiteral("Lunch with Ana"));
    QCOMPARE(created.conversation->textSource, QStringLiteral("other_text"));
    QCOMPARE(created.conversation->language, QStringLiteral("en"));
    QCOMPARE(created.requestBody, QByteArray(R"({"text": "Lunch with Ana", "text_source": "other_text"})"));
    QCOMPARE(m_emulator->conversations().size(), 1);
    QCOMPARE(m_emulator->conversations().first().id, created.conversation->id);

    const auto refused = called.at(2).at(0).value<IntegrationCall>();
    QCOMPARE(refused.status, 403);
    QVERIFY(!refused.notification && !refused.conversation && refused.memories.isEmpty());
    QVERIFY2(refused.line().endsWith(QStringLiteral("GET tasks 403 Invalid API key")), qPrintable(refused.line()));
}

void IntegrationEmulatorTest::settingsChangedWhileRunning_holdFromTheNextCall()
{
    startEmulator({});
    QCOMPARE(call("GET", api(QStringLiteral("memories"))).status, 403);
    m_emulator->setApp(QStringLiteral("Task Keeper"), {QStringLiteral("read_memories")});
    QCOMPARE(call("GET", api(QStringLiteral("memories"))).status, 200);

    // Another user, as when the simulator's uid is changed: the first one is refused now.
    m_emulator->setUid(QStringLiteral("someone-else"));
    QCOMPARE(call("GET", api(QStringLiteral("memories"))).status, 403);
    QCOMPARE(call("GET", api(QStringLiteral("memories"), QStringLiteral("someone-else"))).status,
             200);

    // A new key: the old one is refused with the backend's 403.
    m_emulator->setApiKey(QStringLiteral("omi_dev_new"));
    const QString someoneElse = api(QStringLiteral("memories"), QStringLiteral("someone-else"));
    QCOMPARE(call("GET", someoneElse).status, 403);
    QCOMPARE(call("GET", someoneElse, {}, "Bearer omi_dev_new").status, 200);
    QCOMPARE(m_emulator->settings().apiKey, QStringLiteral("omi_dev_new"));
}

QTEST_GUILESS_MAIN(IntegrationEmulatorTest)
#include "tst_integrationemulator.moc"
