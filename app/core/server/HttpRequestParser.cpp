#include "HttpRequestParser.h"

#include <algorithm>

namespace studio {

namespace {

// Whether the bytes so far may still be the start of an HTTP request head.
bool looksLikeRequestStart(const char *begin, const char *end)
{
    return std::all_of(begin, end, [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0x20 || c == '\r' || c == '\n' || c == '\t';
    });
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024 * 1024), 'g', 3) + QStringLiteral(" MB");
}

constexpr qsizetype kMaxChunkLineBytes = 4096; // a size, and extensions nobody needs

} // namespace

HttpRequestParser::HttpRequestParser(qint64 maxBodyBytes)
    : m_maxBodyBytes(maxBodyBytes)
{}

void HttpRequestParser::append(const QByteArray &bytes)
{
    if (m_stage == Stage::Refused)
        return;
    compact();
    m_buffer += bytes;
}

void HttpRequestParser::compact()
{
    // Drops consumed bytes once they are the larger part, so the buffer never holds more
    // than twice what is pending and the copy costs are linear overall.
    if (m_position > 0 && m_position >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_position);
        m_scan -= m_position;
        m_lineStart -= m_position;
        m_position = 0;
    }
}

void HttpRequestParser::consumeTo(qsizetype position)
{
    m_position = m_lineStart = m_scan = position;
}

HttpRequestParser::Progress HttpRequestParser::next()
{
    for (;;) {
        Progress progress = Progress::NeedMore;
        const Stage before = m_stage;
        switch (m_stage) {
        case Stage::Head:
            progress = stepHead();
            break;
        case Stage::FixedBody:
            progress = stepFixedBody();
            break;
        case Stage::ChunkSize:
            progress = stepChunkSize();
            break;
        case Stage::ChunkData:
            progress = stepChunkData();
            break;
        case Stage::ChunkDataEnd:
            progress = stepChunkDataEnd();
            break;
        case Stage::Trailers:
            progress = stepTrailers();
            break;
        case Stage::Done:
            return Progress::Complete; // takeRequest() was not called yet
        case Stage::Refused:
            return Progress::Refused;
        }
        if (progress != Progress::NeedMore || m_stage == before)
            return progress;
    }
}

HttpServerRequest HttpRequestParser::takeRequest()
{
    HttpServerRequest request = std::move(m_request);
    m_request = HttpServerRequest{};
    m_stage = Stage::Head;
    m_expectsContinue = false;
    compact();
    return request;
}

bool HttpRequestParser::takeContinueRequest()
{
    const bool inBody = m_stage != Stage::Head && m_stage != Stage::Done &&
                        m_stage != Stage::Refused;
    if (!inBody || !m_expectsContinue)
        return false;
    m_expectsContinue = false;
    return true;
}

qsizetype HttpRequestParser::findLineEnd()
{
    const qsizetype end = m_buffer.indexOf("\r\n", std::max(m_scan, m_lineStart));
    // Resume after what was searched, minus one byte that may be a lone '\r'.
    m_scan = end < 0 ? std::max(m_lineStart, m_buffer.size() - 1) : end + 2;
    return end;
}

HttpRequestParser::Progress HttpRequestParser::stepHead()
{
    // The head ends at an empty line; look for it one line at a time.
    for (;;) {
        const qsizetype end = findLineEnd();
        if (end < 0) {
            const qsizetype pending = m_buffer.size() - m_position;
            if (pending > kMaxHeadBytes)
                return refuse(431, QStringLiteral("the request head is over 64 KB"));
            // Refuse at once what cannot become a request, as real servers do: a TLS hello
            // sent to plain HTTP then fails fast instead of waiting for a timeout.
            const qsizetype start = std::min<qsizetype>(pending, 32);
            if (!looksLikeRequestStart(m_buffer.constData() + m_position,
                                       m_buffer.constData() + m_position + start))
                return refuse(400, QStringLiteral("not an HTTP request (binary bytes; TLS sent "
                                                  "to a plain HTTP port?)"));
            return Progress::NeedMore;
        }
        if (end - m_position > kMaxHeadBytes)
            return refuse(431, QStringLiteral("the request head is over 64 KB"));
        if (end != m_lineStart) { // a line of the head; the head goes on
            m_lineStart = end + 2;
            continue;
        }
        if (end == m_position) { // a stray CRLF before a request: tolerated, as servers do
            consumeTo(end + 2);
            continue;
        }
        const QByteArray head = m_buffer.mid(m_position, end - 2 - m_position);
        consumeTo(end + 2);
        if (!parseHead(head))
            return refuse(400, QStringLiteral("a malformed request head"));
        return Progress::NeedMore;
    }
}

bool HttpRequestParser::parseHead(const QByteArray &head)
{
    m_request = HttpServerRequest{};
    // Control bytes have no place in a head; refusing them here as well as at the start
    // gives the same answer however the bytes were split.
    if (!looksLikeRequestStart(head.constData(), head.constData() + head.size()))
        return false;
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

    const QByteArray connection = m_request.header("Connection").toLower();
    m_keepAlive =
        m_request.version == "HTTP/1.0" ? connection == "keep-alive" : connection != "close";
    m_expectsContinue =
        m_request.header("Expect").compare("100-continue", Qt::CaseInsensitive) == 0;
    if (m_request.header("Transfer-Encoding").toLower().contains("chunked")) {
        m_stage = Stage::ChunkSize;
        return true;
    }
    m_remaining = 0;
    if (m_request.hasHeader("Content-Length")) {
        bool ok = false;
        m_remaining = m_request.header("Content-Length").toLongLong(&ok);
        if (!ok || m_remaining < 0)
            return false;
    }
    m_stage = Stage::FixedBody;
    return true;
}

HttpRequestParser::Progress HttpRequestParser::stepFixedBody()
{
    if (m_remaining > m_maxBodyBytes)
        return refuse(413, QStringLiteral("the body is over the %1 limit").arg(megabytes(m_maxBodyBytes)));
    if (m_buffer.size() - m_position < m_remaining)
        return Progress::NeedMore;
    m_request.body = m_buffer.mid(m_position, m_remaining);
    consumeTo(m_position + m_remaining);
    m_stage = Stage::Done;
    return Progress::Complete;
}

HttpRequestParser::Progress HttpRequestParser::stepChunkSize()
{
    const qsizetype end = findLineEnd();
    if (end < 0) {
        if (m_buffer.size() - m_position > kMaxChunkLineBytes)
            return refuse(400, QStringLiteral("a malformed chunked body (a chunk size line "
                                              "over 4 KB)"));
        return Progress::NeedMore;
    }
    QByteArray sizeField = m_buffer.mid(m_position, end - m_position);
    consumeTo(end + 2);
    if (const qsizetype extension = sizeField.indexOf(';'); extension >= 0)
        sizeField.truncate(extension);
    sizeField = sizeField.trimmed();
    bool ok = sizeField.size() <= 15; // more hex digits than a qint64 holds is not a size
    const qint64 size = ok ? sizeField.toLongLong(&ok, 16) : -1;
    if (!ok || size < 0)
        return refuse(400, QStringLiteral("a malformed chunked body (a chunk size that is not "
                                          "a hexadecimal number)"));
    if (m_request.body.size() + size > m_maxBodyBytes)
        return refuse(413, QStringLiteral("the body is over the %1 limit").arg(megabytes(m_maxBodyBytes)));
    m_remaining = size;
    m_stage = size == 0 ? Stage::Trailers : Stage::ChunkData;
    return Progress::NeedMore;
}

HttpRequestParser::Progress HttpRequestParser::stepChunkData()
{
    const qint64 available = std::min<qint64>(m_remaining, m_buffer.size() - m_position);
    m_request.body += m_buffer.mid(m_position, available);
    consumeTo(m_position + available);
    m_remaining -= available;
    if (m_remaining > 0)
        return Progress::NeedMore;
    m_stage = Stage::ChunkDataEnd;
    return Progress::NeedMore;
}

HttpRequestParser::Progress HttpRequestParser::stepChunkDataEnd()
{
    if (m_buffer.size() - m_position < 2)
        return Progress::NeedMore;
    if (m_buffer.at(m_position) != '\r' || m_buffer.at(m_position + 1) != '\n')
        return refuse(400, QStringLiteral("a malformed chunked body (a chunk longer than its "
                                          "size)"));
    consumeTo(m_position + 2);
    m_stage = Stage::ChunkSize;
    return Progress::NeedMore;
}

HttpRequestParser::Progress HttpRequestParser::stepTrailers()
{
    // Trailer lines, if any, end with an empty line; they are read and dropped.
    for (;;) {
        const qsizetype end = findLineEnd();
        if (end < 0) {
            if (m_buffer.size() - m_position > kMaxHeadBytes)
                return refuse(431, QStringLiteral("the trailers are over 64 KB"));
            return Progress::NeedMore;
        }
        if (end != m_lineStart) {
            m_lineStart = end + 2;
            continue;
        }
        consumeTo(end + 2);
        m_stage = Stage::Done;
        return Progress::Complete;
    }
}

HttpRequestParser::Progress HttpRequestParser::refuse(int status, const QString &reason)
{
    m_stage = Stage::Refused;
    m_refusalStatus = status;
    m_refusalReason = reason;
    m_buffer.clear();
    consumeTo(0);
    return Progress::Refused;
}

} // namespace studio
