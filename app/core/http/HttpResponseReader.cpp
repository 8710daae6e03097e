#include "HttpResponseReader.h"

#include "http/BodyDecoder.h"
#include "http/ChunkedBody.h"
#include "http/CurlErrorTranslator.h"
#include "http/HttpStatusLine.h"

#include <QStringBuilder>

#include <algorithm>
#include <cstring>
#include <limits>
#include <utility>

// Each rule below is libcurl 7.88's (lib/http.c, lib/transfer.c), down to its words, so that a
// server's bytes fail the same way on both paths; tst_httpresponsereaderlibcurl holds the two
// side by side. Where libcurl's outcome depends on how the bytes were split across reads, this
// reader takes the outcome of the bytes arriving together, so any split gives one result.

namespace studio {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

bool sameAscii(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (asciiLower(a[i]) != asciiLower(b[i]))
            return false;
    }
    return true;
}

// libcurl's checkprefix(): the line starts with `name` (its colon included), in any case.
bool startsWithField(QByteArrayView line, QByteArrayView name)
{
    return line.size() >= name.size() && sameAscii(line.first(name.size()), name);
}

// The first bytes of a response's first line could still become "HTTP/".
bool mayBeStatusLine(QByteArrayView start)
{
    const QByteArrayView prefix("HTTP/");
    const qsizetype compared = std::min(start.size(), prefix.size());
    return sameAscii(start.first(compared), prefix.first(compared));
}

// The names nearly every answer carries, spelled as servers send them, are shared rather than
// allocated again for every response.
QByteArray headerName(QByteArrayView name)
{
    static const QByteArray common[] = {
        QByteArrayLiteral("Server"),         QByteArrayLiteral("Date"),
        QByteArrayLiteral("Content-Type"),   QByteArrayLiteral("Content-Length"),
        QByteArrayLiteral("Connection"),     QByteArrayLiteral("Transfer-Encoding"),
        QByteArrayLiteral("Content-Encoding"), QByteArrayLiteral("Keep-Alive"),
        QByteArrayLiteral("content-type"),   QByteArrayLiteral("content-length"),
        QByteArrayLiteral("date"),           QByteArrayLiteral("server"),
    };
    for (const QByteArray &known : common) {
        if (known == name)
            return known;
    }
    return name.toByteArray();
}

QByteArrayView withoutLineEnd(QByteArrayView line)
{
    while (!line.isEmpty() && (line.back() == '\n' || line.back() == '\r'))
        line.chop(1);
    return line;
}

enum class Number
{
    Read,
    TooLarge,
    Invalid,
};

// curlx_strtoofft(): blanks, an optional '+', decimal digits; whatever follows is ignored.
Number readLength(QByteArrayView text, qint64 *value)
{
    qsizetype at = 0;
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t'))
        ++at;
    if (at == text.size() || text[at] == '-' || isSpace(text[at]))
        return Number::Invalid;
    if (text[at] == '+')
        ++at;
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    qint64 number = 0;
    bool tooLarge = false;
    const qsizetype digitsFrom = at;
    for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at) {
        const int digit = text[at] - '0';
        tooLarge = tooLarge || number > (kMax - digit) / 10;
        number = tooLarge ? kMax : number * 10 + digit;
    }
    if (at == digitsFrom)
        return Number::Invalid;
    if (tooLarge)
        return Number::TooLarge;
    *value = number;
    return Number::Read;
}

// The tokens of a Connection header's value.
bool namesToken(QByteArrayView value, QByteArrayView token)
{
    qsizetype start = 0;
    while (start <= value.size()) {
        qsizetype end = value.indexOf(',', start);
        if (end < 0)
            end = value.size();
        if (sameAscii(value.sliced(start, end - start).trimmed(), token))
            return true;
        start = end + 1;
    }
    return false;
}

} // namespace

HttpResponseReader::HttpResponseReader(bool headRequest, qint64 maxBodyBytes)
    : m_headRequest(headRequest)
    , m_maxBodyBytes(maxBodyBytes)
{}

HttpResponseReader::~HttpResponseReader() = default;

qsizetype HttpResponseReader::feed(const char *data, qsizetype size)
{
    qsizetype at = 0;
    while (at < size && m_state == State::Reading) {
        const char *from = data + at;
        const qsizetype left = size - at;
        switch (m_phase) {
        case Phase::Head:
            at += readHead(from, left);
            break;
        case Phase::Sized:
            at += readSizedBody(from, left);
            break;
        case Phase::Chunked:
            at += readChunkedBody(from, left);
            break;
        case Phase::ToClose:
            m_bodyBytesRead += left;
            decodeBody(from, left);
            at = size;
            break;
        }
    }
    return at;
}

void HttpResponseReader::endOfStream()
{
    if (m_state != State::Reading)
        return;
    if (!m_headRequest) {
        if (m_size != -1 && m_bodyBytesRead != m_size)
            return fail(CURLE_PARTIAL_FILE, QByteArray("transfer closed with ") +
                                                QByteArray::number(m_size - m_bodyBytesRead) +
                                                " bytes remaining to read");
        if (m_chunked && !(m_chunks && m_chunks->isDone()))
            return fail(CURLE_PARTIAL_FILE, "transfer closed with outstanding read data remaining");
    }
    // An interim response alone is nothing; a final status line is something, even with its
    // header block cut short.
    if (m_bodyBytesRead + m_headerBytes - m_interimHeaderBytes <= 0)
        return fail(CURLE_GOT_NOTHING, "Empty reply from server");
    complete(true);
}

QByteArray HttpResponseReader::contentEncoding() const
{
    QByteArray encoding;
    for (const auto &[name, value] : m_headers) {
        if (sameAscii(name, "Content-Encoding"))
            encoding = value;
    }
    return encoding;
}

qsizetype HttpResponseReader::readHead(const char *data, qsizetype size)
{
    const auto *lineEnd = static_cast<const char *>(std::memchr(data, '\n', size_t(size)));
    const qsizetype piece = lineEnd ? lineEnd - data + 1 : size;
    if (m_linesOfResponse == 0 && !m_statusPrefixSeen) {
        // What is not "HTTP/" from its first bytes is HTTP/0.9, which libcurl refuses there.
        char start[5];
        const qsizetype held = std::min<qsizetype>(m_line.size(), 5);
        std::memcpy(start, m_line.constData(), std::size_t(held));
        const qsizetype added = std::min<qsizetype>(piece, 5 - held);
        std::memcpy(start + held, data, std::size_t(added));
        if (!mayBeStatusLine(QByteArrayView(start, held + added))) {
            fail(CURLE_UNSUPPORTED_PROTOCOL, "Received HTTP/0.9 when not allowed");
            return piece;
        }
        m_statusPrefixSeen = held + added >= 5;
    }
    // libcurl's line buffer holds a line and a zero within CURL_MAX_HTTP_HEADER; past it, its
    // code is out of memory and it has no words for it.
    if (m_line.size() + piece + 1 > CurlErrorTranslator::kMaxHeaderLineBytes) {
        fail(CURLE_OUT_OF_MEMORY, {});
        return piece;
    }
    if (lineEnd && m_line.isEmpty()) {
        // The whole line is in this read: read it where it is.
        readLine(QByteArrayView(data, piece));
        return piece;
    }
    m_line.append(data, piece);
    if (lineEnd)
        readLine(std::exchange(m_line, {}));
    return piece;
}

void HttpResponseReader::readLine(QByteArrayView line)
{
    // A line that starts with CR or LF ends the header block, whatever follows on it.
    if (line.front() == '\r' || line.front() == '\n')
        return endHead(line.size());
    ++m_linesOfResponse;
    if (m_linesOfResponse == 1 && !readStatusLine(line))
        return;
    if (!isAcceptableLine(line) || !readFraming(line))
        return;
    keepLine(line);
    countHeaderBytes(line.size());
}

bool HttpResponseReader::readStatusLine(QByteArrayView line)
{
    const HttpStatusLine status = HttpStatusLine::read(line);
    if (!status.problem.isEmpty()) {
        fail(CURLE_UNSUPPORTED_PROTOCOL, status.problem);
        return false;
    }
    m_code = status.code;
    m_version = status.version;
    m_keepAliveAnnounced = false;
    // An interim response is no answer yet, as the engine reports one.
    m_status = isInterim() ? 0 : m_code;
    m_bodyless = isInterim();
    if (m_code == 204 || m_code == 304) {
        m_size = 0;
        m_bodyless = true;
    }
    return true;
}

// libcurl's verify_header(): no NUL anywhere, a colon in every header line but a folded one.
bool HttpResponseReader::isAcceptableLine(QByteArrayView line)
{
    if (line.contains('\0')) {
        fail(CURLE_WEIRD_SERVER_REPLY, "Nul byte in header");
        return false;
    }
    if (m_linesOfResponse == 1)
        return true;
    const bool folded = (line.front() == ' ' || line.front() == '\t') && m_linesOfResponse > 2;
    if (!folded && !line.contains(':')) {
        fail(CURLE_WEIRD_SERVER_REPLY, "Header without colon");
        return false;
    }
    return true;
}

// What the headers say of the body and the connection, line by line as libcurl reads them:
// a header is recognised only when its line starts with the name and the colon.
bool HttpResponseReader::readFraming(QByteArrayView line)
{
    const QByteArrayView view(line);
    // Every header that frames the body or the connection starts with C or T.
    const char first = asciiLower(view.front());
    if (first != 'c' && first != 't')
        return true;
    if (!m_bodyless && startsWithField(view, "Content-Length:")) {
        qint64 length = 0;
        switch (readLength(view.sliced(15), &length)) {
        case Number::Read:
            m_size = length; // the last one counts
            return true;
        case Number::TooLarge:
            m_closeAnnounced = true; // ignored, the body then read up to the close
            return true;
        case Number::Invalid:
            fail(CURLE_WEIRD_SERVER_REPLY, "Invalid Content-Length: value");
            return false;
        }
    }
    if (startsWithField(view, "Connection:")) {
        const QByteArrayView value = withoutLineEnd(view.sliced(11));
        m_closeAnnounced = m_closeAnnounced || namesToken(value, "close");
        m_keepAliveAnnounced = m_keepAliveAnnounced || namesToken(value, "keep-alive");
        return true;
    }
    if (!m_bodyless && startsWithField(view, "Transfer-Encoding:")) {
        m_chunked =
            decoder().addCodings(view.sliced(18), BodyDecoder::Layer::Transfer) || m_chunked;
        if (!m_chunked) {
            // Only the close can end a body in another transfer coding.
            m_closeAnnounced = true;
            m_lengthIgnored = true;
        }
    } else if (!m_bodyless && startsWithField(view, "Content-Encoding:")) {
        decoder().addCodings(view.sliced(17), BodyDecoder::Layer::Content);
    }
    if (m_decoder && m_decoder->failed()) {
        fail(m_decoder->failureCode(), m_decoder->failureDetail());
        return false;
    }
    return true;
}

// What the engine's libcurl path keeps of a line (HttpTransfer's header callback), so both
// paths report the same status line, headers and progress.
void HttpResponseReader::keepLine(QByteArrayView line)
{
    const QByteArrayView text = withoutLineEnd(line);
    if (m_linesOfResponse == 1) {
        if (isInterim()) {
            ++m_progress.interimResponses;
            m_progress.interimStatus = text.sliced(text.indexOf(' ') + 1).trimmed().toByteArray();
            return;
        }
        m_statusLine = text.toByteArray();
        m_progress.finalStatusSeen = true;
        m_progress.headerLines = 0;
        return;
    }
    if (isInterim() || text.trimmed().isEmpty())
        return; // an interim response's headers are not the answer's
    ++m_progress.headerLines;
    keepHeader(text);
}

// libcurl hands trailer lines to the header callback too, so the engine keeps them among the
// headers; a body's worth of trailers past the header limit is read and dropped.
void HttpResponseReader::keepTrailer(QByteArrayView line)
{
    m_trailerBytes += line.size() + 2;
    if (m_headerBytes + m_trailerBytes <= CurlErrorTranslator::kMaxHeaderBytes &&
        !line.trimmed().isEmpty())
        keepHeader(line);
}

void HttpResponseReader::keepHeader(QByteArrayView text)
{
    if ((text.front() == ' ' || text.front() == '\t') && !m_headers.isEmpty()) {
        QByteArray &value = m_headers.last().second;
        value += ' ';
        value += text.trimmed();
        return;
    }
    const qsizetype colon = text.indexOf(':');
    if (colon <= 0)
        return;
    if (m_headers.isEmpty())
        m_headers.reserve(8);
    m_headers.append({headerName(text.first(colon).trimmed()),
                      text.sliced(colon + 1).trimmed().toByteArray()});
}

// libcurl counts the header bytes of every response to a request, interim ones included, and
// refuses past 300 KB (Debian's backport of MAX_HTTP_RESP_HEADER_SIZE), after handing on the
// line that crossed it.
bool HttpResponseReader::countHeaderBytes(qsizetype bytes)
{
    m_headerBytes += bytes;
    if (m_headerBytes <= CurlErrorTranslator::kMaxHeaderBytes)
        return true;
    fail(CURLE_RECV_ERROR, QByteArray("Too large response headers: ") +
                               QByteArray::number(m_headerBytes) + " > " +
                               QByteArray::number(CurlErrorTranslator::kMaxHeaderBytes));
    return false;
}

void HttpResponseReader::endHead(qsizetype blankLineBytes)
{
    // Interim responses come and go; "101 Switching Protocols" ends the head like a final one.
    const bool interim = isInterim() && m_code != 101;
    if (!interim) {
        if (!isInterim())
            m_progress.headersComplete = true;
        if (m_chunked || m_lengthIgnored)
            m_size = -1;
        m_announcedLength = m_size;
    }
    if (!countHeaderBytes(blankLineBytes))
        return;
    m_interimHeaderBytes = isInterim() ? m_headerBytes : 0;
    if (interim) {
        m_linesOfResponse = 0;
        m_statusPrefixSeen = false;
        return;
    }
    startBody();
}

void HttpResponseReader::startBody()
{
    if (m_headRequest || m_size == 0)
        return complete(false);
    if (m_chunked) {
        m_phase = Phase::Chunked;
        m_chunks = std::make_unique<ChunkedBody>(
            [this](const char *data, qsizetype size) {
                m_bodyBytesRead += size;
                return decodeBody(data, size);
            },
            [this](QByteArrayView line) { keepTrailer(line); });
        return;
    }
    if (m_size > 0) {
        m_phase = Phase::Sized;
        return;
    }
    // No length, not chunked: the body ends when the server closes (RFC 9112 6.3).
    m_readToClose = true;
    m_phase = Phase::ToClose;
}

qsizetype HttpResponseReader::readSizedBody(const char *data, qsizetype size)
{
    const qsizetype take = qsizetype(std::min<qint64>(size, m_size - m_bodyBytesRead));
    m_bodyBytesRead += take;
    if (decodeBody(data, take) && m_bodyBytesRead == m_size)
        complete(false);
    return take;
}

qsizetype HttpResponseReader::readChunkedBody(const char *data, qsizetype size)
{
    qsizetype consumed = 0;
    switch (m_chunks->read(QByteArrayView(data, size), &consumed)) {
    case ChunkedBody::Progress::More:
        break;
    case ChunkedBody::Progress::Done:
        complete(false);
        break;
    case ChunkedBody::Progress::Failed:
        // Unless the chunk's data already failed (decoding, the body limit).
        if (m_state == State::Reading)
            fail(CURLE_RECV_ERROR, m_chunks->failure() + " in chunked-encoding");
        break;
    }
    return consumed;
}

bool HttpResponseReader::decodeBody(const char *data, qsizetype size)
{
    if (!m_decoder || m_decoder->isEmpty())
        return keepBody(data, size);
    if (m_decoder->write(data, size))
        return true;
    if (m_decoder->failed())
        fail(m_decoder->failureCode(), m_decoder->failureDetail());
    return false;
}

bool HttpResponseReader::keepBody(const char *data, qsizetype size)
{
    const qint64 room = m_maxBodyBytes < 0 ? size : m_maxBodyBytes - m_body.size();
    const qint64 needed = m_body.size() + std::min<qint64>(size, room);
    if (m_maxBodyBytes >= 0 && needed > m_body.capacity()) {
        // Grown as QByteArray would grow it, but never past the limit.
        m_body.reserve(qsizetype(
            std::min(m_maxBodyBytes, std::max<qint64>(needed, 2 * qint64(m_body.capacity())))));
    }
    if (size <= room) {
        m_body.append(data, size);
        m_bodyBytesReceived += size;
        m_progress.bodyBytes = m_bodyBytesReceived;
        return true;
    }
    // The first byte past the limit stops the reading, as the engine's write callback stops
    // libcurl: received is the limit and that byte, however many more were on their way.
    m_body.append(data, qsizetype(room));
    m_bodyBytesReceived = m_maxBodyBytes + 1;
    m_progress.bodyBytes = m_bodyBytesReceived;
    m_truncated = true;
    fail(CURLE_WRITE_ERROR, "Failure writing output to destination");
    return false;
}

BodyDecoder &HttpResponseReader::decoder()
{
    if (!m_decoder)
        m_decoder = std::make_unique<BodyDecoder>(
            [this](const char *data, qsizetype size) { return keepBody(data, size); });
    return *m_decoder;
}

void HttpResponseReader::complete(bool closed)
{
    m_state = State::Complete;
    m_keepsConnection =
        !closed && !m_readToClose && !m_closeAnnounced && (m_version != 10 || m_keepAliveAnnounced);
}

void HttpResponseReader::fail(CURLcode code, QByteArray detail)
{
    m_state = State::Failed;
    m_failureCode = code;
    m_failureDetail = std::move(detail);
}

} // namespace studio
