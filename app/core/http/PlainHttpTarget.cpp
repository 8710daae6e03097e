#include "PlainHttpTarget.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

namespace studio {

namespace {

// RFC 3986 unreserved and sub-delims, ':', '@', '/' and '?': what QUrl and libcurl send
// unchanged. No '%', which QUrl may decode or re-case, and no '#', which is not sent.
bool isSentAsIs(char c)
{
    static constexpr std::string_view allowed = "-._~!$&'()*+,;=:@/?";
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           allowed.find(c) != std::string_view::npos;
}

bool isAddressCharacter(char c)
{
    return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || (c >= '0' && c <= '9') ||
           c == '.' || c == ':' || c == '[' || c == ']';
}

std::optional<int> portOf(QByteArrayView digits)
{
    // "01" is port 1 to QUrl, which writes it "1": only a port written that way qualifies.
    if (digits.isEmpty() || digits.size() > 5 || digits.front() == '0')
        return std::nullopt;
    int port = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
        port = port * 10 + (c - '0');
    }
    if (port < 1 || port > 65535)
        return std::nullopt;
    return port;
}

} // namespace

std::optional<PlainHttpTarget> PlainHttpTarget::of(const QString &url)
{
    static constexpr QLatin1StringView scheme("http://");
    if (!url.startsWith(scheme) || url.size() > 8192)
        return std::nullopt;
    if (!std::all_of(url.cbegin(), url.cend(), [](QChar c) { return c.unicode() < 0x80; }))
        return std::nullopt;
    const QByteArray text = url.toLatin1();
    const QByteArrayView rest = QByteArrayView(text).sliced(scheme.size());
    const qsizetype targetAt = std::min(rest.indexOf('/') < 0 ? rest.size() : rest.indexOf('/'),
                                        rest.indexOf('?') < 0 ? rest.size() : rest.indexOf('?'));
    const QByteArrayView authority = rest.first(targetAt);
    // An address and a port: no credentials, no name, nothing encoded.
    if (!std::all_of(authority.cbegin(), authority.cend(), isAddressCharacter) ||
        !std::all_of(rest.cbegin() + targetAt, rest.cend(), isSentAsIs))
        return std::nullopt;

    PlainHttpTarget found;
    QByteArrayView hostText;
    QByteArrayView portText;
    if (authority.startsWith('[')) {
        const qsizetype close = authority.indexOf(']');
        if (close < 0)
            return std::nullopt;
        hostText = authority.sliced(1, close - 1);
        const QByteArrayView after = authority.sliced(close + 1);
        if (!after.isEmpty() && !after.startsWith(':'))
            return std::nullopt;
        portText = after.isEmpty() ? QByteArrayView() : after.sliced(1);
    } else {
        const qsizetype colon = authority.indexOf(':');
        hostText = colon < 0 ? authority : authority.first(colon);
        portText = colon < 0 ? QByteArrayView() : authority.sliced(colon + 1);
    }
    if (authority.endsWith(':'))
        return std::nullopt;
    if (!portText.isEmpty()) {
        const std::optional<int> port = portOf(portText);
        if (!port)
            return std::nullopt;
        found.port = *port;
    }
    const QByteArray host = hostText.toByteArray();
    auto *v4 = reinterpret_cast<sockaddr_in *>(&found.address);
    auto *v6 = reinterpret_cast<sockaddr_in6 *>(&found.address);
    const bool bracketed = authority.startsWith('[');
    if (!bracketed && inet_pton(AF_INET, host.constData(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(uint16_t(found.port));
        found.addressLength = sizeof(sockaddr_in);
    } else if (bracketed && inet_pton(AF_INET6, host.constData(), &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(uint16_t(found.port));
        found.addressLength = sizeof(sockaddr_in6);
    } else {
        return std::nullopt; // a name to resolve, or a zone id
    }
    // Only an address written as QUrl writes it ("::1", not "0:0::1"): libcurl is given the
    // URL QUrl makes, and the Host header must be what it would send.
    char canonical[INET6_ADDRSTRLEN] = {};
    const void *raw = bracketed ? static_cast<const void *>(&v6->sin6_addr)
                                : static_cast<const void *>(&v4->sin_addr);
    if (!inet_ntop(found.address.ss_family, raw, canonical, sizeof canonical) ||
        host != QByteArrayView(canonical))
        return std::nullopt;

    found.host = QString::fromLatin1(host);
    const QByteArray shownHost = bracketed ? '[' + host + ']' : host;
    found.hostHeader =
        found.port == 80 ? shownHost : shownHost + ':' + QByteArray::number(found.port);
    found.target = rest.sliced(targetAt).toByteArray();
    found.url = url;
    if (!found.target.startsWith('/')) {
        found.target.prepend('/');
        found.url = QStringLiteral("http://") + QString::fromLatin1(authority.toByteArray()) +
                    QString::fromLatin1(found.target);
    }
    return found;
}

} // namespace studio
