#include "HttpServerConnection.h"

#include "HttpServerState.h"

#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <exception>
#include <sys/socket.h>

namespace studio {

namespace {

constexpr qsizetype kMaxHeadBytes = 64 * 1024;
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

// Whether the bytes so far may still be the start of an HTTP request head.
bool looksLikeRequestStart(const QByteArray &bytes)
{
    return std::all_of(bytes.cbegin(), bytes.cend(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0x20 || c == '\r' || c == '\n' || c == '\t';
    });
}

const QByteArray &filler()
{
    static const QByteArray block(64 * 1024, 'x');
    return block;
}


QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024 * 1024), 'g', 3) + QStringLiteral(" MB");
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
    , m_maxBodyBytes(options.maxBodyBytes)
    , m_readTimeoutMs(options.readTimeoutMs)
    , m_idleTimeoutMs(options.idleTimeoutMs)
    , m_peer(socket->peerAddress().toString() + QLatin1Char(':') +
             QString::number(socket->peerPort()))
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
    if (m_phase != Phase::ReadingHead && m_phase != Phase::ReadingBody)
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
    if (m_buffer.isEmpty() && m_phase == Phase::ReadingHead && m_readTimeoutMs > 0 &&
        !m_readDeadline.isActive())
        m_readDeadline.start(m_readTimeoutMs);
    m_buffer += incoming;
    if (m_phase == Phase::ReadingHead || m_phase == Phase::ReadingBody)
        processBuffer();
}

void HttpServerConnection::processBuffer()
{
    while (m_phase == Phase::ReadingHead || m_phase == Phase::ReadingBody) {
        if (m_phase == Phase::ReadingHead) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0) {
                // Refuse what cannot become a request at once, as real servers do: a TLS
                // hello sent to plain HTTP then fails fast instead of waiting for a timeout.
                if (m_buffer.size() > kMaxHeadBytes)
                    reject(431, QStringLiteral("the request head is over 64 KB"));
                else if (!looksLikeRequestStart(m_buffer))
                    reject(400, QStringLiteral("not an HTTP request (binary bytes; TLS sent "
                                               "to a plain HTTP port?)"));
                return;
            }
            const QByteArray head = m_buffer.left(end);
            m_buffer.remove(0, end + 4);
            if (!parseHead(head)) {
                reject(400, QStringLiteral("a malformed request head"));
                return;
            }
            m_phase = Phase::ReadingBody;
        }
        switch (takeBody()) {
        case BodyProgress::Invalid:
            if (m_contentLength > m_maxBodyBytes || m_chunkedOverLimit)
                reject(413, QStringLiteral("the body is over the %1 limit")
                                .arg(megabytes(m_maxBodyBytes)));
            else
                reject(400, QStringLiteral("a malformed chunked body"));
            return;
        case BodyProgress::Incomplete:
            if (!m_sentContinue &&
                m_request.header("Expect").compare("100-continue", Qt::CaseInsensitive) == 0) {
                m_sentContinue = true;
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            return;
        case BodyProgress::Complete:
            dispatch();
            break;
        }
    }
}

bool HttpServerConnection::parseHead(const QByteArray &head)
{
    m_request = HttpServerRequest{};
    m_request.connection = m_serial;
    m_request.overTls = m_overTls;
    m_request.peer = m_peer;
    m_chunkedOverLimit = false;
    m_contentLength = 0;
    m_chunkedRequest = false;
    m_sentContinue = false;

    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> parts = lines.first().trimmed().split(' ');
    if (parts.size() != 3 || parts[0].isEmpty() || !parts[2].startsWith("HTTP/"))
        return false;
    m_request.method = parts[0];
    m_request.target = parts[1];
    m_request.version = parts[2];
    const qsizetype mark = m_request.target.indexOf('?');
    m_request.path = mark < 0 ? m_request.target : m_request.target.left(mark);

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].endsWith('\r') ? lines[i].chopped(1) : lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return false;
        m_request.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }

    if (m_request.header("Transfer-Encoding").toLower().contains("chunked")) {
        m_chunkedRequest = true;
    } else if (m_request.hasHeader("Content-Length")) {
        bool ok = false;
        m_contentLength = m_request.header("Content-Length").toLongLong(&ok);
        if (!ok || m_contentLength < 0)
            return false;
    }
    const QByteArray connection = m_request.header("Connection").toLower();
    m_keepAlive =
        m_request.version == "HTTP/1.0" ? connection == "keep-alive" : connection != "close";
    return true;
}

HttpServerConnection::BodyProgress HttpServerConnection::takeBody()
{
    if (m_chunkedRequest)
        return takeChunkedBody();
    if (m_contentLength > m_maxBodyBytes)
        return BodyProgress::Invalid;
    if (m_buffer.size() < m_contentLength)
        return BodyProgress::Incomplete;
    m_request.body = m_buffer.left(m_contentLength);
    m_buffer.remove(0, m_contentLength);
    return BodyProgress::Complete;
}

HttpServerConnection::BodyProgress HttpServerConnection::takeChunkedBody()
{
    // Decodes from the start of the buffer each time: simple, and request bodies are small.
    QByteArray body;
    qsizetype position = 0;
    for (;;) {
        const qsizetype lineEnd = m_buffer.indexOf("\r\n", position);
        if (lineEnd < 0)
            return BodyProgress::Incomplete;
        QByteArray sizeField = m_buffer.mid(position, lineEnd - position);
        if (const qsizetype extension = sizeField.indexOf(';'); extension >= 0)
            sizeField.truncate(extension);
        bool ok = false;
        const qint64 size = sizeField.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return BodyProgress::Invalid;
        if (body.size() + size > m_maxBodyBytes) {
            m_chunkedOverLimit = true;
            return BodyProgress::Invalid;
        }
        position = lineEnd + 2;
        if (size == 0) {
            // Trailers, if any, end with an empty line.
            const qsizetype end = m_buffer.indexOf("\r\n", position) == position
                                      ? position
                                      : m_buffer.indexOf("\r\n\r\n", position);
            if (end < 0)
                return BodyProgress::Incomplete;
            const qsizetype consumed = end == position ? position + 2 : end + 4;
            m_request.body = body;
            m_buffer.remove(0, consumed);
            return BodyProgress::Complete;
        }
        if (m_buffer.size() < position + size + 2)
            return BodyProgress::Incomplete;
        body += m_buffer.mid(position, size);
        position += size + 2;
    }
}

void HttpServerConnection::dispatch()
{
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
    m_phase = Phase::ReadingHead;
    m_request = HttpServerRequest{};
    if (!m_keepAlive) {
        m_socket->disconnectFromHost();
        return;
    }
    if (!m_buffer.isEmpty()) {
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
        .status = status, .reason = reason, .peer = m_peer, .target = m_request.target});
    m_readDeadline.stop();
    m_idleDeadline.stop();
    m_phase = Phase::Refused;
    m_buffer.clear();
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
