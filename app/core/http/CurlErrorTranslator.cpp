#include "CurlErrorTranslator.h"

#include <cerrno>

namespace studio {

namespace {

constexpr int kAppTimeoutMs = 30'000;

QString hostPort(const QString &host, int port)
{
    const QString shownHost = host.contains(u':') ? u'[' + host + u']' : host;
    return shownHost + u':' + QString::number(port);
}

QString detailOf(const CurlErrorTranslator::Facts &facts)
{
    const QString detail = QString::fromUtf8(facts.detail).trimmed();
    return detail.isEmpty() ? QString::fromUtf8(curl_easy_strerror(facts.code)) : detail;
}

// OpenSSL's words after libcurl's prefix: "self-signed certificate", "certificate has expired".
QString certificateProblem(const QString &detail)
{
    static const QString prefix = QStringLiteral("SSL certificate problem: ");
    return detail.startsWith(prefix) ? detail.mid(prefix.size()) : detail;
}

CurlErrorTranslator::Failure tlsFailure(const CurlErrorTranslator::Facts &facts)
{
    const QString detail = detailOf(facts);
    const QString where = hostPort(facts.host, facts.port);
    switch (facts.code) {
    case CURLE_PEER_FAILED_VERIFICATION:
        if (detail.contains(QStringLiteral("subject name")) ||
            detail.contains(QStringLiteral("does not match"))) {
            return {HttpError::TlsFailure,
                    QStringLiteral("TLS certificate of %1 is not valid for that name: %2")
                        .arg(facts.host, detail)};
        }
        return {HttpError::TlsFailure,
                QStringLiteral("TLS certificate of %1 is not trusted: %2; trust its CA with "
                               "--ca-file")
                    .arg(facts.host, certificateProblem(detail))};
    case CURLE_SSL_CACERT_BADFILE:
        return {HttpError::TlsFailure,
                QStringLiteral("cannot use the CA file to verify %1: %2").arg(where, detail)};
    default:
        break;
    }
    QString message = QStringLiteral("TLS handshake with %1 failed: %2").arg(where, detail);
    if (detail.contains(QStringLiteral("wrong version number")) ||
        detail.contains(QStringLiteral("packet length too long")))
        message += QStringLiteral(" (is it a plain http:// server?)");
    return {HttpError::TlsFailure, message};
}

} // namespace

CurlErrorTranslator::Failure CurlErrorTranslator::translate(const Facts &facts)
{
    const QString where = hostPort(facts.host, facts.port);
    const QString detail = detailOf(facts);
    switch (facts.code) {
    case CURLE_OK:
        return {HttpError::None, {}};
    case CURLE_UNSUPPORTED_PROTOCOL:
        // URLs are checked before they reach libcurl, so this is HTTP/0.9 or worse coming back.
        if (facts.answerStarted || facts.detail.contains("HTTP/0.9"))
            return {HttpError::Protocol,
                    QStringLiteral("the server's answer is not HTTP (%1 sent bytes that do "
                                   "not start with an HTTP status line)")
                        .arg(where)};
        return {HttpError::InvalidUrl, QStringLiteral("the URL is not usable: %1").arg(detail)};
    case CURLE_URL_MALFORMAT:
        return {HttpError::InvalidUrl, QStringLiteral("the URL is not usable: %1").arg(detail)};
    case CURLE_COULDNT_RESOLVE_HOST:
        return {HttpError::DnsFailure,
                QStringLiteral("cannot find the host '%1' (DNS lookup failed; check the URL's "
                               "spelling and the network)")
                    .arg(facts.host)};
    case CURLE_COULDNT_RESOLVE_PROXY:
        return {HttpError::DnsFailure,
                QStringLiteral("cannot find the proxy host: %1").arg(detail)};
    case CURLE_COULDNT_CONNECT:
        if (facts.osErrno == ECONNREFUSED || facts.osErrno == 0)
            return {HttpError::ConnectionRefused,
                    QStringLiteral("connection refused by %1 (is the plugin's server running?)")
                        .arg(where)};
        return {HttpError::ConnectionRefused,
                QStringLiteral("cannot connect to %1: %2").arg(where, detail)};
    case CURLE_OPERATION_TIMEDOUT:
        return {HttpError::Timeout,
                QStringLiteral("no answer from %1 in time: %2").arg(where, detail)};
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_USE_SSL_FAILED:
        return tlsFailure(facts);
    case CURLE_GOT_NOTHING:
        return {
            HttpError::ConnectionReset,
            QStringLiteral("the server closed the connection without answering (%1)").arg(where)};
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
        if (!facts.answerStarted)
            return {
                HttpError::ConnectionReset,
                QStringLiteral("%1 reset the connection before answering (%2)").arg(where, detail)};
        return {HttpError::ConnectionReset,
                QStringLiteral("%1 reset the connection in the middle of its answer (%2)")
                    .arg(where, detail)};
    case CURLE_PARTIAL_FILE: {
        QString message =
            QStringLiteral("%1 closed the connection in the middle of its answer").arg(where);
        if (facts.bodyBytesExpected >= 0)
            message += QStringLiteral(" (%1 of %2 announced bytes arrived)")
                           .arg(facts.bodyBytesReceived)
                           .arg(facts.bodyBytesExpected);
        return {HttpError::ConnectionReset, message};
    }
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_HTTP3:
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_RANGE_ERROR:
        return {HttpError::Protocol,
                QStringLiteral("the server's answer is not HTTP (%1: %2)").arg(where, detail)};
    case CURLE_ABORTED_BY_CALLBACK:
        return {HttpError::Cancelled, QStringLiteral("cancelled")};
    case CURLE_OUT_OF_MEMORY:
        return {HttpError::Other, QStringLiteral("out of memory while talking to %1").arg(where)};
    default:
        break;
    }
    return {HttpError::Other, QStringLiteral("request to %1 failed: %2").arg(where, detail)};
}

QString CurlErrorTranslator::timeoutMessage(const QString &host, int port, int timeoutMs,
                                            bool connected, bool answerStarted)
{
    const QString where = hostPort(host, port);
    const QString limit = formatDuration(timeoutMs);
    QString message;
    if (!connected)
        message = QStringLiteral("could not connect to %1 within %2").arg(where, limit);
    else if (!answerStarted)
        message = QStringLiteral("no answer from %1 within %2").arg(where, limit);
    else
        message =
            QStringLiteral("%1 went silent for %2 in the middle of its answer").arg(where, limit);
    if (timeoutMs == kAppTimeoutMs)
        return message + QStringLiteral(" (the app gives up after 30 s too)");
    return message + QStringLiteral(" (the timeout set for this request; the app waits 30 s)");
}

QString CurlErrorTranslator::tooLargeMessage(qint64 limit, qint64 contentLength)
{
    QString message = QStringLiteral("the answer is larger than the %1 limit; kept the first %1")
                          .arg(formatBytes(limit));
    if (contentLength > limit)
        message += QStringLiteral(" of the %1 it announced").arg(formatBytes(contentLength));
    return message;
}

QString CurlErrorTranslator::formatBytes(qint64 bytes)
{
    constexpr qint64 kib = 1024;
    constexpr qint64 mib = 1024 * kib;
    if (bytes >= mib && bytes % mib == 0)
        return QStringLiteral("%1 MB").arg(bytes / mib);
    if (bytes >= mib)
        return QStringLiteral("%1 MB").arg(static_cast<double>(bytes) / mib, 0, 'f', 1);
    if (bytes >= kib && bytes % kib == 0)
        return QStringLiteral("%1 KB").arg(bytes / kib);
    return QStringLiteral("%1 bytes").arg(bytes);
}

QString CurlErrorTranslator::formatDuration(int milliseconds)
{
    if (milliseconds < 1000)
        return QStringLiteral("%1 ms").arg(milliseconds);
    if (milliseconds % 1000 == 0)
        return QStringLiteral("%1 s").arg(milliseconds / 1000);
    return QStringLiteral("%1 s").arg(milliseconds / 1000.0, 0, 'f', 1);
}

} // namespace studio
