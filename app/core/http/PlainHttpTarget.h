#pragma once

#include <QByteArray>
#include <QString>

#include <netinet/in.h>
#include <sys/socket.h>

#include <optional>

namespace studio {

// Where a plain http:// request to a numeric address goes, read straight from its URL: the
// address to connect to, the Host header and the request target. Only URLs that need no
// resolving and no re-encoding qualify (a literal IPv4 or IPv6 address, a path and query of
// characters sent as they are): anything else goes through libcurl, which handles all URLs.
struct PlainHttpTarget
{
    sockaddr_storage address{};
    socklen_t addressLength = 0;
    QString host;          // "127.0.0.1", "::1": as error messages name it
    int port = 80;
    QByteArray hostHeader; // "127.0.0.1:8000", "[::1]:8000"; no port when it is 80
    QByteArray target;     // "/hook?uid=u1"; "/" when the URL has no path
    QString url;           // the URL as libcurl reports it effective: http://host:port/target

    static std::optional<PlainHttpTarget> of(const QString &url);
    // Connections to the same origin are interchangeable.
    QByteArray origin() const { return hostHeader; }
};

} // namespace studio
