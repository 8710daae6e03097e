#include "RemoteImageLoader.h"

#include "LocalImageLoader.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtConcurrent>

namespace studio {

namespace {

DecodedImage decode(const QByteArray &bytes, const QString &url)
{
    return BoundedImageReader::read(bytes, url, LocalImageLoader::widthFit());
}

} // namespace

RemoteImageLoader::RemoteImageLoader(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setTransferTimeout(kTimeoutMs);
}

void RemoteImageLoader::fetch(const QString &url)
{
    if (m_requested.contains(url))
        return;
    m_requested.insert(url);
    ++m_started;
    QNetworkReply *reply = m_network->get(QNetworkRequest(QUrl(url)));
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] { onFinished(reply, url); });
}

void RemoteImageLoader::onFinished(QNetworkReply *reply, const QString &url)
{
    reply->deleteLater();
    if (reply->error() != QNetworkReply::NoError) {
        emit imageReady(url, QImage(), reply->errorString());
        return;
    }
    QtConcurrent::run(decode, reply->readAll(), url)
        .then(this, [this, url](const DecodedImage &decoded) {
            emit imageReady(
                url, decoded.image,
                decoded.ok() ? QString()
                             : tr("not an image the preview can show: it %1").arg(decoded.problem));
        });
}

} // namespace studio
