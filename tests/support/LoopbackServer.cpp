#include "LoopbackServer.h"

#include "LoopbackServerListener.h"
#include "LoopbackServerState.h"

#include <QEventLoop>
#include <QTimer>

namespace studio::test {

LoopbackServer::LoopbackServer(Scheme scheme, QObject *parent)
    : QObject(parent)
    , m_state(std::make_shared<LoopbackServerState>())
    , m_scheme(scheme == Scheme::Https ? QStringLiteral("https") : QStringLiteral("http"))
{
    m_listener = new LoopbackServerListener(m_state, scheme == Scheme::Https, certificatePath(),
                                            privateKeyPath());
    m_listener->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_listener, &QObject::deleteLater);
    connect(m_listener, &LoopbackServerListener::requestRecorded, this,
            &LoopbackServer::requestReceived);
    m_thread.setObjectName(QStringLiteral("loopback-server"));
    m_thread.start();

    LoopbackServerListener *listener = m_listener;
    QMetaObject::invokeMethod(
        listener, [listener] { return listener->listen(); }, Qt::BlockingQueuedConnection, &m_port);
    if (m_port == 0)
        m_error = listener->errorString();
}

LoopbackServer::~LoopbackServer()
{
    LoopbackServerListener *listener = m_listener;
    QMetaObject::invokeMethod(
        listener, [listener] { listener->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString LoopbackServer::url(const QByteArray &target) const
{
    return QStringLiteral("%1://127.0.0.1:%2%3")
        .arg(m_scheme)
        .arg(m_port)
        .arg(QString::fromUtf8(target));
}

QString LoopbackServer::certificatePath()
{
    return QStringLiteral(STUDIO_TEST_SUPPORT_DATA_DIR "/loopback-cert.pem");
}

QString LoopbackServer::privateKeyPath()
{
    return QStringLiteral(STUDIO_TEST_SUPPORT_DATA_DIR "/loopback-key.pem");
}

void LoopbackServer::setRoute(const QByteArray &path, const Behaviour &behaviour)
{
    m_state->setRoute(path, [behaviour](const ReceivedRequest &) { return behaviour; });
}

void LoopbackServer::setRoute(const QByteArray &path, Handler handler)
{
    m_state->setRoute(path, std::move(handler));
}

void LoopbackServer::setFallback(const Behaviour &behaviour)
{
    m_state->setFallback([behaviour](const ReceivedRequest &) { return behaviour; });
}

void LoopbackServer::releaseHeldAnswers()
{
    LoopbackServerListener *listener = m_listener;
    QMetaObject::invokeMethod(
        listener, [listener] { listener->releaseHeld(); }, Qt::QueuedConnection);
}

QList<LoopbackServer::ReceivedRequest> LoopbackServer::requests() const
{
    return m_state->requests();
}

int LoopbackServer::requestCount() const
{
    return m_state->requestCount();
}

void LoopbackServer::clearRequests()
{
    m_state->clearRequests();
}

bool LoopbackServer::waitForRequests(int count, int timeoutMs)
{
    if (requestCount() >= count)
        return true;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    // Straight from the listener, so this works whichever thread waits.
    connect(m_listener, &LoopbackServerListener::requestRecorded, &loop, [&] {
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

qint64 LoopbackServer::elapsedMs() const
{
    return m_state->elapsedMs();
}

} // namespace studio::test
