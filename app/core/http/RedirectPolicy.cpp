#include "RedirectPolicy.h"

#include <QUrl>

namespace studio {

namespace {

bool sameName(const QByteArray &a, const char *b)
{
    return a.compare(QByteArray(b), Qt::CaseInsensitive) == 0;
}

int effectivePort(const QUrl &url)
{
    return url.port(url.scheme() == u"https" ? 443 : 80);
}

// requests' should_strip_auth: credentials must not travel to another origin, except for the
// common upgrade of http://host to https://host on the default ports.
bool authorizationMustGo(const QUrl &from, const QUrl &to)
{
    if (from.host().compare(to.host(), Qt::CaseInsensitive) != 0)
        return true;
    if (from.scheme() == u"http" && to.scheme() == u"https" && effectivePort(from) == 80 &&
        effectivePort(to) == 443)
        return false;
    return from.scheme() != to.scheme() || effectivePort(from) != effectivePort(to);
}

} // namespace

bool RedirectPolicy::isFollowedStatus(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

HttpHop RedirectPolicy::nextHop(const HttpHop &current, int status, const QString &target)
{
    HttpHop next = current;
    next.url = target;

    const bool isHead = current.method == "HEAD";
    if ((status == 303 || status == 302) && !isHead)
        next.method = "GET";
    if (status == 301 && current.method == "POST")
        next.method = "GET";

    const bool keepsBody = status == 307 || status == 308;
    const bool dropAuthorization = authorizationMustGo(QUrl(current.url), QUrl(target));
    next.headers.clear();
    for (const auto &header : current.headers) {
        const bool bodyHeader = sameName(header.first, "Content-Type") ||
                                sameName(header.first, "Content-Length") ||
                                sameName(header.first, "Transfer-Encoding");
        if (bodyHeader && !keepsBody)
            continue;
        if (dropAuthorization && sameName(header.first, "Authorization"))
            continue;
        next.headers.append(header);
    }
    if (!keepsBody)
        next.body.clear();
    return next;
}

} // namespace studio
