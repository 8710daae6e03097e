#include "RemoteImageLoader.h"

#include "LocalImageLoader.h"

#include <QBuffer>
#include <QImageReader>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtConcurrent>

namespace studio {

namespace {

QImage decode(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QSize size = reader.size();
    if (size.isValid() && size.width() > LocalImageLoader::kMaxWidth)
        reader.setScaledSize(
            QSize(LocalImageLoader::kMaxWidth,
                  std::max(1, size.height() * LocalImageLoader::kMaxWidth / size.width())));
    return reader.read();
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
    QtConcurrent::run(decode, reply->readAll()).then(this, [this, url](const QImage &image) {
        emit imageReady(url, image,
                        image.isNull() ? tr("not an image the preview can show") : QString());
    });
}

} // namespace studio
