#include "BuiltInPlugins.h"

#include "BoundedSessions.h"
#include "PluginAnswers.h"
#include "SetupPages.h"
#include "server/HttpServer.h"

#include <QRegularExpression>

#include <memory>

namespace studio {

namespace {

constexpr int kMaxSessions = 1000;
constexpr int kMaxSegmentsPerSession = 2000;
constexpr int kMaxSetupUsers = 10'000;

// Everything the handlers remember. Only the server thread touches it.
struct PluginState
{
    BoundedSessions<Json> commitmentSessions{kMaxSessions, kMaxSegmentsPerSession};
    BoundedSessions<Json> questionSessions{kMaxSessions, kMaxSegmentsPerSession};
    BoundedSessions<int> setUpUsers{kMaxSetupUsers, 0};
};

HttpAnswer jsonAnswer(int status, const Json &value)
{
    return HttpAnswer::json(
        status, QByteArray::fromStdString(value.dump(-1, ' ', false, Json::error_handler_t::replace)));
}

HttpAnswer detail(int status, const QString &what)
{
    return jsonAnswer(status, Json{{"detail", what.toStdString()}});
}

QString uidOf(const HttpServerRequest &request)
{
    return request.query().queryItemValue(QStringLiteral("uid"), QUrl::FullyDecoded);
}

// The body as a JSON object, or the answer a plugin framework gives when it is not one.
std::optional<Json> objectBody(const HttpServerRequest &request, HttpAnswer &refusal)
{
    JsonParseOptions options;
    options.recordSourceMap = false;
    options.dialect = JsonDialect::PythonJsonLoads;
    JsonParseResult parsed = parseJson(std::string_view(request.body.constData(),
                                                        std::size_t(request.body.size())),
                                       options);
    if (!parsed.ok()) {
        refusal = detail(422, QStringLiteral("the body is not JSON: %1")
                                  .arg(QString::fromStdString(parsed.error->message)));
        return std::nullopt;
    }
    if (!parsed.value.is_object()) {
        refusal = detail(422, QStringLiteral("the body is JSON but not an object"));
        return std::nullopt;
    }
    return std::move(parsed.value);
}

QList<Json> newSegmentsOf(const Json &body)
{
    QList<Json> segments;
    const auto found = body.find("segments");
    if (found != body.end() && found->is_array()) {
        for (const Json &segment : *found)
            segments.append(segment);
    }
    return segments;
}

QString sessionOf(const Json &body, const QString &uid)
{
    const auto found = body.find("session_id");
    if (found != body.end() && found->is_string() && !found->get<std::string>().empty())
        return QString::fromStdString(found->get<std::string>());
    return uid;
}

// The base URL a client reached us by: its Host header when that is a plain host[:port],
// else the server's own address.
QString baseUrlFor(const HttpServerRequest &request, const QString &serverBase)
{
    static const QRegularExpression plainHost(QStringLiteral("^[A-Za-z0-9.\\-]+(:[0-9]{1,5})?$|"
                                                             "^\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?$"));
    const QString host = QString::fromLatin1(request.header("Host"));
    if (!plainHost.match(host).hasMatch())
        return serverBase;
    return (request.overTls ? QStringLiteral("https://") : QStringLiteral("http://")) + host;
}

using Handler = HttpServer::Handler;

// Wraps a handler so that another method than `method` gets 405, as frameworks answer.
Handler only(const QByteArray &method, Handler handler)
{
    return [method, handler = std::move(handler)](const HttpServerRequest &request) {
        if (request.method != method)
            return detail(405, QStringLiteral("Method Not Allowed"))
                .withHeader("Allow", method);
        return handler(request);
    };
}

Handler realtime(std::shared_ptr<PluginState> state, bool proactive)
{
    return [state, proactive](const HttpServerRequest &request) {
        HttpAnswer refusal;
        const std::optional<Json> body = objectBody(request, refusal);
        if (!body)
            return refusal;
        const QList<Json> segments = newSegmentsOf(*body);
        const QString session = sessionOf(*body, uidOf(request));
        BoundedSessions<Json> &sessions =
            proactive ? state->questionSessions : state->commitmentSessions;
        const int heard = sessions.append(session, segments);
        Json fresh = Json::array();
        for (const Json &segment : segments)
            fresh.push_back(segment);
        return jsonAnswer(200, proactive ? PluginAnswers::questionHeard(fresh, heard)
                                         : PluginAnswers::commitmentHeard(fresh, heard));
    };
}

} // namespace

QList<BuiltInPlugins::Endpoint> BuiltInPlugins::endpoints()
{
    return {
        {QStringLiteral("memory webhook"), QStringLiteral("memory_creation"), "/memory",
         QStringLiteral("a message from the memory's title and action items")},
        {QStringLiteral("realtime listener"), QStringLiteral("transcript_processed"), "/transcript",
         QStringLiteral("a notification when someone commits to something (\"I'll...\")")},
        {QStringLiteral("proactive notification"), QStringLiteral("proactive_notification"),
         "/proactive", QStringLiteral("asks the app to answer the wearer's question")},
        {QStringLiteral("setup status"), QStringLiteral("setup_completed"), "/setup/status",
         QStringLiteral("false until the uid pressed the setup page's button")},
        {QStringLiteral("setup page"), QStringLiteral("setup_page"), "/setup",
         QStringLiteral("the auth step: a page with one button per uid")},
    };
}

void BuiltInPlugins::install(HttpServer &server)
{
    auto state = std::make_shared<PluginState>();
    const QString serverBase = server.baseUrl();

    server.setRoute("/", only("GET", [serverBase](const HttpServerRequest &request) {
        const QString base = baseUrlFor(request, serverBase);
        Json list = Json::array();
        for (const Endpoint &endpoint : endpoints()) {
            const QString url = base + QString::fromLatin1(endpoint.path);
            list.push_back(Json{{"name", endpoint.name.toStdString()},
                                {"trigger", endpoint.trigger.toStdString()},
                                {"url", url.toStdString()}});
        }
        return jsonAnswer(200, Json{{"endpoints", list}});
    }));

    server.setRoute("/memory", only("POST", [](const HttpServerRequest &request) {
        HttpAnswer refusal;
        const std::optional<Json> memory = objectBody(request, refusal);
        return memory ? jsonAnswer(200, PluginAnswers::memoryFiled(*memory)) : refusal;
    }));
    server.setRoute("/transcript", only("POST", realtime(state, false)));
    server.setRoute("/proactive", only("POST", realtime(state, true)));

    server.setRoute("/setup/status", only("GET", [state](const HttpServerRequest &request) {
        const QString uid = uidOf(request);
        if (uid.isEmpty())
            return detail(422, QStringLiteral("the query has no uid"));
        return jsonAnswer(200, Json{{"is_setup_completed", state->setUpUsers.contains(uid)}});
    }));
    server.setRoute("/setup", only("GET", [](const HttpServerRequest &request) {
        const QString uid = uidOf(request);
        return uid.isEmpty() ? HttpAnswer::html(400, SetupPages::noUidPage())
                             : HttpAnswer::html(200, SetupPages::setupPage(uid));
    }));
    server.setRoute("/setup/complete", only("POST", [state](const HttpServerRequest &request) {
        const QString uid = SetupPages::uidFromForm(request.body);
        if (uid.isEmpty())
            return HttpAnswer::html(400, SetupPages::noUidPage());
        state->setUpUsers.insert(uid);
        return HttpAnswer::html(200, SetupPages::completedPage());
    }));
}

} // namespace studio
