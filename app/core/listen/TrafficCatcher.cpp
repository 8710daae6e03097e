#include "TrafficCatcher.h"

#include "FixtureFolder.h"
#include "server/HttpServer.h"

namespace studio {

TrafficCatcher::TrafficCatcher(const HttpServerOptions &options, const QString &folder,
                               QByteArray answer, QObject *parent)
    : QObject(parent)
    , m_folder(folder)
    , m_server(std::make_unique<HttpServer>(options))
{
    qRegisterMetaType<CaughtRequest>();
    // The folder is touched only on the server thread, by this one handler.
    auto fixtures = std::make_shared<FixtureFolder>(folder);
    const HttpAnswer reply = HttpAnswer::json(200, answer);
    m_server->setFallback([this, fixtures, reply](const HttpServerRequest &request) {
        CaughtRequest kept = fixtures->keep(request);
        kept.request.answerStatus = reply.status;
        QMetaObject::invokeMethod(this, [this, kept] { emit caught(kept); },
                                  Qt::QueuedConnection);
        return reply;
    });
}

TrafficCatcher::~TrafficCatcher()
{
    // Stops the server thread first, so no handler posts to a catcher being destroyed.
    m_server.reset();
}

bool TrafficCatcher::isListening() const
{
    return m_server->isListening();
}

QString TrafficCatcher::errorString() const
{
    return m_server->errorString();
}

QString TrafficCatcher::baseUrl() const
{
    return m_server->baseUrl();
}

} // namespace studio
