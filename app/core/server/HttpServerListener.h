#pragma once

#include "HttpServerOptions.h"
#include "HttpServerRequest.h"

#include <QObject>
#include <QString>

#include <memory>

class QTcpServer;

namespace studio {

class HttpServerState;

// The server's side of the thread boundary: lives on the server thread, owns the listening
// socket and the connections. HttpServer talks to it only through queued or blocking-queued
// calls.
class HttpServerListener : public QObject
{
    Q_OBJECT

public:
    HttpServerListener(std::shared_ptr<HttpServerState> state, HttpServerOptions options);

    // Server thread. Returns the port, or 0 with errorString() set.
    quint16 listen();
    QString errorString() const { return m_error; }
    void releaseHeld();
    // Server thread: drops every connection and stops listening.
    void shutdown();

signals:
    void requestRecorded(const studio::HttpServerRequest &request);
    void requestRefused(const studio::HttpServerRefusal &refusal);

private:
    void acceptPending();
    QTcpServer *createServer();

    std::shared_ptr<HttpServerState> m_state;
    HttpServerOptions m_options;
    QTcpServer *m_server = nullptr;
    QString m_error;
    int m_nextSerial = 1;
    int m_openConnections = 0;
};

} // namespace studio
