#pragma once

#include "HttpServerRequest.h"

#include <QByteArray>
#include <QString>

namespace studio {

// Reads HTTP/1.1 requests out of the bytes a client sends, as they arrive: the head, then a
// Content-Length or chunked body, one request after another (pipelining). Untrusted input:
// every size is bounded, each byte is looked at a bounded number of times however the
// bytes are split (no rescanning from the start), and anything that cannot become a request
// is refused with the status a server answers and the reason in words.
//
//   parser.append(socket.readAll());
//   while (parser.next() == HttpRequestParser::Progress::Complete)
//       handle(parser.takeRequest());
class HttpRequestParser
{
public:
    static constexpr qsizetype kMaxHeadBytes = 64 * 1024;

    enum class Progress
    {
        NeedMore, // nothing complete yet
        Complete, // takeRequest() holds the next request
        Refused,  // refusalStatus()/refusalReason() say why; the connection should end
    };

    explicit HttpRequestParser(qint64 maxBodyBytes);

    void append(const QByteArray &bytes);
    Progress next();
    HttpServerRequest takeRequest();

    int refusalStatus() const { return m_refusalStatus; }
    const QString &refusalReason() const { return m_refusalReason; }
    // The request line's target of the request being read, for a refusal's note.
    const QByteArray &currentTarget() const { return m_request.target; }
    // The head is read, the body is not complete, and the client asked for "100 Continue"
    // (once per request).
    bool takeContinueRequest();
    // Whether the last complete request lets the connection stay open.
    bool keepAlive() const { return m_keepAlive; }
    // Bytes received and not yet part of a complete request.
    bool hasPendingBytes() const { return m_buffer.size() > m_position; }

private:
    enum class Stage
    {
        Head,
        FixedBody,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Done,
        Refused,
    };

    Progress stepHead();
    Progress stepFixedBody();
    Progress stepChunkSize();
    Progress stepChunkData();
    Progress stepChunkDataEnd();
    Progress stepTrailers();
    bool parseHead(const QByteArray &head);
    qsizetype findLineEnd(); // from m_scan; -1 when not yet there
    Progress refuse(int status, const QString &reason);
    void compact();
    void consumeTo(qsizetype position); // everything before `position` is read

    qint64 m_maxBodyBytes;
    QByteArray m_buffer;
    qsizetype m_position = 0; // start of what is not consumed yet
    qsizetype m_lineStart = 0; // start of the line being looked for
    qsizetype m_scan = 0;      // where the search for its end resumes
    Stage m_stage = Stage::Head;
    HttpServerRequest m_request;
    qint64 m_remaining = 0; // of the fixed body or the current chunk
    bool m_keepAlive = true;
    bool m_expectsContinue = false;
    int m_refusalStatus = 0;
    QString m_refusalReason;
};

} // namespace studio
