#pragma once

#include "LoopbackServerBehaviour.h"
#include "LoopbackServerRequest.h"

#include <QByteArray>
#include <QObject>

#include <memory>

class QTcpSocket;

namespace studio::test {

class LoopbackServerState;

// One client connection of the loopback server, on the server thread: reads HTTP/1.1
// requests (Content-Length or chunked bodies, Expect: 100-continue, keep-alive, pipelining),
// records each, and answers as its route says. Deletes itself when the connection ends.
class LoopbackServerConnection : public QObject
{
    Q_OBJECT

public:
    LoopbackServerConnection(QTcpSocket *socket, int serial,
                             std::shared_ptr<LoopbackServerState> state, bool overTls,
                             QObject *parent);

    void releaseHeld();

signals:
    void requestRecorded();

private:
    enum class Phase
    {
        ReadingHead,
        ReadingBody,
        Answering
    };
    enum class BodyProgress
    {
        Complete,
        Incomplete,
        Invalid
    };

    void readIncoming();
    void processBuffer();
    bool parseHead(const QByteArray &head);
    BodyProgress takeBody();
    BodyProgress takeChunkedBody();
    void dispatch();
    void scheduleAnswer();
    void beginAnswer();
    void writeHead(qint64 contentLength, bool chunked);
    void writeNextPieces();
    void continueHugeBody();
    void trickle();
    void finishAnswer();
    void reject(int status);
    void resetConnection();
    bool answerHasBody() const;

    QTcpSocket *m_socket;
    int m_serial;
    std::shared_ptr<LoopbackServerState> m_state;
    bool m_overTls;

    Phase m_phase = Phase::ReadingHead;
    QByteArray m_buffer;
    LoopbackServerRequest m_request;
    qint64 m_contentLength = 0;
    bool m_chunkedRequest = false;
    bool m_sentContinue = false;
    bool m_keepAlive = true;

    LoopbackServerBehaviour m_answer;
    int m_requestId = 0;
    bool m_waitingForRelease = false;
    bool m_streamingHugeBody = false;
    qint64 m_sentBodyBytes = 0;
    int m_trickled = 0;
};

} // namespace studio::test
