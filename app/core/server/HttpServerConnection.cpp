#include "HttpServerConnection.h"

#include "HttpServerState.h"

#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <exception>
#include <sys/socket.h>

namespace studio {

namespace {

constexpr int kRefusedLingerMs = 2000;
constexpr qint64 kHugeBodyHighWater = 256 * 1024;             // refill the socket below this
constexpr qint64 kTrickledBodyAnnounced = 1024 * 1024 * 1024; // never all sent

using Mode = HttpAnswer::Mode;

QByteArray reasonPhrase(int status)
{
    struct Reason
    {
        int status;
        const char *phrase;
    };
    static constexpr Reason reasons[] = {
        {100, "Continue"},
        {102, "Processing"},
        {103, "Early Hints"},
        {200, "OK"},
        {201, "Created"},
        {202, "Accepted"},
        {204, "No Content"},
        {301, "Moved Permanently"},
        {302, "Found"},
        {303, "See Other"},
        {304, "Not Modified"},
        {307, "Temporary Redirect"},
        {308, "Permanent Redirect"},
        {400, "Bad Request"},
        {401, "Unauthorized"},
        {403, "Forbidden"},
        {404, "Not Found"},
        {405, "Method Not Allowed"},
        {408, "Request Timeout"},
        {413, "Content Too Large"},
        {422, "Unprocessable Content"},
        {429, "Too Many Requests"},
        {431, "Request Header Fields Too Large"},
        {500, "Internal Server Error"},
        {502, "Bad Gateway"},
        {503, "Service Unavailable"},
        {504, "Gateway Timeout"},
    };
    for (const Reason &reason : reasons) {
        if (reason.status == status)
            return reason.phrase;
    }
    return "Status";
}

QByteArray statusLine(int status)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
}

bool hasHeader(const HttpHeaders &headers, const char *name)
{
    return std::any_of(headers.cbegin(), headers.cend(), [name](const auto &header) {
        return header.first.compare(QByteArray(name), Qt::CaseInsensitive) == 0;
    });
}

const QByteArray &filler()
{
    static const QByteArray block(64 * 1024, 'x');
    return block;
}

} // namespace

HttpServerConnection::HttpServerConnection(QTcpSocket *socket, int serial,
                                           std::shared_ptr<HttpServerState> state,
                                           const HttpServerOptions &options, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_serial(serial)
    , m_state(std::move(state))
    , m_overTls(!options.certificatePath.isEmpty())
    , m_readTimeoutMs(options.readTimeoutMs)
    , m_idleTimeoutMs(options.idleTimeoutMs)
    , m_peer(socket->peerAddress().toString() + QLatin1Char(':') +
             QString::number(socket->peerPort()))
    , m_parser(options.maxBodyBytes)
{
    m_socket->setParent(this);
    m_readDeadline.setSingleShot(true);
    m_idleDeadline.setSingleShot(true);
    connect(&m_readDeadline, &QTimer::timeout, this, &HttpServerConnection::readTimedOut);
    connect(&m_idleDeadline, &QTimer::timeout, m_socket, &QTcpSocket::disconnectFromHost);
    if (m_idleTimeoutMs > 0)
        m_idleDeadline.start(m_idleTimeoutMs);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpServerConnection::readIncoming);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpServerConnection::continueHugeBody);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpServerConnection::readIncoming,
                                  Qt::QueuedConnection);
}

void HttpServerConnection::releaseHeld()
{
    if (!m_waitingForRelease)
        return;
    m_waitingForRelease = false;
    scheduleAnswer();
}

void HttpServerConnection::refuseBusy()
{
    reject(503, QStringLiteral("too many connections at once"));
}

void HttpServerConnection::readTimedOut()
{
    if (m_phase != Phase::Reading)
        return;
    reject(408, QStringLiteral("the request did not arrive whole within %1 s")
                    .arg(m_readTimeoutMs / 1000.0));
}

void HttpServerConnection::readIncoming()
{
    const QByteArray incoming = m_socket->readAll();
    if (incoming.isEmpty() || m_phase == Phase::Refused)
        return;
    m_idleDeadline.stop();
    if (!m_parser.hasPendingBytes() && m_phase == Phase::Reading && m_readTimeoutMs > 0 &&
        !m_readDeadline.isActive())
        m_readDeadline.start(m_readTimeoutMs);
    m_parser.append(incoming);
    if (m_phase == Phase::Reading)
        processBuffer();
}

void HttpServerConnection::processBuffer()
{
    while (m_phase == Phase::Reading) {
        switch (m_parser.next()) {
        case HttpRequestParser::Progress::Refused:
            reject(m_parser.refusalStatus(), m_parser.refusalReason());
            return;
        case HttpRequestParser::Progress::NeedMore:
            if (m_parser.takeContinueRequest())
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            return;
        case HttpRequestParser::Progress::Complete:
            dispatch(m_parser.takeRequest());
            break;
        }
    }
}

void HttpServerConnection::dispatch(HttpServerRequest request)
{
    m_request = std::move(request);
    m_request.connection = m_serial;
    m_request.overTls = m_overTls;
    m_request.peer = m_peer;
    m_keepAlive = m_parser.keepAlive();
    m_phase = Phase::Answering;
    m_readDeadline.stop();
    m_request.arrivedMs = m_state->elapsedMs();
    m_request.receivedAt = QDateTime::currentDateTimeUtc();
    m_requestId = m_state->record(m_request);

    try {
        m_answer = m_state->handlerFor(m_request.path)(m_request);
    } catch (const std::exception &error) {
        m_answer = HttpAnswer::text(500, QByteArray("the route's handler threw: ") +
                                             error.what() + '\n');
    }
    const bool sendsStatus = m_answer.mode != Mode::Garbage &&
                             m_answer.mode != Mode::CloseWithoutAnswer &&
                             m_answer.mode != Mode::Reset && m_answer.mode != Mode::EndlessInterim;
    m_request.answerStatus = sendsStatus ? m_answer.status : 0;
    emit requestRecorded(m_request);
    if (m_answer.closeAfter)
        m_keepAlive = false;
    for (const int status : m_answer.interim)
        m_socket->write(statusLine(status) + "\r\n");
    if (m_answer.held) {
        m_waitingForRelease = true;
        return;
    }
    scheduleAnswer();
}

void HttpServerConnection::scheduleAnswer()
{
    if (m_answer.delayMs > 0)
        QTimer::singleShot(m_answer.delayMs, Qt::PreciseTimer, this,
                           &HttpServerConnection::beginAnswer);
    else
        beginAnswer();
}

void HttpServerConnection::beginAnswer()
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return; // the client gave up while the answer waited
    m_state->markAnswered(m_requestId);
    m_sentBodyBytes = 0;
    m_trickled = 0;
    switch (m_answer.mode) {
    case Mode::CloseWithoutAnswer:
        m_socket->disconnectFromHost();
        return;
    case Mode::Reset:
        resetConnection();
        return;
    case Mode::Garbage:
        m_socket->write(m_answer.body);
        m_socket->disconnectFromHost();
        return;
    case Mode::Answer:
        writeHead(m_answer.body.size(), false);
        if (answerHasBody())
            m_socket->write(m_answer.body);
        finishAnswer();
        return;
    case Mode::Chunked:
    case Mode::SlowDrip:
        writeHead(m_answer.body.size(), m_answer.mode == Mode::Chunked);
        if (!answerHasBody()) {
            finishAnswer();
            return;
        }
        writeNextPieces();
        return;
    case Mode::HugeBody:
        writeHead(m_answer.hugeBytes, false);
        if (!answerHasBody()) {
            finishAnswer();
            return;
        }
        m_streamingHugeBody = true;
        continueHugeBody();
        return;
    case Mode::TrickledBody:
        writeHead(kTrickledBodyAnnounced, false);
        trickle();
        return;
    case Mode::TrickledHeaders:
        m_socket->write(statusLine(m_answer.status));
        trickle();
        return;
    case Mode::EndlessInterim:
        trickle();
        return;
    }
}

void HttpServerConnection::trickle()
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    ++m_trickled;
    switch (m_answer.mode) {
    case Mode::TrickledBody:
        m_socket->write("x");
        break;
    case Mode::TrickledHeaders:
        m_socket->write("X-Trickle-" + QByteArray::number(m_trickled) + ": " +
                        QByteArray::number(m_trickled) + "\r\n");
        break;
    default:
        m_socket->write(statusLine(m_answer.status) + "\r\n");
        break;
    }
    m_socket->flush();
    QTimer::singleShot(std::max(1, m_answer.intervalMs), Qt::PreciseTimer, this,
                       &HttpServerConnection::trickle);
}

bool HttpServerConnection::answerHasBody() const
{
    return m_request.method != "HEAD" && m_answer.status != 204 && m_answer.status != 304;
}

void HttpServerConnection::writeHead(qint64 contentLength, bool chunked)
{
    QByteArray head = statusLine(m_answer.status);
    for (const auto &[name, value] : m_answer.headers)
        head += name + ": " + value + "\r\n";
    const bool framed = hasHeader(m_answer.headers, "Content-Length") ||
                        hasHeader(m_answer.headers, "Transfer-Encoding");
    const bool mayHaveBody = m_answer.status != 204 && m_answer.status != 304;
    if (!framed && mayHaveBody) {
        if (chunked)
            head += "Transfer-Encoding: chunked\r\n";
        else
            head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    }
    if (!m_keepAlive && !hasHeader(m_answer.headers, "Connection"))
        head += "Connection: close\r\n";
    head += "\r\n";
    m_socket->write(head);
}

void HttpServerConnection::writeNextPieces()
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    const bool chunked = m_answer.mode == Mode::Chunked;
    const qint64 pieceBytes = std::max(1, m_answer.pieceBytes);
    while (m_sentBodyBytes < m_answer.body.size()) {
        const QByteArray piece = m_answer.body.mid(m_sentBodyBytes, pieceBytes);
        if (chunked)
            m_socket->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
        else
            m_socket->write(piece);
        m_sentBodyBytes += piece.size();
        if (m_answer.intervalMs > 0 && m_sentBodyBytes < m_answer.body.size()) {
            m_socket->flush();
            QTimer::singleShot(m_answer.intervalMs, Qt::PreciseTimer, this,
                               &HttpServerConnection::writeNextPieces);
            return;
        }
    }
    if (chunked)
        m_socket->write("0\r\n\r\n");
    finishAnswer();
}

void HttpServerConnection::continueHugeBody()
{
    if (!m_streamingHugeBody || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    while (m_sentBodyBytes < m_answer.hugeBytes && m_socket->bytesToWrite() < kHugeBodyHighWater) {
        const qint64 size = std::min<qint64>(filler().size(), m_answer.hugeBytes - m_sentBodyBytes);
        m_socket->write(filler().constData(), size);
        m_sentBodyBytes += size;
    }
    if (m_sentBodyBytes >= m_answer.hugeBytes) {
        m_streamingHugeBody = false;
        finishAnswer();
    }
}

void HttpServerConnection::finishAnswer()
{
    m_phase = Phase::Reading;
    m_request = HttpServerRequest{};
    if (!m_keepAlive) {
        m_socket->disconnectFromHost();
        return;
    }
    if (m_parser.hasPendingBytes()) {
        if (m_readTimeoutMs > 0)
            m_readDeadline.start(m_readTimeoutMs);
        QMetaObject::invokeMethod(this, &HttpServerConnection::processBuffer,
                                  Qt::QueuedConnection);
    } else if (m_idleTimeoutMs > 0) {
        m_idleDeadline.start(m_idleTimeoutMs);
    }
}

void HttpServerConnection::reject(int status, const QString &reason)
{
    emit requestRefused(HttpServerRefusal{
        .status = status, .reason = reason, .peer = m_peer, .target = m_parser.currentTarget()});
    m_readDeadline.stop();
    m_idleDeadline.stop();
    m_phase = Phase::Refused;
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
                    "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    // A lingering close: closing with the client's unread bytes pending would reset the
    // connection and lose the answer, so the answer goes out, our side shuts, and what the
    // client still sends is read and dropped until it closes or kRefusedLingerMs pass.
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpServerConnection::shutDownWhenSent);
    shutDownWhenSent();
    QTimer::singleShot(kRefusedLingerMs, this, [this] { m_socket->abort(); deleteLater(); });
}

void HttpServerConnection::shutDownWhenSent()
{
    if (m_phase != Phase::Refused || m_socket->bytesToWrite() > 0 || m_shutDown)
        return;
    m_shutDown = true;
    const qintptr descriptor = m_socket->socketDescriptor();
    if (descriptor >= 0 && !m_overTls)
        ::shutdown(int(descriptor), SHUT_WR);
    else
        m_socket->disconnectFromHost();
}

void HttpServerConnection::resetConnection()
{
    // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
    const qintptr descriptor = m_socket->socketDescriptor();
    if (descriptor >= 0) {
        const linger abortive{1, 0};
        ::setsockopt(int(descriptor), SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
    }
    m_socket->abort();
    deleteLater();
}

} // namespace studio
