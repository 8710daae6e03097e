#include "HttpServer.h"

#include "HttpServerListener.h"
#include "HttpServerState.h"

#include <QEventLoop>
#include <QTimer>

namespace studio {

HttpServer::HttpServer(const HttpServerOptions &options, QObject *parent)
    : QObject(parent)
    , m_state(std::make_shared<HttpServerState>(options.keptRequests))
    , m_scheme(options.certificatePath.isEmpty() ? QStringLiteral("http")
                                                 : QStringLiteral("https"))
{
    qRegisterMetaType<HttpServerRequest>();
    qRegisterMetaType<HttpServerRefusal>();
    const QHostAddress address = options.address;
    m_host = address == QHostAddress::Any || address == QHostAddress::AnyIPv4 ||
                     address == QHostAddress::AnyIPv6
                 ? QStringLiteral("127.0.0.1")
             : address.protocol() == QAbstractSocket::IPv6Protocol
                 ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                 : address.toString();

    m_listener = new HttpServerListener(m_state, options);
    m_listener->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_listener, &QObject::deleteLater);
    connect(m_listener, &HttpServerListener::requestRecorded, this,
            &HttpServer::requestReceived);
    connect(m_listener, &HttpServerListener::requestRefused, this, &HttpServer::requestRefused);
    m_thread.setObjectName(QStringLiteral("http-server"));
    m_thread.start();

    HttpServerListener *listener = m_listener;
    QMetaObject::invokeMethod(
        listener, [listener] { return listener->listen(); }, Qt::BlockingQueuedConnection, &m_port);
    if (m_port == 0)
        m_error = listener->errorString();
}

HttpServer::~HttpServer()
{
    HttpServerListener *listener = m_listener;
    QMetaObject::invokeMethod(
        listener, [listener] { listener->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString HttpServer::url(const QByteArray &target) const
{
    return QStringLiteral("%1://%2:%3%4")
        .arg(m_scheme, m_host)
        .arg(m_port)
        .arg(QString::fromUtf8(target));
}

void HttpServer::setRoute(const QByteArray &path, const HttpAnswer &answer)
{
    m_state->setRoute(path, [answer](const HttpServerRequest &) { return answer; });
}

void HttpServer::setRoute(const QByteArray &path, Handler handler)
{
    m_state->setRoute(path, std::move(handler));
}

void HttpServer::setFallback(const HttpAnswer &answer)
{
    m_state->setFallback([answer](const HttpServerRequest &) { return answer; });
}

void HttpServer::setFallback(Handler handler)
{
    m_state->setFallback(std::move(handler));
}

void HttpServer::releaseHeldAnswers()
{
    HttpServerListener *listener = m_listener;
    QMetaObject::invokeMethod(
        listener, [listener] { listener->releaseHeld(); }, Qt::QueuedConnection);
}

QList<HttpServerRequest> HttpServer::requests() const
{
    return m_state->requests();
}

int HttpServer::requestCount() const
{
    return m_state->requestCount();
}

void HttpServer::clearRequests()
{
    m_state->clearRequests();
}

bool HttpServer::waitForRequests(int count, int timeoutMs)
{
    if (requestCount() >= count)
        return true;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    // Straight from the listener, so this works whichever thread waits.
    connect(m_listener, &HttpServerListener::requestRecorded, &loop, [&] {
        if (requestCount() >= count)
            loop.quit();
    });
    // A request may have landed between the first check and the connect.
    if (requestCount() >= count)
        return true;
    deadline.start(timeoutMs);
    loop.exec();
    return requestCount() >= count;
}

qint64 HttpServer::elapsedMs() const
{
    return m_state->elapsedMs();
}

} // namespace studio
