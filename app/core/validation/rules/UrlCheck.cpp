#include "UrlCheck.h"

#include <QHostAddress>
#include <QString>
#include <QUrl>

#include <cctype>

namespace studio::rules {

namespace {

bool isLocalHost(const QString &host)
{
    if (host == u"localhost" || host.endsWith(u".localhost") || host.endsWith(u".local"))
        return true;
    QHostAddress address;
    if (!address.setAddress(host))
        return false;
    if (address.isLoopback() || address.isNull() || address == QHostAddress::AnyIPv4 ||
        address == QHostAddress::AnyIPv6 || address.isLinkLocal())
        return true;
    // Private ranges: reachable from the author's machine, never from the app's servers.
    static const std::pair<QHostAddress, int> privateRanges[] = {
        QHostAddress::parseSubnet(QStringLiteral("10.0.0.0/8")),
        QHostAddress::parseSubnet(QStringLiteral("172.16.0.0/12")),
        QHostAddress::parseSubnet(QStringLiteral("192.168.0.0/16")),
        QHostAddress::parseSubnet(QStringLiteral("fc00::/7")),
    };
    for (const auto &range : privateRanges) {
        if (address.isInSubnet(range))
            return true;
    }
    return false;
}

bool hasSpace(const std::string &text)
{
    for (const char c : text) {
        if (std::isspace(static_cast<unsigned char>(c)))
            return true;
    }
    return false;
}

} // namespace

bool checkUrl(const std::string &url, const std::string &pointer, std::string_view what,
              DiagnosticSink &sink)
{
    const std::string subject(what);
    if (url.empty()) {
        sink.report(RuleId::MalformedUrl, pointer,
                    subject + " is empty; give an absolute https:// URL");
        return false;
    }
    if (hasSpace(url)) {
        sink.report(RuleId::MalformedUrl, pointer,
                    subject + " contains white space; remove it or encode it as %20");
        return false;
    }
    const QUrl parsed(QString::fromStdString(url), QUrl::StrictMode);
    if (!parsed.isValid()) {
        sink.report(RuleId::MalformedUrl, pointer,
                    subject + " is not a valid URL: " + parsed.errorString().toStdString());
        return false;
    }
    const QString scheme = parsed.scheme().toLower();
    if (scheme.isEmpty() || parsed.isRelative()) {
        sink.report(RuleId::MalformedUrl, pointer,
                    subject + " is not absolute; it must start with https://");
        return false;
    }
    if (scheme != u"http" && scheme != u"https") {
        sink.report(RuleId::MalformedUrl, pointer,
                    subject + " uses the scheme '" + scheme.toStdString() +
                        "'; the app only calls http(s) URLs");
        return false;
    }
    if (parsed.host().isEmpty()) {
        sink.report(RuleId::MalformedUrl, pointer, subject + " has no host name");
        return false;
    }
    // One warning per problem: a local address must change anyway, and its traffic never
    // crosses a network, so plain http there is not a second finding.
    if (isLocalHost(parsed.host()))
        sink.report(RuleId::LocalUrl, pointer,
                    subject + " points at '" + parsed.host().toStdString() +
                        "', which the app's servers cannot reach; use the public address "
                        "in a submission");
    else if (scheme == u"http")
        sink.report(RuleId::PlainHttpUrl, pointer,
                    subject + " uses plain http; the user's id and conversations would travel "
                              "unencrypted: use https");
    return true;
}

} // namespace studio::rules
