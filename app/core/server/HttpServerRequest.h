#pragma once

#include "http/HttpExchange.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QUrlQuery>

namespace studio {

// One request as HttpServer received it, byte for byte.
struct HttpServerRequest
{
    QByteArray method;
    QByteArray target;      // as on the request line: "/hook?uid=u1"
    QByteArray path;        // the target without its query: "/hook"
    QByteArray version;     // "HTTP/1.1"
    HttpHeaders headers;    // in the order received, names as spelled by the client
    QByteArray body;        // de-chunked when it came chunked
    qint64 arrivedMs = 0;   // when it was complete, in ms since the server started
    qint64 answeredMs = -1; // when the answer began (or the close/reset); -1: not (yet)
    int connection = 0;     // serial number of the connection it came on: 1, 2, ...
    bool overTls = false;
    QString peer;           // the client: "127.0.0.1:50412"
    QDateTime receivedAt;   // wall clock (UTC) when it was complete
    int answerStatus = 0;   // the status its route answered with; 0 when it sent none

    // The first value of a header, case-insensitive; empty when absent.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    QUrlQuery query() const;
    QJsonDocument json() const; // the body parsed as JSON; null when it is not JSON
};

} // namespace studio
