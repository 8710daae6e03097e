#pragma once

#include "listen/CaughtRequest.h"

#include <QByteArray>
#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>
#include <string>

namespace studio {

class TrafficCatcher;

// The window's `plugin-studio listen`: a TrafficCatcher on 127.0.0.1 (a tunnel exposes it
// to the phone) that keeps what the real app sends as fixtures and answers each request
// with the same JSON. No widgets.
//
// Starting prepares the folder on a worker thread (it may be on a slow disk), then opens
// the port; the fixtures are written on the server's thread. Each request comes back as
// caught(), after it was answered.
class ListenController : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Stopped,
        Starting,
        Listening,
        Failed // errorString() says why
    };

    struct Options
    {
        quint16 port = 0; // 0: any free port
        QString folder;
        QByteArray answer = "{}";
    };

    explicit ListenController(QObject *parent = nullptr);
    ~ListenController() override;

    // ~/plugin-studio-recordings
    static QString defaultFolder();

    State state() const { return m_state; }
    bool isListening() const { return m_state == State::Listening; }
    QString errorString() const { return m_error; }
    // While listening: "http://127.0.0.1:8781", the folder and the answer in use.
    QString baseUrl() const;
    quint16 port() const;
    const Options &options() const { return m_options; }
    int caughtCount() const { return m_caught; }

public slots:
    // Refused (Failed, in words) for an answer that is not JSON. Listening already: a
    // restart with these options.
    void start(const studio::ListenController::Options &options);
    void stop();

signals:
    void stateChanged();
    void caught(const studio::CaughtRequest &caught);

private:
    void folderPrepared();
    void fail(const QString &error);

    Options m_options;
    State m_state = State::Stopped;
    QString m_error;
    int m_caught = 0;
    quint64 m_revision = 0; // a start the user moved on from is dropped
    QFutureWatcher<std::pair<quint64, std::string>> m_prepare;
    std::unique_ptr<TrafficCatcher> m_catcher;
};

} // namespace studio
