#pragma once

#include "http/HttpExchange.h"

namespace studio::test {

// A plain GET of `url`, the request the client tests send. With STUDIO_TEST_KEPT_ALIVE set
// (the suites' "_kept_alive" runs) it keeps its connection alive, so plain http:// to
// 127.0.0.1 takes the engine's own path (PlainHttpTransport) rather than libcurl's, and the
// same assertions hold for both.
inline HttpRequest getRequest(const QString &url)
{
    HttpRequest request;
    request.method = "GET";
    request.url = url;
    request.reuseConnection = qEnvironmentVariableIsSet("STUDIO_TEST_KEPT_ALIVE");
    return request;
}

// An exchange as the HTTP engine reports it, for the pure judges and the report writers.
inline HttpResult answered(int status, const QByteArray &body,
                           const QByteArray &contentType = "application/json")
{
    HttpResult result;
    result.request.url = QStringLiteral("http://127.0.0.1:8000/hook?uid=u1");
    result.request.body = "{}";
    result.request.headers = {{"Content-Type", "application/json"}};
    result.status = status;
    result.statusLine =
        "HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Error");
    result.responseHeaders = {{"Content-Type", contentType},
                              {"Content-Length", QByteArray::number(body.size())}};
    result.body = body;
    result.bodyBytesReceived = body.size();
    result.timings = {0.05, 0.2, 0, 12.5, 13.0};
    return result;
}

inline HttpResult failed(HttpError error, const QString &message)
{
    HttpResult result;
    result.request.url = QStringLiteral("http://127.0.0.1:9/hook?uid=u1");
    result.error = error;
    result.errorMessage = message;
    result.timings = {0.04, 0, 0, 0, 1.5};
    return result;
}

} // namespace studio::test
