#pragma once

#include <QHostAddress>
#include <QTcpSocket>

namespace studio::test {

// A raw client connection that collects everything the server sends: for tests that speak
// to a server byte by byte, as broken and hostile clients do.
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket,
                         [this] { m_received += m_socket.readAll(); });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }
    void send(const QByteArray &bytes) { m_socket.write(bytes); }
    const QByteArray &received() const { return m_received; }
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    bool waitForConnected() { return m_socket.waitForConnected(5000); }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

} // namespace studio::test
