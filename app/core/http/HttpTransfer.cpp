#include "HttpTransfer.h"

#include "http/CurlErrorTranslator.h"
#include "http/HeaderRules.h"
#include "http/HttpClient.h"
#include "http/HttpReplyChannel.h"
#include "http/RedirectPolicy.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace studio {

namespace {

QByteArray trimmedLine(QByteArray line)
{
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

// QUrl's error string goes on to repeat the URL and its parts; the first clause says it.
QString urlProblem(const QUrl &url)
{
    const QString full = url.errorString();
    const qsizetype end = full.indexOf(QStringLiteral("; source was"));
    return end < 0 ? full : full.left(end);
}

double microsecondsToMs(curl_off_t microseconds)
{
    return static_cast<double>(microseconds) / 1000.0;
}

} // namespace

HttpTransfer::HttpTransfer(const HttpRequest &request, std::shared_ptr<HttpReplyChannel> channel)
    : m_channel(std::move(channel))
    , m_timeout(std::max(1, request.timeoutMs))
    , m_maxTime(std::max(1, request.maxTimeMs))
    , m_exchangeStart(Clock::now())
    , m_lastActivity(m_exchangeStart)
    , m_hopStart(m_exchangeStart)
{
    m_result.request = request;
    m_hop = HttpHop{request.method, request.url, request.headers, request.body};
}

HttpTransfer::HttpTransfer(HttpResult soFar, HttpHop next, Clock::time_point exchangeStart,
                           std::shared_ptr<HttpReplyChannel> channel)
    : HttpTransfer(soFar.request, std::move(channel))
{
    m_result = std::move(soFar);
    m_hop = std::move(next);
    m_exchangeStart = exchangeStart;
    m_earlierHopsMs = std::chrono::duration<double, std::milli>(Clock::now() - exchangeStart).count();
}

HttpTransfer::~HttpTransfer()
{
    if (m_handle)
        curl_easy_cleanup(m_handle);
    curl_slist_free_all(m_headerList);
}

void HttpTransfer::adoptHandle(CURL *handle)
{
    if (m_handle)
        curl_easy_cleanup(m_handle);
    m_handle = handle;
}

CURL *HttpTransfer::releaseHandle()
{
    CURL *handle = m_handle;
    m_handle = nullptr;
    if (handle && m_spokeTls) {
        curl_easy_cleanup(handle);
        return nullptr;
    }
    return handle;
}

bool HttpTransfer::beginHop()
{
    m_result.finalUrl = m_hop.url;
    m_result.finalMethod = m_hop.method;
    m_hopRunning = false;

    const QString problem = validateHop();
    if (!problem.isEmpty())
        return false;

    m_result.requestHeaders.clear();
    m_result.status = 0;
    m_result.statusLine.clear();
    m_result.responseHeaders.clear();
    m_result.body.clear();
    m_result.bodyBytesReceived = 0;
    m_result.truncated = false;
    m_answer = {};
    m_lastDownloaded = 0;
    m_lastUploaded = 0;

    if (!configureHandle())
        return false;
    m_hopStart = Clock::now();
    if (m_result.redirects.isEmpty())
        m_exchangeStart = m_hopStart;
    m_lastActivity = m_hopStart;
    m_hopRunning = true;
    return true;
}

QString HttpTransfer::validateHop()
{
    const QString &url = m_hop.url;
    m_hopUrl = QUrl(url, QUrl::TolerantMode);
    const QString scheme = m_hopUrl.scheme().toLower();
    QString problem;
    HttpError error = HttpError::InvalidUrl;
    if (url.trimmed().isEmpty())
        problem = QStringLiteral("no URL to send the request to");
    else if (!m_hopUrl.isValid())
        problem = QStringLiteral("'%1' is not a valid URL: %2").arg(url, urlProblem(m_hopUrl));
    else if (scheme != u"http" && scheme != u"https")
        problem = QStringLiteral("'%1' is not an http:// or https:// URL").arg(url);
    else if (m_hopUrl.host().isEmpty())
        problem = QStringLiteral("'%1' names no host").arg(url);
    else if (!isToken(m_hop.method)) {
        error = HttpError::Other;
        problem = QStringLiteral("'%1' is not an HTTP method").arg(QString::fromUtf8(m_hop.method));
    } else if (scheme == u"https" && !m_result.request.caFile.isEmpty() &&
               !QFileInfo(m_result.request.caFile).isReadable()) {
        error = HttpError::TlsFailure;
        problem = QStringLiteral("cannot read the CA file '%1' to verify %2")
                      .arg(m_result.request.caFile, m_hopUrl.host());
    }
    if (!problem.isEmpty())
        fail(error, problem);
    m_spokeTls = m_spokeTls || scheme == u"https";
    m_encodedUrl = m_hopUrl.toEncoded(QUrl::FullyEncoded);
    return problem;
}

bool HttpTransfer::configureHandle()
{
    if (m_handle)
        curl_easy_reset(m_handle);
    else
        m_handle = curl_easy_init();
    if (!m_handle) {
        fail(HttpError::Other, QStringLiteral("cannot set up a libcurl transfer"));
        return false;
    }

    curl_slist_free_all(m_headerList);
    m_headerList = nullptr;
    for (const auto &[name, value] : m_hop.headers) {
        if (!isToken(name) || !isSafeHeaderValue(value)) {
            fail(HttpError::Other,
                 QStringLiteral("the request header '%1' cannot be sent: its name or value "
                                "holds characters HTTP does not allow")
                     .arg(QString::fromUtf8(name)));
            return false;
        }
        // "Name;" is libcurl's spelling of a header sent with an empty value.
        const QByteArray line =
            value.isEmpty() ? QByteArray(name + ';') : QByteArray(name + ": " + value);
        m_headerList = curl_slist_append(m_headerList, line.constData());
    }
    const bool isHead = m_hop.method == "HEAD";
    const bool isPlainGet = m_hop.method == "GET" && m_hop.body.isEmpty();
    const bool sendsBody = !isHead && !isPlainGet;
    // What the app's client sends and libcurl would not, or the reverse.
    if (!hasHeader(m_hop.headers, "Connection"))
        m_headerList = curl_slist_append(m_headerList, "Connection: keep-alive");
    if (!hasHeader(m_hop.headers, "Expect"))
        m_headerList = curl_slist_append(m_headerList, "Expect:");
    if (sendsBody && !hasHeader(m_hop.headers, "Content-Type"))
        m_headerList = curl_slist_append(m_headerList, "Content-Type:");

    const HttpRequest &request = m_result.request;
    m_errorBuffer[0] = '\0';
    CURL *h = m_handle;
    curl_easy_setopt(h, CURLOPT_PRIVATE, this);
    curl_easy_setopt(h, CURLOPT_URL, m_encodedUrl.constData());
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(h, CURLOPT_PROTOCOLS, long(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    curl_easy_setopt(h, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_1_1));
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, m_errorBuffer);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &HttpTransfer::onHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, this);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &HttpTransfer::onBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, this);
    // Verbose only to receive the request headers exactly as they went out.
    curl_easy_setopt(h, CURLOPT_VERBOSE, 1L);
    curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, &HttpTransfer::onDebug);
    curl_easy_setopt(h, CURLOPT_DEBUGDATA, this);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, &HttpTransfer::onProgress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, this);
    const int connectMs =
        request.connectTimeoutMs > 0 ? request.connectTimeoutMs : int(m_timeout.count());
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, long(connectMs));
    curl_easy_setopt(h, CURLOPT_USERAGENT, HttpClient::kUserAgent);
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, m_headerList);
    if (!request.reuseConnection) {
        curl_easy_setopt(h, CURLOPT_FRESH_CONNECT, 1L);
        curl_easy_setopt(h, CURLOPT_FORBID_REUSE, 1L);
    }
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, request.verifyTls ? 1L : 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, request.verifyTls ? 2L : 0L);
    if (!request.caFile.isEmpty()) {
        // Replaces the default bundle file; the system's CA folder stays trusted.
        const QByteArray caFile = QFile::encodeName(request.caFile);
        curl_easy_setopt(h, CURLOPT_CAINFO, caFile.constData());
    }
    if (isHead) {
        curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    } else if (isPlainGet) {
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(m_hop.body.size()));
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, m_hop.body.constData());
        if (m_hop.method != "POST")
            curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, m_hop.method.constData());
    }
    return true;
}

bool HttpTransfer::finishHop(CURLcode code)
{
    m_hopRunning = false;
    readTimings(true);
    fillFinalFacts();
    if (code == CURLE_OK) {
        const int status = m_result.status;
        if (!m_result.request.followRedirects || !RedirectPolicy::isFollowedStatus(status))
            return false;
        char *location = nullptr;
        curl_easy_getinfo(m_handle, CURLINFO_REDIRECT_URL, &location);
        if (!location || !*location)
            return false;
        const QString target = QString::fromUtf8(location);
        if (m_result.redirects.size() >= RedirectPolicy::kMaxRedirects) {
            fail(HttpError::Other,
                 QStringLiteral("gave up after %1 redirects (the app's HTTP client stops there "
                                "too); the next one pointed to %2")
                     .arg(RedirectPolicy::kMaxRedirects)
                     .arg(target));
            return false;
        }
        m_result.redirects.append(HttpRedirect{status, target});
        // The wall clock, not libcurl's hop total: the time between hops counts too.
        m_earlierHopsMs =
            std::chrono::duration<double, std::milli>(Clock::now() - m_exchangeStart).count();
        m_hop = RedirectPolicy::nextHop(m_hop, status, target);
        return beginHop();
    }

    if (code == CURLE_OPERATION_TIMEDOUT) {
        // Only the connect has a libcurl timeout; the rest is watched by the engine.
        failSilent();
        return false;
    }
    if (code == CURLE_WRITE_ERROR && m_result.truncated) {
        fail(HttpError::ResponseTooLarge,
             CurlErrorTranslator::tooLargeMessage(m_result.request.maxResponseBytes,
                                                  announcedLength()));
        return false;
    }
    CurlErrorTranslator::Facts facts;
    facts.code = code;
    facts.detail = QByteArray(m_errorBuffer);
    curl_easy_getinfo(m_handle, CURLINFO_OS_ERRNO, &facts.osErrno);
    facts.host = hopHost();
    facts.port = hopPort();
    facts.answer = m_answer;
    facts.bodyBytesExpected = announcedLength();
    for (const auto &[name, value] : m_result.responseHeaders) {
        if (isHeaderNamed(name, "Content-Encoding"))
            facts.contentEncoding = value;
    }
    const auto failure = CurlErrorTranslator::translate(facts);
    fail(failure.error, failure.message);
    return false;
}

void HttpTransfer::fail(HttpError error, const QString &message)
{
    if (m_hopRunning) {
        // Interrupted mid-hop: keep what is known so far.
        m_hopRunning = false;
        readTimings(false);
        fillFinalFacts();
    }
    m_result.error = error;
    m_result.errorMessage = message;
}

void HttpTransfer::failOverdue()
{
    if (maxTimeDeadline() < silenceDeadline())
        failMaxTime();
    else
        failSilent();
}

bool HttpTransfer::isConnected() const
{
    curl_off_t pretransfer = 0;
    curl_off_t connected = 0;
    curl_easy_getinfo(m_handle, CURLINFO_PRETRANSFER_TIME_T, &pretransfer);
    curl_easy_getinfo(m_handle, CURLINFO_CONNECT_TIME_T, &connected);
    return pretransfer > 0 || connected > 0 || m_answer.started() ||
           m_answer.interimResponses > 0 || m_lastUploaded > 0;
}

void HttpTransfer::failSilent()
{
    fail(HttpError::Timeout, CurlErrorTranslator::timeoutMessage(
                                 hopHost(), hopPort(), m_result.request.timeoutMs, isConnected(),
                                 m_answer.started(), m_answer.interimStatus));
}

void HttpTransfer::failMaxTime()
{
    touch(); // the silence still running counts too
    const double hopSeconds = std::chrono::duration<double>(Clock::now() - m_hopStart).count();
    fail(HttpError::MaxTimeReached,
         CurlErrorTranslator::maxTimeMessage(hopHost(), hopPort(), m_result.request.maxTimeMs,
                                             isConnected(), m_answer, hopSeconds));
}

void HttpTransfer::readTimings(bool hopCompleted)
{
    const auto read = [this](CURLINFO info) {
        curl_off_t microseconds = 0;
        curl_easy_getinfo(m_handle, info, &microseconds);
        return microsecondsToMs(microseconds);
    };
    // libcurl counts each phase from the start of the hop; earlier hops come before it.
    const auto phase = [this](double ms) { return ms > 0 ? m_earlierHopsMs + ms : 0.0; };
    HttpTimings &timings = m_result.timings;
    timings.dnsMs = phase(read(CURLINFO_NAMELOOKUP_TIME_T));
    timings.connectMs = phase(read(CURLINFO_CONNECT_TIME_T));
    timings.tlsMs = phase(read(CURLINFO_APPCONNECT_TIME_T));
    timings.firstByteMs = phase(read(CURLINFO_STARTTRANSFER_TIME_T));
    // An unfinished exchange lasted as long as the wall clock says, redirects included.
    timings.totalMs =
        hopCompleted
            ? m_earlierHopsMs + read(CURLINFO_TOTAL_TIME_T)
            : std::chrono::duration<double, std::milli>(Clock::now() - m_exchangeStart).count();
}

void HttpTransfer::fillFinalFacts()
{
    long status = 0;
    curl_easy_getinfo(m_handle, CURLINFO_RESPONSE_CODE, &status);
    m_result.status = int(status);
    if (status >= 100 && status < 200) {
        // Only interim responses came ("100 Continue"): no answer yet, as the app sees it.
        m_result.status = 0;
        m_result.statusLine.clear();
        m_result.responseHeaders.clear();
    }
    char *effectiveUrl = nullptr;
    curl_easy_getinfo(m_handle, CURLINFO_EFFECTIVE_URL, &effectiveUrl);
    if (effectiveUrl && *effectiveUrl)
        m_result.finalUrl = QString::fromUtf8(effectiveUrl);
}

QString HttpTransfer::hopHost() const
{
    return m_hopUrl.host();
}

int HttpTransfer::hopPort() const
{
    return m_hopUrl.port(m_hopUrl.scheme().toLower() == u"https" ? 443 : 80);
}

qint64 HttpTransfer::announcedLength() const
{
    curl_off_t length = -1;
    curl_easy_getinfo(m_handle, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
    return length;
}

// libcurl calls into C++ below: nothing may throw through it, so each callback catches and
// turns a failure into libcurl's "stop" return value.

size_t HttpTransfer::onHeader(char *data, size_t size, size_t count, void *self)
{
    auto *transfer = static_cast<HttpTransfer *>(self);
    const size_t bytes = size * count;
    try {
        transfer->touch();
        transfer->addResponseHeaderLine(QByteArray(data, qsizetype(bytes)));
        return bytes;
    } catch (...) {
        return 0;
    }
}

size_t HttpTransfer::onBody(char *data, size_t size, size_t count, void *self)
{
    auto *transfer = static_cast<HttpTransfer *>(self);
    const size_t bytes = size * count;
    try {
        transfer->touch();
        return transfer->appendBody(data, qint64(bytes)) ? bytes : 0;
    } catch (...) {
        return 0;
    }
}

int HttpTransfer::onDebug(CURL *, curl_infotype type, char *data, size_t size, void *self)
{
    if (type != CURLINFO_HEADER_OUT)
        return 0;
    try {
        static_cast<HttpTransfer *>(self)->recordSentHeaders(QByteArray(data, qsizetype(size)));
    } catch (...) {
        // Losing the copy of the sent headers must not stop the request.
    }
    return 0;
}

int HttpTransfer::onProgress(void *self, curl_off_t, curl_off_t downloaded, curl_off_t,
                             curl_off_t uploaded)
{
    auto *transfer = static_cast<HttpTransfer *>(self);
    if (downloaded != transfer->m_lastDownloaded || uploaded != transfer->m_lastUploaded) {
        transfer->m_lastDownloaded = downloaded;
        transfer->m_lastUploaded = uploaded;
        transfer->touch();
    }
    return 0;
}

void HttpTransfer::touch()
{
    endSilence(m_lastActivity, m_answer.longestSilenceMs);
}

void HttpTransfer::addResponseHeaderLine(const QByteArray &rawLine)
{
    const QByteArray line = trimmedLine(rawLine);
    if (line.startsWith("HTTP/")) {
        // A new response begins (an interim 1xx, or the final one): keep only the last.
        m_result.statusLine = line;
        m_result.responseHeaders.clear();
        const QByteArray status = line.mid(line.indexOf(' ') + 1).trimmed();
        if (status.startsWith('1')) {
            ++m_answer.interimResponses;
            m_answer.interimStatus = status;
        } else {
            m_answer.finalStatusSeen = true;
            m_answer.headerLines = 0;
        }
        return;
    }
    if (line.trimmed().isEmpty()) {
        if (m_answer.finalStatusSeen)
            m_answer.headersComplete = true;
        return;
    }
    if (m_answer.finalStatusSeen && !m_answer.headersComplete)
        ++m_answer.headerLines;
    if ((line.front() == ' ' || line.front() == '\t') && !m_result.responseHeaders.isEmpty()) {
        m_result.responseHeaders.last().second += ' ' + line.trimmed();
        return;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return;
    m_result.responseHeaders.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
}

void HttpTransfer::recordSentHeaders(const QByteArray &block)
{
    // Line by line without splitting the block into a list: this runs for every request.
    bool first = true;
    for (qsizetype start = 0; start < block.size();) {
        qsizetype end = block.indexOf('\n', start);
        if (end < 0)
            end = block.size();
        QByteArrayView line = QByteArrayView(block).sliced(start, end - start);
        start = end + 1;
        while (line.endsWith('\r'))
            line.chop(1);
        if (first && line.contains(QByteArrayView(" HTTP/"))) {
            // The request line opens a new request (the next hop): start over.
            m_result.requestHeaders.clear();
            first = false;
            continue;
        }
        first = false;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        m_result.requestHeaders.append({line.first(colon).trimmed().toByteArray(),
                                        line.sliced(colon + 1).trimmed().toByteArray()});
    }
}

bool HttpTransfer::appendBody(const char *data, qint64 size)
{
    m_result.bodyBytesReceived += size;
    m_answer.bodyBytes += size;
    const qint64 limit = m_result.request.maxResponseBytes;
    const qint64 held = m_result.body.size();
    if (limit < 0 || held + size <= limit) {
        m_result.body.append(data, qsizetype(size));
        return true;
    }
    // Keep what fits and stop the transfer: a runaway answer must not fill memory.
    if (limit > held)
        m_result.body.append(data, qsizetype(limit - held));
    m_result.truncated = true;
    return false;
}

} // namespace studio
