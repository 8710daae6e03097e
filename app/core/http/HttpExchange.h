#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace studio {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method = "POST";
    QString url;
    HttpHeaders headers;
    QByteArray body;
    int timeoutMs = 30'000;                        // the app's timeout
    qint64 maxResponseBytes = 10 * 1024 * 1024;    // bodies beyond are cut and flagged
    bool verifyTls = true;
    QString caFile;                                // extra CA to trust (local HTTPS)
    bool followRedirects = true;                   // like the app's HTTP client; hops are recorded
};

// libcurl's phase timings, in milliseconds from the start of the request. A phase that did
// not happen (no TLS on http) is 0.
struct HttpTimings
{
    double dnsMs = 0;
    double connectMs = 0;
    double tlsMs = 0;
    double firstByteMs = 0;
    double totalMs = 0;
};

struct HttpRedirect
{
    int status = 0;
    QString location;
};

enum class HttpError {
    None,
    InvalidUrl,
    DnsFailure,
    ConnectionRefused,
    Timeout,
    TlsFailure,
    ConnectionReset,
    ResponseTooLarge, // the body was cut at maxResponseBytes; the rest is reported
    Protocol,         // the server's bytes are not HTTP
    Cancelled,
    Other,
};

// Everything about one exchange: what was sent, what came back, how long each phase took.
// A failure is a value here, never an exception.
struct HttpResult
{
    HttpRequest request;
    QString finalUrl;
    HttpHeaders requestHeaders; // as sent, including those libcurl added
    int status = 0;             // 0 when no response arrived
    QByteArray statusLine;
    HttpHeaders responseHeaders;
    QByteArray body;
    qint64 bodyBytesReceived = 0; // may exceed body.size() when truncated
    bool truncated = false;
    QList<HttpRedirect> redirects;
    HttpTimings timings;
    HttpError error = HttpError::None;
    QString errorMessage; // plain words: "connection refused by 127.0.0.1:8000"

    bool succeeded() const { return error == HttpError::None && status > 0; }
};

QString httpErrorName(HttpError error);

} // namespace studio
