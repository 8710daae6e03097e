#pragma once

#include "http/HttpClient.h"
#include "http/HttpReply.h"

#include <QSignalSpy>
#include <QTest>

namespace studio::test {

// Sends `request` and runs the event loop until its reply finishes. A reply that never
// finishes fails the running test: the client promises a result for every request.
inline HttpResult sendAndWait(HttpClient &client, const HttpRequest &request,
                              int timeoutMs = 20'000)
{
    HttpReply *reply = client.send(request);
    QSignalSpy finished(reply, &HttpReply::finished);
    if (!finished.wait(timeoutMs)) {
        QTest::qFail("the reply never finished", __FILE__, __LINE__);
        return {};
    }
    return finished.first().first().value<HttpResult>();
}

inline QByteArray headerValue(const HttpHeaders &headers, const QByteArray &name)
{
    for (const auto &[headerName, value] : headers) {
        if (headerName.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

inline bool hasHeader(const HttpHeaders &headers, const QByteArray &name)
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace studio::test
