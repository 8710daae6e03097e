#include "CurlErrorTranslator.h"

#include <QRegularExpression>

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

// URLs are checked before they reach libcurl, and only http and https are enabled: this is
// about what came back, a status line libcurl refuses or HTTP/0.9 and worse.
CurlErrorTranslator::Failure unsupportedAnswer(const CurlErrorTranslator::Facts &facts)
{
    const QString where = hostPort(facts.host, facts.port);
    const QString detail = detailOf(facts);
    if (facts.detail.contains("Unsupported response code"))
        return {HttpError::Protocol,
                QStringLiteral("%1 sent an invalid status line: its status code is not a number "
                               "from 100 to 999 (libcurl: %2)")
                    .arg(where, detail)};
    if (facts.detail.contains("Unsupported HTTP version"))
        return {HttpError::Protocol,
                QStringLiteral("%1 sent an invalid status line: it does not read as "
                               "'HTTP/1.1 <status code> <reason>' (libcurl: %2)")
                    .arg(where, detail)};
    if (facts.answer.started() || facts.detail.contains("HTTP/0.9"))
        return {HttpError::Protocol,
                QStringLiteral("the server's answer is not HTTP (%1 sent bytes that do "
                               "not start with an HTTP status line)")
                    .arg(where)};
    return {HttpError::InvalidUrl, QStringLiteral("the URL is not usable: %1").arg(detail)};
}

// libcurl's words: "Too large response headers: 307957 > 307200".
CurlErrorTranslator::Failure headersTooLarge(const CurlErrorTranslator::Facts &facts)
{
    static const QRegularExpression sizes(QStringLiteral(R"((\d+) > (\d+))"));
    const QRegularExpressionMatch match = sizes.match(QString::fromUtf8(facts.detail));
    const qint64 limit =
        match.hasMatch() ? match.captured(2).toLongLong() : CurlErrorTranslator::kMaxHeaderBytes;
    QString message =
        QStringLiteral("%1 sent response headers ").arg(hostPort(facts.host, facts.port));
    if (match.hasMatch())
        message += QStringLiteral("of %1, ").arg(
            CurlErrorTranslator::formatBytes(match.captured(1).toLongLong()));
    message += QStringLiteral("larger than %1, the most libcurl reads for one response; the "
                              "answer was refused")
                   .arg(CurlErrorTranslator::formatBytes(limit));
    if (facts.answer.interimResponses > 0)
        message += QStringLiteral(" (%1 interim responses before it count too)")
                       .arg(facts.answer.interimResponses);
    return {HttpError::Protocol, message};
}

CurlErrorTranslator::Failure undecodableBody(const CurlErrorTranslator::Facts &facts)
{
    const QString where = hostPort(facts.host, facts.port);
    const QString detail = detailOf(facts);
    const QString encoding = QString::fromUtf8(facts.contentEncoding.trimmed());
    if (encoding.isEmpty())
        return {HttpError::Protocol,
                QStringLiteral("%1 sent a body that cannot be decoded (libcurl: %2)")
                    .arg(where, detail)};
    if (facts.detail.contains("Unrecognized content encoding"))
        return {HttpError::Protocol,
                QStringLiteral("%1 sent its body with 'Content-Encoding: %2', which libcurl "
                               "does not know (%3)")
                    .arg(where, encoding, detail)};
    // "Error while processing content unencoding: incorrect header check": zlib's reason.
    const qsizetype colon = detail.lastIndexOf(u':');
    const QString reason = colon < 0 ? detail : detail.mid(colon + 1).trimmed();
    return {HttpError::Protocol,
            QStringLiteral("the body from %1 cannot be decoded as %2, as its Content-Encoding "
                           "header says it is (%3)")
                .arg(where, encoding, reason)};
}

// "a byte every 1.0 s", or "about 4000 bytes a second" when they came faster.
QString pace(qint64 count, double seconds, const char *unit, const char *units)
{
    if (count <= 0 || seconds <= 0)
        return {};
    const double interval = seconds / double(count);
    if (interval >= 0.1)
        return QStringLiteral("a %1 every %2 s")
            .arg(QString::fromLatin1(unit))
            .arg(interval, 0, 'f', 1);
    return QStringLiteral("about %1 %2 a second")
        .arg(qRound64(double(count) / seconds))
        .arg(QString::fromLatin1(units));
}

// "(12 lines, a line every 0.5 s)", without the pace when it says nothing.
QString amountAndPace(const QString &amount, const QString &pace)
{
    return pace.isEmpty() ? QStringLiteral("(%1)").arg(amount)
                          : QStringLiteral("(%1, %2)").arg(amount, pace);
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
        return unsupportedAnswer(facts);
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
        if (facts.detail.startsWith("Too large response headers"))
            return headersTooLarge(facts);
        if (facts.detail.contains("chunked-encoding"))
            return {HttpError::Protocol,
                    QStringLiteral("%1 sent a malformed chunked body (libcurl: %2)")
                        .arg(where, detail)};
        [[fallthrough]];
    case CURLE_SEND_ERROR:
        if (!facts.answer.started())
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
                           .arg(facts.answer.bodyBytes)
                           .arg(facts.bodyBytesExpected);
        return {HttpError::ConnectionReset, message};
    }
    case CURLE_BAD_CONTENT_ENCODING:
        return undecodableBody(facts);
    case CURLE_WEIRD_SERVER_REPLY:
        // A status line, then a header libcurl refuses ("Header without colon").
        if (facts.answer.finalStatusSeen && !facts.answer.headersComplete)
            return {HttpError::Protocol,
                    QStringLiteral("%1 sent an invalid response header (libcurl: %2)")
                        .arg(where, detail)};
        [[fallthrough]];
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_HTTP3:
    case CURLE_RANGE_ERROR:
        return {HttpError::Protocol,
                QStringLiteral("the server's answer is not HTTP (%1: %2)").arg(where, detail)};
    case CURLE_ABORTED_BY_CALLBACK:
        return {HttpError::Cancelled, QStringLiteral("cancelled")};
    case CURLE_OUT_OF_MEMORY:
        // libcurl 7.88 refuses a header line over its limit with this code and no words.
        if (!facts.answer.headersComplete)
            return {HttpError::Protocol,
                    QStringLiteral("%1 sent a response header line longer than %2, the most "
                                   "libcurl reads in one line; the answer was refused")
                        .arg(where, formatBytes(kMaxHeaderLineBytes))};
        return {HttpError::Other, QStringLiteral("out of memory while talking to %1").arg(where)};
    default:
        break;
    }
    return {HttpError::Other, QStringLiteral("request to %1 failed: %2").arg(where, detail)};
}

QString CurlErrorTranslator::timeoutMessage(const QString &host, int port, int timeoutMs,
                                            bool connected, bool answerStarted,
                                            const QByteArray &interimStatus)
{
    const QString where = hostPort(host, port);
    const QString limit = formatDuration(timeoutMs);
    QString message;
    if (!connected)
        message = QStringLiteral("could not connect to %1 within %2").arg(where, limit);
    else if (!answerStarted && !interimStatus.isEmpty())
        message = QStringLiteral("no answer from %1 within %2, only an interim '%3', which is "
                                 "not the answer")
                      .arg(where, limit, QString::fromUtf8(interimStatus));
    else if (!answerStarted)
        message = QStringLiteral("no answer from %1 within %2").arg(where, limit);
    else
        message =
            QStringLiteral("%1 went silent for %2 in the middle of its answer").arg(where, limit);
    if (timeoutMs == kAppTimeoutMs)
        return message + QStringLiteral(" (the app gives up after 30 s too)");
    return message + QStringLiteral(" (the timeout set for this request; the app waits 30 s)");
}

QString CurlErrorTranslator::maxTimeMessage(const QString &host, int port, int maxTimeMs,
                                            bool connected, const AnswerProgress &answer,
                                            double hopSeconds)
{
    // What matters comes first: progress lines cut long messages short.
    const QString where = hostPort(host, port);
    const QString limit = formatDuration(maxTimeMs) + QStringLiteral(" (--max-time)");
    QString message;
    if (!connected)
        message = QStringLiteral("could not connect to %1 within %2").arg(where, limit);
    else if (answer.interimResponses == 0 && !answer.started())
        message = QStringLiteral("no answer from %1 within %2").arg(where, limit);
    else
        message = QStringLiteral("no complete answer from %1 after %2").arg(where, limit);
    if (answer.longestSilenceMs < kAppTimeoutMs)
        message += QStringLiteral(", and the app would still be waiting");
    else
        message += QStringLiteral("; the app would have given up after 30 s of silence");
    if (!connected || (answer.interimResponses == 0 && !answer.started()))
        return message;

    message += QStringLiteral(": the server kept the connection alive ");
    if (answer.bodyBytes > 0)
        return message + QStringLiteral("sending its body slowly ") +
               amountAndPace(formatBytes(answer.bodyBytes),
                             pace(answer.bodyBytes, hopSeconds, "byte", "bytes"));
    if (answer.headersComplete)
        return message + QStringLiteral("after its headers, sending none of its body");
    if (answer.finalStatusSeen)
        return message + QStringLiteral("sending header lines but never the end of them ") +
               amountAndPace(answer.headerLines == 1
                                 ? QStringLiteral("1 line")
                                 : QStringLiteral("%1 lines").arg(answer.headerLines),
                             pace(answer.headerLines, hopSeconds, "line", "lines"));
    return message + QStringLiteral("with interim responses but never the final one ") +
           amountAndPace(QStringLiteral("%1 of '%2'")
                             .arg(answer.interimResponses)
                             .arg(QString::fromUtf8(answer.interimStatus)),
                         pace(answer.interimResponses, hopSeconds, "response", "responses"));
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
