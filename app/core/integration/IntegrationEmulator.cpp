#include "IntegrationEmulator.h"

#include "IntegrationRequests.h"
#include "IntegrationState.h"
#include "server/HttpServer.h"

namespace studio {

namespace {

const QByteArray kApiPrefix = "/v2/integrations/";

struct Endpoint
{
    const char *path; // after /v2/integrations/<app_id>/
    const char *method;
    const char *name;
    const char *action;     // the external_integration action it needs; none: notification
    const char *capability; // "create conversations", in the 403's words
};

constexpr Endpoint kEndpoints[] = {
    {"user/conversations", "POST", "create_conversation", "create_conversation",
     "create conversations"},
    {"user/memories", "POST", "create_memories", "create_facts", "create memories"},
    {"memories", "GET", "read_memories", "read_memories", "read memories"},
    {"conversations", "GET", "read_conversations", "read_conversations", "read conversations"},
    {"tasks", "GET", "read_tasks", "read_tasks", "read tasks"},
    {"notification", "POST", "notification", nullptr, nullptr},
};

HttpAnswer jsonAnswer(int status, const Json &body, IntegrationCall &call,
                      const HttpHeaders &headers = {})
{
    HttpAnswer answer = HttpAnswer::json(status, QByteArray::fromStdString(body.dump()));
    answer.headers += headers;
    call.status = status;
    call.answerBody = answer.body;
    call.answerHeaders = answer.headers;
    return answer;
}

// {"detail": "..."}, the shape of every HTTPException.
HttpAnswer detailAnswer(int status, const QString &detail, IntegrationCall &call,
                        const HttpHeaders &headers = {})
{
    call.detail = detail;
    return jsonAnswer(status, Json{{"detail", detail.toStdString()}}, call, headers);
}

QString quoted(const QString &text)
{
    return u'"' + text + u'"';
}

} // namespace

IntegrationEmulator::IntegrationEmulator(Settings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_state(std::make_unique<IntegrationState>())
{
    qRegisterMetaType<IntegrationCall>();
    if (!m_settings.clock)
        m_settings.clock = [] { return QDateTime::currentDateTimeUtc(); };
}

IntegrationEmulator::~IntegrationEmulator() = default;

bool IntegrationEmulator::start(const HttpServerOptions &options)
{
    m_server.reset();
    m_error.clear();
    // The calls are signalled, never kept by the server: its memory stays bounded.
    HttpServerOptions bounded = options;
    bounded.keptRequests = 0;
    auto server = std::make_unique<HttpServer>(bounded);
    if (!server->isListening()) {
        m_error = server->errorString();
        return false;
    }
    server->setFallback([this](const HttpServerRequest &request) {
        IntegrationCall call;
        call.at = settings().clock().toUTC();
        call.method = request.method;
        call.target = request.target;
        call.requestBody = request.body;
        const HttpAnswer answer = this->answer(request, call);
        QMetaObject::invokeMethod(
            this, [this, call] { emit called(call); }, Qt::QueuedConnection);
        return answer;
    });
    m_server = std::move(server);
    return true;
}

QString IntegrationEmulator::baseUrl() const
{
    return m_server ? m_server->baseUrl() : QString();
}

QString IntegrationEmulator::apiUrl() const
{
    return baseUrl() + QString::fromLatin1(kApiPrefix) + settings().appId;
}

IntegrationEmulator::Settings IntegrationEmulator::settings() const
{
    const QMutexLocker lock(&m_settingsLock);
    return m_settings;
}

void IntegrationEmulator::setApp(const QString &appName, const QSet<QString> &actions)
{
    const QMutexLocker lock(&m_settingsLock);
    m_settings.appName = appName;
    m_settings.actions = actions;
}

void IntegrationEmulator::setUid(const QString &uid)
{
    const QMutexLocker lock(&m_settingsLock);
    m_settings.uid = uid;
}

void IntegrationEmulator::setApiKey(const QString &apiKey)
{
    const QMutexLocker lock(&m_settingsLock);
    m_settings.apiKey = apiKey;
}

quint16 IntegrationEmulator::port() const
{
    return m_server ? m_server->port() : 0;
}

QList<EmulatedConversation> IntegrationEmulator::conversations() const
{
    return m_state->conversationList();
}

QList<EmulatedMemory> IntegrationEmulator::memories() const
{
    return m_state->memoryList();
}

HttpAnswer IntegrationEmulator::answer(const HttpServerRequest &request, IntegrationCall &call)
{
    const Settings settings = this->settings();
    // Starlette matches the decoded path.
    const QByteArray path = QByteArray::fromPercentEncoding(request.path);
    if (path == "/") {
        call.endpoint = QStringLiteral("info");
        if (request.method != "GET")
            return detailAnswer(405, QStringLiteral("Method Not Allowed"), call,
                                {{"Allow", "GET"}});
        call.detail = QStringLiteral("app %1, user %2").arg(settings.appId, settings.uid);
        return jsonAnswer(200,
                          Json{{"app_id", settings.appId.toStdString()},
                               {"base_url", baseUrl().toStdString()},
                               {"uid", settings.uid.toStdString()}},
                          call);
    }

    const Endpoint *endpoint = nullptr;
    QString appId;
    if (path.startsWith(kApiPrefix)) {
        const QByteArray rest = path.mid(kApiPrefix.size());
        const qsizetype slash = rest.indexOf('/');
        if (slash > 0) {
            appId = QString::fromUtf8(rest.left(slash));
            for (const Endpoint &candidate : kEndpoints) {
                if (rest.mid(slash + 1) == candidate.path)
                    endpoint = &candidate;
            }
        }
    }
    if (!endpoint) {
        call.endpoint = QStringLiteral("unknown");
        return detailAnswer(404, QStringLiteral("Not Found"), call);
    }
    call.endpoint = QString::fromLatin1(endpoint->name);
    if (request.method != endpoint->method)
        return detailAnswer(405, QStringLiteral("Method Not Allowed"), call,
                            {{"Allow", endpoint->method}});

    // FastAPI validates the query, then the body, before the handler runs.
    RequestProblems problems;
    const QueryItems query = IntegrationRequests::query(request.target);
    const QString name = call.endpoint;
    std::optional<QString> message;
    if (name == u"notification")
        message = IntegrationRequests::required(query, QStringLiteral("message"), problems);
    const std::optional<QString> uid =
        IntegrationRequests::required(query, QStringLiteral("uid"), problems);
    std::optional<ListRequest> list;
    if (name.startsWith(u"read_"))
        list = IntegrationRequests::list(query, name == u"read_conversations", problems);
    std::optional<CreateConversationRequest> conversation;
    std::optional<CreateMemoriesRequest> memories;
    if (qstrcmp(endpoint->method, "POST") == 0 && name != u"notification") {
        if (const std::optional<Json> body = IntegrationRequests::bodyObject(
                request.header("Content-Type"), request.body, problems)) {
            if (name == u"create_conversation")
                conversation = IntegrationRequests::createConversation(*body, problems);
            else
                memories = IntegrationRequests::createMemories(*body, problems);
        }
    }
    if (!problems.isEmpty()) {
        call.detail = problems.summary();
        return jsonAnswer(422, Json{{"detail", problems.detail()}}, call);
    }

    // The handler's own checks, in the backend's order.
    const QByteArray authorization = request.header("Authorization");
    if (!authorization.startsWith("Bearer "))
        return detailAnswer(401,
                            QStringLiteral("Missing or invalid Authorization header. Must be "
                                           "'Bearer API_KEY'"),
                            call);
    // authorization.replace('Bearer ', ''): every occurrence goes, as in the backend.
    const QString key = QString::fromUtf8(QByteArray(authorization).replace("Bearer ", ""));
    if (key != settings.apiKey)
        return detailAnswer(403, QStringLiteral("Invalid API key"), call);
    if (appId != settings.appId)
        return detailAnswer(404, QStringLiteral("App not found"), call);
    if (*uid != settings.uid)
        return detailAnswer(403,
                            name == u"notification"
                                ? QStringLiteral("User does not have this app installed")
                                : QStringLiteral("App is not enabled for this user"),
                            call);
    if (endpoint->action && !settings.actions.contains(QString::fromLatin1(endpoint->action)))
        return detailAnswer(403,
                            QStringLiteral("App does not have the capability to %1")
                                .arg(QString::fromLatin1(endpoint->capability)),
                            call);

    const QDateTime now = call.at;
    if (conversation) {
        call.conversation = m_state->addConversation(*conversation, appId, now);
        call.detail = QStringLiteral("created %1 (title and overview taken from the text; the "
                                     "backend's model writes them)")
                          .arg(quoted(call.conversation->title));
        return jsonAnswer(200, Json::object(), call);
    }
    if (memories) {
        const bool noMemories = memories->memories.isEmpty();
        if ((!memories->text || memories->text->trimmed().isEmpty()) && noMemories)
            return detailAnswer(
                422,
                QStringLiteral(
                    "Either text or explicit memories(facts) are required and cannot be empty"),
                call);
        call.memories = m_state->addMemories(*memories, *uid, appId, now);
        const qsizetype count = call.memories.size();
        call.detail = noMemories ? QStringLiteral("kept the text as 1 memory (the backend's model "
                                                  "extracts facts from it)")
                                 : QStringLiteral("created %1 %2")
                                       .arg(count)
                                       .arg(count == 1 ? QStringLiteral("memory")
                                                       : QStringLiteral("memories"));
        return jsonAnswer(200, Json::object(), call);
    }
    if (name == u"read_memories") {
        const Json page = m_state->memories(*list);
        call.detail = QStringLiteral("%1 memories").arg(page.size());
        return jsonAnswer(200, Json{{"memories", page}}, call);
    }
    if (name == u"read_conversations") {
        const Json page = m_state->conversations(*list);
        call.detail = QStringLiteral("%1 conversations").arg(page.size());
        return jsonAnswer(200, Json{{"conversations", page}}, call);
    }
    if (name == u"read_tasks") {
        call.detail = QStringLiteral("no tasks (the backend's model finds them in conversations; "
                                     "the emulator has none)");
        return jsonAnswer(200, Json{{"tasks", Json::array()}}, call);
    }

    const IntegrationState::Quota quota = m_state->takeNotification(*uid, now);
    HttpHeaders headers = {
        {"X-RateLimit-Limit", QByteArray::number(IntegrationState::kNotificationsPerHour)},
        {"X-RateLimit-Remaining", QByteArray::number(quota.remaining)},
        {"X-RateLimit-Reset", QByteArray::number(quota.resetSeconds)},
    };
    if (!quota.allowed) {
        headers.append({"Retry-After", QByteArray::number(quota.resetSeconds)});
        return detailAnswer(429,
                            QStringLiteral("Rate limit exceeded. Maximum %1 notifications per "
                                           "hour.")
                                .arg(IntegrationState::kNotificationsPerHour),
                            call, headers);
    }
    call.notification = *message;
    call.detail =
        QStringLiteral("%1 (%2 left this hour)").arg(quoted(*message)).arg(quota.remaining);
    return jsonAnswer(200, Json{{"status", "Ok"}}, call, headers);
}

} // namespace studio
