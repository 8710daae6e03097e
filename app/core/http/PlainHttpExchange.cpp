#include "PlainHttpExchange.h"

#include "http/CurlErrorTranslator.h"
#include "http/HeaderRules.h"
#include "http/HttpClient.h"
#include "http/HttpTransfer.h"
#include "http/RedirectPolicy.h"

#include <QUrl>

#include <algorithm>
#include <cstring>

namespace studio {

namespace {

// Writes into a buffer sized beforehand: a request is assembled in one allocation.
class Writer
{
public:
    explicit Writer(char *at) : m_at(at) {}
    Writer &operator<<(QByteArrayView bytes)
    {
        std::memcpy(m_at, bytes.data(), std::size_t(bytes.size()));
        m_at += bytes.size();
        return *this;
    }

private:
    char *m_at;
};

// The request as libcurl 7.88 puts it on the wire for HttpTransfer's settings: its own
// headers first (each unless the request sets it), then the request's, then
// "Connection: keep-alive", then the body's length; no "Expect", no default Content-Type.
QByteArray requestBytesOf(const HttpHop &hop, const PlainHttpTarget &target,
                          HttpHeaders &sentHeaders)
{
    const HttpHeaders &headers = hop.headers;
    sentHeaders.clear();
    sentHeaders.reserve(headers.size() + 6);
    const auto own = [&](const char *name, const QByteArray &literalName, const QByteArray &value) {
        if (!hasHeader(headers, name))
            sentHeaders.append({literalName, value});
    };
    own("Host", QByteArrayLiteral("Host"), target.hostHeader);
    static const QByteArray userAgent(HttpClient::kUserAgent);
    own("User-Agent", QByteArrayLiteral("User-Agent"), userAgent);
    own("Accept", QByteArrayLiteral("Accept"), QByteArrayLiteral("*/*"));
    own("Accept-Encoding", QByteArrayLiteral("Accept-Encoding"), QByteArrayLiteral("gzip, deflate"));
    for (const auto &[name, value] : headers) {
        // "Expect:" and "Content-Type:" with no value only switch libcurl's own off.
        if (value.isEmpty() && (isHeaderNamed(name, "Expect") || isHeaderNamed(name, "Content-Type")))
            continue;
        sentHeaders.append({name, value});
    }
    own("Connection", QByteArrayLiteral("Connection"), QByteArrayLiteral("keep-alive"));
    const bool isHead = hop.method == "HEAD";
    const bool isPlainGet = hop.method == "GET" && hop.body.isEmpty();
    const bool sendsBody = !isHead && !isPlainGet;
    if (sendsBody)
        own("Content-Length", QByteArrayLiteral("Content-Length"), QByteArray::number(hop.body.size()));

    // libcurl sends a header given with an empty value as "Name:".
    const auto separator = [](const QByteArray &value) {
        return value.isEmpty() ? QByteArrayView(":") : QByteArrayView(": ");
    };
    static constexpr QByteArrayView version(" HTTP/1.1\r\n");
    qsizetype size = hop.method.size() + 1 + target.target.size() + version.size() + 2;
    for (const auto &[name, value] : std::as_const(sentHeaders))
        size += name.size() + separator(value).size() + value.size() + 2;
    size += sendsBody ? hop.body.size() : 0;
    QByteArray bytes(size, Qt::Uninitialized);
    Writer out(bytes.data());
    out << hop.method << " " << target.target << version;
    for (const auto &[name, value] : std::as_const(sentHeaders))
        out << name << separator(value) << value << "\r\n";
    out << "\r\n";
    if (sendsBody)
        out << hop.body;
    return bytes;
}

} // namespace

PlainHttpExchange::PlainHttpExchange(const HttpRequest &request,
                                     std::shared_ptr<HttpReplyChannel> channel)
    : m_channel(std::move(channel))
    , m_timeout(std::max(1, request.timeoutMs))
    , m_connectTimeout(request.connectTimeoutMs > 0 ? request.connectTimeoutMs : m_timeout.count())
    , m_maxTime(std::max(1, request.maxTimeMs))
    , m_exchangeStart(Clock::now())
    , m_hopStart(m_exchangeStart)
    , m_lastActivity(m_exchangeStart)
{
    m_result.request = request;
    m_hop = HttpHop{request.method, request.url, request.headers, request.body};
}

PlainHttpExchange::~PlainHttpExchange() = default;

void PlainHttpExchange::beginHop(const PlainHttpTarget &target)
{
    m_target = target;
    m_result.finalUrl = target.url;
    m_result.finalMethod = m_hop.method;
    m_requestBytes = requestBytesOf(m_hop, m_target, m_result.requestHeaders);
    restartHop();
    m_hopStart = Clock::now();
    m_lastActivity = m_hopStart;
}

void PlainHttpExchange::restartHop()
{
    m_written = 0;
    m_connected = false;
    m_receivedNothing = true;
    m_hopRunning = true;
    m_reader = std::make_unique<HttpResponseReader>(m_hop.method == "HEAD",
                                                    m_result.request.maxResponseBytes);
}

void PlainHttpExchange::wrote(qsizetype bytes)
{
    m_written += bytes;
    touch();
}

void PlainHttpExchange::connected(bool reused)
{
    m_connected = true;
    // A kept-alive connection was not made for this hop: no connect phase, as libcurl says.
    m_result.timings.connectMs = reused ? 0.0 : m_earlierHopsMs + sinceHopStartMs(Clock::now());
    touch();
}

qsizetype PlainHttpExchange::read(const char *data, qsizetype size)
{
    if (m_receivedNothing) {
        m_receivedNothing = false;
        m_result.timings.firstByteMs = m_earlierHopsMs + sinceHopStartMs(Clock::now());
    }
    touch();
    return m_reader->feed(data, size);
}

void PlainHttpExchange::serverClosed()
{
    m_reader->endOfStream();
}

std::optional<HttpHop> PlainHttpExchange::finishHop()
{
    fillFromReader(true);
    const int status = m_result.status;
    if (!m_result.request.followRedirects || !RedirectPolicy::isFollowedStatus(status))
        return std::nullopt;
    QByteArray location;
    for (const auto &[name, value] : std::as_const(m_result.responseHeaders)) {
        if (isHeaderNamed(name, "Location"))
            location = value;
    }
    if (location.isEmpty())
        return std::nullopt;
    const QString target =
        QUrl(m_target.url).resolved(QUrl::fromEncoded(location)).toString(QUrl::FullyEncoded);
    if (m_result.redirects.size() >= RedirectPolicy::kMaxRedirects) {
        fail(HttpError::Other, QStringLiteral("gave up after %1 redirects (the app's HTTP client "
                                              "stops there too); the next one pointed to %2")
                                   .arg(RedirectPolicy::kMaxRedirects)
                                   .arg(target));
        return std::nullopt;
    }
    m_result.redirects.append(HttpRedirect{status, target});
    m_earlierHopsMs =
        std::chrono::duration<double, std::milli>(Clock::now() - m_exchangeStart).count();
    m_hop = RedirectPolicy::nextHop(m_hop, status, target);
    return m_hop;
}

std::unique_ptr<HttpTransfer> PlainHttpExchange::handOver(HttpHop next)
{
    return std::make_unique<HttpTransfer>(std::move(m_result), std::move(next), m_exchangeStart,
                                          m_channel);
}

void PlainHttpExchange::failReading()
{
    fillFromReader(false);
    if (m_reader->failureCode() == CURLE_WRITE_ERROR && m_reader->truncated()) {
        fail(HttpError::ResponseTooLarge,
             CurlErrorTranslator::tooLargeMessage(m_result.request.maxResponseBytes,
                                                  m_reader->announcedLength()));
        return;
    }
    failConnection(m_reader->failureCode(), 0, m_reader->failureDetail());
}

void PlainHttpExchange::failConnection(int code, int osErrno, const QByteArray &detail)
{
    fillFromReader(false);
    CurlErrorTranslator::Facts facts;
    facts.code = CURLcode(code);
    facts.detail = detail;
    facts.osErrno = osErrno;
    facts.host = m_target.host;
    facts.port = m_target.port;
    facts.answer = m_reader->progress();
    facts.answer.longestSilenceMs = m_longestSilenceMs;
    facts.contentEncoding = m_reader->contentEncoding();
    facts.bodyBytesExpected = m_reader->announcedLength();
    const auto failure = CurlErrorTranslator::translate(facts);
    fail(failure.error, failure.message);
}

void PlainHttpExchange::fail(HttpError error, const QString &message)
{
    if (m_hopRunning)
        fillFromReader(false);
    m_result.error = error;
    m_result.errorMessage = message;
}

PlainHttpExchange::Clock::time_point PlainHttpExchange::deadline() const
{
    const Clock::time_point silence =
        isConnected() ? m_lastActivity + m_timeout : m_hopStart + m_connectTimeout;
    return std::min(silence, m_exchangeStart + m_maxTime);
}

void PlainHttpExchange::failOverdue()
{
    const Clock::time_point now = Clock::now();
    AnswerProgress answer = m_reader->progress();
    if (m_exchangeStart + m_maxTime <= now) {
        touch(); // the silence still running counts too
        answer.longestSilenceMs = m_longestSilenceMs;
        const double hopSeconds = std::chrono::duration<double>(now - m_hopStart).count();
        fail(HttpError::MaxTimeReached,
             CurlErrorTranslator::maxTimeMessage(m_target.host, m_target.port,
                                                 m_result.request.maxTimeMs, isConnected(),
                                                 answer, hopSeconds));
        return;
    }
    fail(HttpError::Timeout,
         CurlErrorTranslator::timeoutMessage(m_target.host, m_target.port,
                                             m_result.request.timeoutMs, isConnected(),
                                             answer.started(), answer.interimStatus));
}

void PlainHttpExchange::touch()
{
    endSilence(m_lastActivity, m_longestSilenceMs);
}

double PlainHttpExchange::sinceHopStartMs(Clock::time_point when) const
{
    return std::chrono::duration<double, std::milli>(when - m_hopStart).count();
}

void PlainHttpExchange::fillFromReader(bool complete)
{
    if (!m_hopRunning)
        return;
    m_hopRunning = false;
    HttpResponseReader &reader = *m_reader;
    m_result.status = reader.status();
    m_result.statusLine = reader.statusLine();
    m_result.responseHeaders = reader.headers();
    m_result.body = std::move(reader.body());
    m_result.bodyBytesReceived = reader.bodyBytesReceived();
    m_result.truncated = reader.truncated();
    m_result.timings.totalMs =
        complete ? m_earlierHopsMs + sinceHopStartMs(Clock::now())
                 : std::chrono::duration<double, std::milli>(Clock::now() - m_exchangeStart).count();
}

} // namespace studio
