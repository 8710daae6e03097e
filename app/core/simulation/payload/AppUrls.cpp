#include "AppUrls.h"

#include <QUrl>

namespace studio {

QString AppUrls::encodedUid(const QString &uid)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(uid));
}

QString AppUrls::webhook(const QString &webhookUrl, const QString &uid)
{
    return webhookUrl + (hasQuery(webhookUrl) ? QStringLiteral("&uid=") : QStringLiteral("?uid=")) +
           encodedUid(uid);
}

QString AppUrls::audioBytes(const QString &webhookUrl, int sampleRate, const QString &uid)
{
    return webhookUrl + QStringLiteral("?sample_rate=") + QString::number(sampleRate) +
           QStringLiteral("&uid=") + encodedUid(uid);
}

QString AppUrls::setupCheck(const QString &setupCompletedUrl, const QString &uid)
{
    return setupCompletedUrl + QStringLiteral("?uid=") + encodedUid(uid);
}

QString AppUrls::authStepLink(const QString &url, const QString &uid)
{
    return url + QStringLiteral("?uid=") + encodedUid(uid);
}

} // namespace studio
