#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace studio {

// A response's status line read as libcurl 7.88 reads it (lib/http.c: an sscanf of
// " HTTP/%1d.%1d%c%3d%c"), so that HttpResponseReader accepts and refuses the lines libcurl
// does. It accepts "HTTP/1.1 200 OK", "HTTP/1.1 200", "HTTP/2 200" and, as libcurl does,
// "http/1.1 404" (sscanf's literals are case-sensitive, its fallback is not: 200 over
// HTTP/1.0). It refuses a code outside 100..999 and a version other than 1.0, 1.1 and 2, in
// libcurl's words (CURLE_UNSUPPORTED_PROTOCOL).
struct HttpStatusLine
{
    int code = 0;
    int version = 0;    // 10, 11 or 20
    QByteArray problem; // libcurl's words when refused, else empty

    // `line`: the whole line as received, its line end included; the caller has checked that
    // it starts with "HTTP/" in any case.
    static HttpStatusLine read(QByteArrayView line);
};

} // namespace studio
