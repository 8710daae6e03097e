#pragma once

#include <QImage>
#include <QObject>
#include <QSet>
#include <QString>

class QNetworkAccessManager;
class QNetworkReply;

namespace studio {

// Fetches the remote images of the instructions, only once the user allowed it: the
// download is asynchronous and the decoding runs on a worker thread. Each URL is fetched
// once; failures come back as a null image with the reason.
class RemoteImageLoader : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kMaxBytes = 10 * 1024 * 1024;
    static constexpr int kTimeoutMs = 20000;

    explicit RemoteImageLoader(QObject *parent = nullptr);

    void fetch(const QString &url);
    int fetchesStarted() const { return m_started; }

signals:
    void imageReady(const QString &url, const QImage &image, const QString &problem);

private:
    void onFinished(QNetworkReply *reply, const QString &url);

    QNetworkAccessManager *m_network;
    QSet<QString> m_requested;
    int m_started = 0;
};

} // namespace studio
