#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace studio {

// The v1 webhook signature of today's backend (CONTRACT-2026.md section 2,
// utils/webhook_signing.py): X-Omi-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...], where
// hex is HMAC-SHA256 keyed with the whole secret string (its whsec_ prefix included) as
// UTF-8, over "<t>.<uid>." followed by the exact body bytes. During a secret's rotation the
// header carries one v1 per valid secret, the current one first.
namespace webhook_signature {

inline constexpr const char *kSignatureHeader = "X-Omi-Signature";
inline constexpr const char *kEventHeader = "X-Omi-Event";
inline constexpr const char *kDeliveryHeader = "X-Omi-Delivery";
inline constexpr const char *kSecretPrefix = "whsec_";
inline constexpr int kToleranceSeconds = 300;

// The lowercase hex HMAC of one delivery.
QByteArray hexDigest(const QString &secret, qint64 unixSeconds, const QString &uid,
                     QByteArrayView body);
// "t=<unixSeconds>,v1=<hex>": the header value the app sends for one secret.
QByteArray headerValue(const QString &secret, qint64 unixSeconds, const QString &uid,
                       QByteArrayView body);

// A header value read as the backend's parser reads it: comma-separated key=value parts,
// spaces around a part ignored, unknown keys (v2, ...) ignored, every non-empty v1 kept.
struct ParsedHeader
{
    std::optional<qint64> timestamp; // missing, or not a whole number
    bool timestampMalformed = false; // a t= that is not a whole number
    QList<QByteArray> v1;
};
ParsedHeader parse(QByteArrayView value);

// Equal bytes, in a time that depends on the lengths only (hmac.compare_digest).
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace webhook_signature

} // namespace studio
