#include "ToolCallSignature.h"

#include <QList>
#include <QMessageAuthenticationCode>

#include <algorithm>
#include <utility>

namespace studio::tool_call_signature {

namespace {

QByteArray encoded(const QByteArray &decoded)
{
    return decoded.toPercentEncoding(); // keeps exactly A-Z a-z 0-9 - . _ ~, uppercase hex
}

QByteArray decodedFormPart(QByteArray part)
{
    part.replace('+', ' ');
    return QByteArray::fromPercentEncoding(part);
}

} // namespace

QByteArray canonicalQuery(QByteArrayView query)
{
    QList<std::pair<QByteArray, QByteArray>> pairs;
    for (const QByteArray &item : query.toByteArray().split('&')) {
        if (item.isEmpty())
            continue;
        const qsizetype equals = item.indexOf('=');
        const QByteArray name = equals < 0 ? item : item.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : item.mid(equals + 1);
        pairs.append({encoded(decodedFormPart(name)), encoded(decodedFormPart(value))});
    }
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QByteArray canonical;
    for (const auto &[name, value] : pairs) {
        if (!canonical.isEmpty())
            canonical += '&';
        canonical += name + '=' + value;
    }
    return canonical;
}

QByteArray canonicalPath(QByteArrayView path)
{
    QList<QByteArray> segments = path.toByteArray().split('/');
    for (QByteArray &segment : segments)
        segment = encoded(QByteArray::fromPercentEncoding(segment));
    return segments.join('/');
}

QByteArray hexDigest(const QString &secret, qint64 unixSeconds, QByteArrayView deliveryId,
                     QByteArrayView method, const QString &url, QByteArrayView body)
{
    // Read off the text as sent: QUrl would normalise the encoding the receiver sees.
    QByteArray target = url.toUtf8();
    target = target.left(target.indexOf('#') < 0 ? target.size() : target.indexOf('#'));
    const qsizetype scheme = target.indexOf("://");
    const qsizetype pathStart = target.indexOf('/', scheme < 0 ? 0 : scheme + 3);
    target = pathStart < 0 ? QByteArray("/") : target.mid(pathStart);
    const qsizetype mark = target.indexOf('?');
    const QByteArray path = mark < 0 ? target : target.left(mark);
    const QByteArray query = mark < 0 ? QByteArray() : target.mid(mark + 1);
    QByteArray head;
    for (const QByteArray &part :
         {QByteArray("v2"), QByteArray::number(unixSeconds), deliveryId.toByteArray(),
          QByteArray(kEvent), method.toByteArray().toUpper(),
          canonicalPath(path.isEmpty() ? QByteArray("/") : path), canonicalQuery(query)})
        head += part + '\n';
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, secret.toUtf8());
    mac.addData(head);
    mac.addData(body.data(), body.size());
    return mac.result().toHex();
}

QByteArray headerValue(const QString &secret, qint64 unixSeconds, QByteArrayView deliveryId,
                       QByteArrayView method, const QString &url, QByteArrayView body)
{
    return "t=" + QByteArray::number(unixSeconds) +
           ",v2=" + hexDigest(secret, unixSeconds, deliveryId, method, url, body);
}

} // namespace studio::tool_call_signature
