#pragma once

#include "http/AnswerProgress.h"
#include "http/HttpExchange.h"

#include <QByteArray>

#include <curl/curl.h>

#include <memory>

namespace studio {

class BodyDecoder;
class ChunkedBody;

// Reads one HTTP/1.1 response from a server's untrusted bytes, as they arrive, the way
// libcurl reads one for the app's requests: interim 1xx responses skipped, the body by
// Content-Length, chunked or up to the connection's end, gzip and deflate decoded, libcurl's
// limits on header lines (100 KB) and header blocks (300 KB), the body kept up to a limit.
//
// A failure is reported as the CURLcode and error text libcurl gives for the same bytes, so
// CurlErrorTranslator words both paths alike and a plugin author reads one set of messages.
class HttpResponseReader
{
public:
    enum class State
    {
        Reading,  // more bytes are needed
        Complete, // the response is whole; the connection may carry the next one
        Failed,
    };

    // `headRequest`: the request was HEAD, whose response has no body whatever it announces.
    // `maxBodyBytes`: the body kept; past it the reader fails with CURLE_WRITE_ERROR and
    // `truncated`, as the engine's libcurl path stops a runaway answer (-1: no limit).
    HttpResponseReader(bool headRequest, qint64 maxBodyBytes);
    ~HttpResponseReader();

    HttpResponseReader(const HttpResponseReader &) = delete;
    HttpResponseReader &operator=(const HttpResponseReader &) = delete;

    // Reads what it can of `size` bytes and returns how many it consumed: all of them while
    // Reading; fewer once Complete (the rest came after the response) or Failed.
    qsizetype feed(const char *data, qsizetype size);
    // The server closed its side: ends a body read up to the close, else fails
    // (CURLE_GOT_NOTHING before any byte, CURLE_PARTIAL_FILE mid-body, ...).
    void endOfStream();

    State state() const { return m_state; }
    // Failed only: libcurl's code and its error text for the same bytes
    // ("Header without colon", "Unsupported response code in HTTP response", ...).
    CURLcode failureCode() const { return m_failureCode; }
    const QByteArray &failureDetail() const { return m_failureDetail; }

    // The final response as far as it has arrived (interim responses are not kept, only
    // counted in progress()): 0 and empty until its status line is read.
    int status() const { return m_status; }
    const QByteArray &statusLine() const { return m_statusLine; }
    const HttpHeaders &headers() const { return m_headers; }
    // The body decoded, at most maxBodyBytes of it.
    QByteArray &body() { return m_body; }
    qint64 bodyBytesReceived() const { return m_bodyBytesReceived; } // decoded, truncated or not
    bool truncated() const { return m_truncated; }
    qint64 announcedLength() const { return m_announcedLength; } // Content-Length, or -1
    QByteArray contentEncoding() const;
    const AnswerProgress &progress() const { return m_progress; }
    // Complete only: the connection can carry another exchange (HTTP/1.1 without
    // "Connection: close", HTTP/1.0 with "Connection: keep-alive"; never a body read up to
    // the close).
    bool keepsConnection() const { return m_keepsConnection; }

private:
    enum class Phase
    {
        Head,    // status lines and header lines, interim responses included
        Sized,   // Content-Length bytes of body
        Chunked, // Transfer-Encoding: chunked
        ToClose, // a body of whatever comes until the server closes
    };

    qsizetype readHead(const char *data, qsizetype size);
    void readLine(QByteArrayView line);
    bool readStatusLine(QByteArrayView line);
    bool isAcceptableLine(QByteArrayView line);
    bool readFraming(QByteArrayView line);
    void keepLine(QByteArrayView line);
    void keepTrailer(QByteArrayView line);
    void keepHeader(QByteArrayView line);
    bool countHeaderBytes(qsizetype bytes);
    void endHead(qsizetype blankLineBytes);
    void startBody();
    qsizetype readSizedBody(const char *data, qsizetype size);
    qsizetype readChunkedBody(const char *data, qsizetype size);
    bool decodeBody(const char *data, qsizetype size);
    bool keepBody(const char *data, qsizetype size);
    BodyDecoder &decoder();
    bool isInterim() const { return m_code >= 100 && m_code <= 199; }
    void complete(bool closed);
    void fail(CURLcode code, QByteArray detail);

    const bool m_headRequest;
    const qint64 m_maxBodyBytes;
    Phase m_phase = Phase::Head;
    QByteArray m_line;         // the header line being read, its line end included
    int m_linesOfResponse = 0; // libcurl's header line count: 1 is the status line
    bool m_statusPrefixSeen = false;
    int m_code = 0;          // of the response being read, interim or final
    int m_version = 0;       // 10, 11 or 20
    bool m_bodyless = false; // 1xx, 204, 304: no body, whatever the headers say
    qint64 m_size = -1;      // libcurl's idea of the body's size: Content-Length, 0, -1
    bool m_chunked = false;
    bool m_lengthIgnored = false; // a transfer coding other than chunked
    bool m_closeAnnounced = false;
    bool m_keepAliveAnnounced = false;
    bool m_readToClose = false;
    qint64 m_headerBytes = 0; // of every response, interim ones included
    qint64 m_interimHeaderBytes = 0;
    qint64 m_trailerBytes = 0;
    qint64 m_bodyBytesRead = 0; // as they came: before decoding, after de-chunking
    std::unique_ptr<ChunkedBody> m_chunks;

    State m_state = State::Reading;
    CURLcode m_failureCode = CURLE_OK;
    QByteArray m_failureDetail;
    int m_status = 0;
    QByteArray m_statusLine;
    HttpHeaders m_headers;
    QByteArray m_body;
    qint64 m_bodyBytesReceived = 0;
    bool m_truncated = false;
    qint64 m_announcedLength = -1;
    AnswerProgress m_progress;
    bool m_keepsConnection = false;
    std::unique_ptr<BodyDecoder> m_decoder;
};

} // namespace studio
