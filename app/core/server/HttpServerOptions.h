#pragma once

#include <QHostAddress>
#include <QString>

namespace studio {

// Where an HttpServer listens and what it tolerates from clients. The limits keep one
// hostile or broken client from holding the server: each is answered with a status and a
// note (HttpServer::requestRefused), never a crash or a stall.
struct HttpServerOptions
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0; // 0: any free port
    // Both set: HTTPS with this identity (PEM). Empty: plain HTTP.
    QString certificatePath = {};
    QString privateKeyPath = {};

    qint64 maxBodyBytes = 10 * 1024 * 1024; // a larger request body is refused with 413
    // A request must arrive whole within this time of its first byte, or it is refused with
    // 408 (a slow or stalled client); 0 waits for ever.
    int readTimeoutMs = 30'000;
    // A kept-alive connection with no request for this long is closed quietly; 0: never.
    int idleTimeoutMs = 120'000;
    // Connections beyond this many at once are answered 503 and closed.
    int maxConnections = 256;
    // How many received requests requests() keeps, the oldest dropped first; -1: all.
    int keptRequests = -1;
};

// A request the server refused before any route saw it, and why.
struct HttpServerRefusal
{
    int status = 0;   // 400, 408, 413, 431, 503
    QString reason;   // "the body is over the 10 MB limit"
    QString peer;     // "127.0.0.1:50412"
    QByteArray target; // the request line's target, when it was read
};

} // namespace studio
