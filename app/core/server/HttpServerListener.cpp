#include "HttpServerListener.h"

#include "HttpServerConnection.h"
#include "HttpServerState.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

namespace studio {

namespace {

QString addressText(const QHostAddress &address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    return host + QLatin1Char(':') + QString::number(port);
}

QString listenFailure(const QTcpServer &server, const QHostAddress &address, quint16 port)
{
    QString why;
    switch (server.serverError()) {
    case QAbstractSocket::AddressInUseError:
        why = QStringLiteral("the port is already in use (another server, or another studio?); "
                             "choose another port");
        break;
    case QAbstractSocket::SocketAccessError:
        why = QStringLiteral("permission denied (ports below 1024 need privileges)");
        break;
    case QAbstractSocket::SocketAddressNotAvailableError:
        why = QStringLiteral("this machine has no such address");
        break;
    default:
        why = server.errorString();
        break;
    }
    return QStringLiteral("cannot listen on %1: %2").arg(addressText(address, port), why);
}

} // namespace

HttpServerListener::HttpServerListener(std::shared_ptr<HttpServerState> state,
                                       HttpServerOptions options)
    : m_state(std::move(state))
    , m_options(std::move(options))
{}

quint16 HttpServerListener::listen()
{
    m_server = createServer();
    if (!m_server)
        return 0;
    m_server->setMaxPendingConnections(m_options.maxConnections);
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this,
            &HttpServerListener::acceptPending);
    if (!m_server->listen(m_options.address, m_options.port)) {
        m_error = listenFailure(*m_server, m_options.address, m_options.port);
        return 0;
    }
    return m_server->serverPort();
}

QTcpServer *HttpServerListener::createServer()
{
    if (m_options.certificatePath.isEmpty())
        return new QTcpServer(this);

    QFile certificateFile(m_options.certificatePath);
    QFile keyFile(m_options.privateKeyPath);
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read the TLS certificate or key: %1, %2")
                      .arg(m_options.certificatePath, m_options.privateKeyPath);
        return nullptr;
    }
    const QSslCertificate certificate(&certificateFile, QSsl::Pem);
    const QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
    if (certificate.isNull() || key.isNull()) {
        m_error = QStringLiteral("the TLS certificate or key does not load (PEM, RSA expected)");
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

void HttpServerListener::acceptPending()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        const bool overLimit = m_openConnections >= m_options.maxConnections;
        auto *connection = new HttpServerConnection(socket, m_nextSerial++, m_state, m_options,
                                                    this);
        connect(connection, &HttpServerConnection::requestRecorded, this,
                &HttpServerListener::requestRecorded);
        connect(connection, &HttpServerConnection::requestRefused, this,
                &HttpServerListener::requestRefused);
        ++m_openConnections;
        connect(connection, &QObject::destroyed, this, [this] { --m_openConnections; });
        if (overLimit)
            connection->refuseBusy();
    }
}

void HttpServerListener::releaseHeld()
{
    const auto connections = findChildren<HttpServerConnection *>(Qt::FindDirectChildrenOnly);
    for (HttpServerConnection *connection : connections)
        connection->releaseHeld();
}

void HttpServerListener::shutdown()
{
    if (m_server)
        m_server->close();
    const auto connections = findChildren<HttpServerConnection *>(Qt::FindDirectChildrenOnly);
    for (HttpServerConnection *connection : connections) {
        disconnect(connection, &QObject::destroyed, this, nullptr);
        delete connection;
    }
}

} // namespace studio
