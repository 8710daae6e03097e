#include "WebhookSignature.h"

#include <QMessageAuthenticationCode>

namespace studio::webhook_signature {

QByteArray hexDigest(const QString &secret, qint64 unixSeconds, const QString &uid,
                     QByteArrayView body)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, secret.toUtf8());
    mac.addData(QByteArray::number(unixSeconds) + '.' + uid.toUtf8() + '.');
    mac.addData(body.data(), body.size());
    return mac.result().toHex();
}

QByteArray headerValue(const QString &secret, qint64 unixSeconds, const QString &uid,
                       QByteArrayView body)
{
    return "t=" + QByteArray::number(unixSeconds) +
           ",v1=" + hexDigest(secret, unixSeconds, uid, body);
}

ParsedHeader parse(QByteArrayView value)
{
    ParsedHeader parsed;
    for (const QByteArray &rawPart : value.toByteArray().split(',')) {
        const QByteArray part = rawPart.trimmed();
        const qsizetype equals = part.indexOf('=');
        if (equals < 0)
            continue;
        const QByteArray key = part.left(equals);
        const QByteArray item = part.mid(equals + 1);
        if (key == "t") {
            bool ok = false;
            const qint64 seconds = item.trimmed().toLongLong(&ok);
            // Python's int() takes surrounding spaces and a sign, nothing else.
            parsed.timestamp = ok ? std::optional<qint64>(seconds) : std::nullopt;
            parsed.timestampMalformed = !ok;
            if (!ok)
                return parsed;
        } else if (key == "v1" && !item.isEmpty()) {
            parsed.v1.append(item);
        }
    }
    return parsed;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

} // namespace studio::webhook_signature
