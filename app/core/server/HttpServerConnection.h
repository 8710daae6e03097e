#pragma once

#include "HttpAnswer.h"
#include "HttpRequestParser.h"
#include "HttpServerOptions.h"
#include "HttpServerRequest.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <memory>

class QTcpSocket;

namespace studio {

class HttpServerState;

// One client connection, on the server thread: reads HTTP/1.1 requests (Content-Length or
// chunked bodies, Expect: 100-continue, keep-alive, pipelining) within the options' limits,
// records each, and answers as its route says. Deletes itself when the connection ends.
class HttpServerConnection : public QObject
{
    Q_OBJECT

public:
    HttpServerConnection(QTcpSocket *socket, int serial,
                         std::shared_ptr<HttpServerState> state, const HttpServerOptions &options,
                         QObject *parent);

    void releaseHeld();
    // Answers 503 and closes: the server has too many connections already.
    void refuseBusy();

signals:
    void requestRecorded(const studio::HttpServerRequest &request);
    void requestRefused(const studio::HttpServerRefusal &refusal);

private:
    enum class Phase
    {
        Reading,
        Answering,
        Refused // answered with an error; reading and dropping until the client leaves
    };
    void readIncoming();
    void processBuffer();
    void dispatch(HttpServerRequest request);
    void scheduleAnswer();
    void beginAnswer();
    void writeHead(qint64 contentLength, bool chunked);
    void writeNextPieces();
    void continueHugeBody();
    void trickle();
    void finishAnswer();
    void reject(int status, const QString &reason);
    void readTimedOut();
    void shutDownWhenSent();
    void resetConnection();
    bool answerHasBody() const;

    QTcpSocket *m_socket;
    int m_serial;
    std::shared_ptr<HttpServerState> m_state;
    bool m_overTls;
    int m_readTimeoutMs;
    int m_idleTimeoutMs;
    QString m_peer;
    QTimer m_readDeadline; // a request begun must arrive whole before it fires
    QTimer m_idleDeadline; // a connection without a request closes when it fires

    Phase m_phase = Phase::Reading;
    HttpRequestParser m_parser;
    HttpServerRequest m_request; // the one being answered
    bool m_keepAlive = true;
    bool m_shutDown = false;

    HttpAnswer m_answer;
    int m_requestId = 0;
    bool m_waitingForRelease = false;
    bool m_streamingHugeBody = false;
    qint64 m_sentBodyBytes = 0;
    int m_trickled = 0;
};

} // namespace studio
