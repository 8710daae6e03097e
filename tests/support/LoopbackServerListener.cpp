#include "LoopbackServerListener.h"

#include "LoopbackServerConnection.h"
#include "LoopbackServerState.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

namespace studio::test {

LoopbackServerListener::LoopbackServerListener(std::shared_ptr<LoopbackServerState> state,
                                               bool overTls, QString certificatePath,
                                               QString keyPath)
    : m_state(std::move(state))
    , m_overTls(overTls)
    , m_certificatePath(std::move(certificatePath))
    , m_keyPath(std::move(keyPath))
{}

quint16 LoopbackServerListener::listen()
{
    m_server = createServer();
    if (!m_server)
        return 0;
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this,
            &LoopbackServerListener::acceptPending);
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        m_error = m_server->errorString();
        return 0;
    }
    return m_server->serverPort();
}

QTcpServer *LoopbackServerListener::createServer()
{
    if (!m_overTls)
        return new QTcpServer(this);

    QFile certificateFile(m_certificatePath);
    QFile keyFile(m_keyPath);
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read the test certificate or key: %1, %2")
                      .arg(m_certificatePath, m_keyPath);
        return nullptr;
    }
    const QSslCertificate certificate(&certificateFile, QSsl::Pem);
    const QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
    if (certificate.isNull() || key.isNull()) {
        m_error = QStringLiteral("the test certificate or key does not load");
        return nullptr;
    }
    if (!QSslSocket::supportsSsl()) {
        m_error = QStringLiteral("no TLS backend is available to Qt");
        return nullptr;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    auto *server = new QSslServer(this);
    server->setSslConfiguration(configuration);
    return server;
}

void LoopbackServerListener::acceptPending()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection =
            new LoopbackServerConnection(socket, m_nextSerial++, m_state, m_overTls, this);
        connect(connection, &LoopbackServerConnection::requestRecorded, this,
                &LoopbackServerListener::requestRecorded);
    }
}

void LoopbackServerListener::releaseHeld()
{
    const auto connections = findChildren<LoopbackServerConnection *>(Qt::FindDirectChildrenOnly);
    for (LoopbackServerConnection *connection : connections)
        connection->releaseHeld();
}

void LoopbackServerListener::shutdown()
{
    if (m_server)
        m_server->close();
    const auto connections = findChildren<LoopbackServerConnection *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(connections);
}

} // namespace studio::test
