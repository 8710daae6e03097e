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
    // The app's timeout. Like the app's Python `requests`, it bounds the connect and every
    // wait for the server's next bytes, not the whole exchange: a server that keeps sending
    // is never cut off, one that goes silent for this long is.
    int timeoutMs = 30'000;
    int connectTimeoutMs = 0; // the connect alone; 0: timeoutMs
    // The studio's own bound on the whole exchange, redirects included; the app has none. A
    // server that sends a byte, a header line or an interim "102 Processing" now and then
    // never trips the timeout above and would keep the app waiting for ever: the studio stops
    // here and says so (HttpError::MaxTimeReached).
    int maxTimeMs = 300'000;
    qint64 maxResponseBytes = 10 * 1024 * 1024; // bodies beyond are cut and flagged
    bool verifyTls = true;
    QString caFile;              // extra CA to trust (local HTTPS)
    bool followRedirects = true; // like the app's HTTP client; hops are recorded
    // The app calls requests.post() without a session: every call opens its own connection
    // and closes it afterwards. Set it to keep connections alive between requests instead.
    bool reuseConnection = false;
};

// libcurl's phase timings, in milliseconds from the start of the request (after redirects,
// the phases of the last hop plus the time the earlier hops took). A phase that did not
// happen (no TLS on http, no lookup on a reused connection) is 0.
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
    QString location; // absolute: resolved against the URL that answered
};

enum class HttpError
{
    None,
    InvalidUrl,
    DnsFailure,
    ConnectionRefused,
    Timeout,        // silent for timeoutMs
    MaxTimeReached, // still sending after maxTimeMs: the app would still be waiting
    TlsFailure,
    ConnectionReset,
    ResponseTooLarge, // the body was cut at maxResponseBytes; the rest is reported
    Protocol,         // the server's bytes are not HTTP, or not HTTP a client accepts
    Cancelled,
    Other,
};

// Everything about one exchange: what was sent, what came back, how long each phase took.
// A failure is a value here, never an exception.
struct HttpResult
{
    HttpRequest request;
    QString finalUrl;
    QByteArray finalMethod;      // a 301/302/303 redirect turns POST into GET, as in the app
    HttpHeaders requestHeaders;  // as sent (on the last hop), including those libcurl added
    int status = 0;              // 0 when no final response arrived (interim 1xx do not count)
    QByteArray statusLine;       // "HTTP/1.1 200 OK" of the final response
    HttpHeaders responseHeaders; // of the final response
    QByteArray body;
    qint64 bodyBytesReceived = 0; // may exceed body.size() when truncated
    bool truncated = false;
    QList<HttpRedirect> redirects; // each redirect followed, in order
    HttpTimings timings;
    HttpError error = HttpError::None;
    QString errorMessage; // plain words: "connection refused by 127.0.0.1:8000"

    bool succeeded() const { return error == HttpError::None && status > 0; }
};

// A stable lowercase name for reports and JSON output: "none", "dns-failure", ...
QString httpErrorName(HttpError error);

} // namespace studio
