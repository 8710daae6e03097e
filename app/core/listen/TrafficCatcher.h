#pragma once

#include "CaughtRequest.h"
#include "server/HttpServerOptions.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>

namespace studio {

class HttpServer;

// The catcher behind `plugin-studio listen` and the window's Listen view: an HttpServer
// that accepts any request on any path, keeps it as a fixture (FixtureFolder) before
// answering it with the same JSON every time, and says what it caught.
class TrafficCatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr quint16 kDefaultPort = 8781;

    // `answer` is the JSON body of every answer (status 200).
    TrafficCatcher(const HttpServerOptions &options, const QString &folder, QByteArray answer,
                   QObject *parent = nullptr);
    ~TrafficCatcher() override;

    bool isListening() const;
    QString errorString() const;
    QString baseUrl() const;
    const QString &folder() const { return m_folder; }
    HttpServer &server() { return *m_server; }

signals:
    // On the thread that made the catcher, after the request was answered.
    void caught(const studio::CaughtRequest &caught);

private:
    QString m_folder;
    std::unique_ptr<HttpServer> m_server;
};

} // namespace studio

Q_DECLARE_METATYPE(studio::CaughtRequest)
