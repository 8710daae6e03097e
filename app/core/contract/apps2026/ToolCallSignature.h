#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace studio::tool_call_signature {

// The v2 signature of a chat tool call (CONTRACT-2026.md section 2): HMAC-SHA256 keyed with
// the whole secret string, over "v2", t, delivery id, event, METHOD, canonical path and
// canonical query, each followed by a newline, then the body bytes.
inline constexpr const char *kEvent = "chat_tool";

// Decoded pairs, names and values percent-encoded except A-Z a-z 0-9 - . _ ~ (uppercase
// hex), stably sorted by encoded name, joined name=value with '&'. `query` is as on the wire
// ('+' is a space, as the backend's parse_qsl reads it).
QByteArray canonicalQuery(QByteArrayView query);
// Each '/' segment percent-decoded, then encoded as the query's parts are.
QByteArray canonicalPath(QByteArrayView path);

// The lowercase hex v2 HMAC of one call to `url` (its path and query are canonicalised).
QByteArray hexDigest(const QString &secret, qint64 unixSeconds, QByteArrayView deliveryId,
                     QByteArrayView method, const QString &url, QByteArrayView body);
// "t=<unixSeconds>,v2=<hex>".
QByteArray headerValue(const QString &secret, qint64 unixSeconds, QByteArrayView deliveryId,
                       QByteArrayView method, const QString &url, QByteArrayView body);

} // namespace studio::tool_call_signature
