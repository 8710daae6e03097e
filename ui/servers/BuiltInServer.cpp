#include "BuiltInServer.h"

#include "serve/BuiltInPlugins.h"
#include "server/HttpServer.h"
#include "settings/StudioSettings.h"

#include <QTcpServer>

namespace studio {

BuiltInServer::BuiltInServer(QObject *parent)
    : QObject(parent)
{}

BuiltInServer::~BuiltInServer() = default;

quint16 BuiltInServer::port() const
{
    return isRunning() ? m_server->port() : m_requestedPort;
}

QString BuiltInServer::baseUrl() const
{
    return isRunning() ? m_server->baseUrl() : QString();
}

QString BuiltInServer::url(const QByteArray &path) const
{
    return isRunning() ? m_server->url(path) : QString();
}

QString BuiltInServer::statusText() const
{
    switch (m_state) {
    case State::Running:
        return tr("Built-in plugins: 127.0.0.1:%1").arg(port());
    case State::Stopped:
        return tr("Built-in plugins: stopped");
    case State::PortInUse:
        return tr("Built-in plugins: port %1 in use").arg(m_requestedPort);
    case State::Failed:
        return tr("Built-in plugins: not running");
    }
    return {};
}

void BuiltInServer::start()
{
    if (isRunning())
        return;
    m_requestedPort = StudioSettings().builtInServerPort().value_or(BuiltInPlugins::kDefaultPort);
    HttpServerOptions options;
    options.port = m_requestedPort;
    options.keptRequests = 0; // each request is counted, then forgotten
    auto server = std::make_unique<HttpServer>(options);
    if (!server->isListening()) {
        const QString error = server->errorString();
        server.reset(); // closes its thread before the probe
        setState(portInUse(options.address, m_requestedPort) ? State::PortInUse : State::Failed,
                 error);
        return;
    }
    BuiltInPlugins::install(*server);
    connect(server.get(), &HttpServer::requestReceived, this, [this] {
        ++m_served;
        emit requestServed();
    });
    m_server = std::move(server);
    m_served = 0;
    setState(State::Running);
}

void BuiltInServer::stop()
{
    // Closes the socket and the connections, then joins the server thread.
    m_server.reset();
    setState(State::Stopped);
}

void BuiltInServer::setWanted(bool running)
{
    StudioSettings().setBuiltInServerAutoStart(running);
    if (running)
        start();
    else
        stop();
}

void BuiltInServer::startIfWanted()
{
    if (StudioSettings().builtInServerAutoStart())
        start();
}

void BuiltInServer::setState(State state, const QString &error)
{
    m_state = state;
    m_error = error;
    emit stateChanged();
}

// HttpServer says why it could not listen in words only; a second try says whether the
// port is taken, which the status bar names in a few words.
bool BuiltInServer::portInUse(const QHostAddress &address, quint16 port)
{
    QTcpServer probe;
    if (probe.listen(address, port)) {
        probe.close();
        return false;
    }
    return probe.serverError() == QAbstractSocket::AddressInUseError;
}

} // namespace studio
