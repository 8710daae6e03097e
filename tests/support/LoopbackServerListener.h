#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QTcpServer;

namespace studio::test {

class LoopbackServerState;

// The loopback server's side of the thread boundary: lives on the server thread, owns the
// listening socket and the connections. LoopbackServer talks to it only through queued or
// blocking-queued calls.
class LoopbackServerListener : public QObject
{
    Q_OBJECT

public:
    LoopbackServerListener(std::shared_ptr<LoopbackServerState> state, bool overTls,
                           QString certificatePath, QString keyPath);

    // Server thread. Returns the port, or 0 with errorString() set.
    quint16 listen();
    QString errorString() const { return m_error; }
    void releaseHeld();
    // Server thread: drops every connection and stops listening.
    void shutdown();

signals:
    void requestRecorded();

private:
    void acceptPending();
    QTcpServer *createServer();

    std::shared_ptr<LoopbackServerState> m_state;
    bool m_overTls;
    QString m_certificatePath;
    QString m_keyPath;
    QTcpServer *m_server = nullptr;
    QString m_error;
    int m_nextSerial = 1;
};

} // namespace studio::test
