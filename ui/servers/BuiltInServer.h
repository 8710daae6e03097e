#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QHostAddress;

namespace studio {

class HttpServer;

// The window's built-in plugin server: the built-in plugins (BuiltInPlugins) on 127.0.0.1,
// on the port the settings name (BuiltInPlugins::kDefaultPort unless set), so the sample
// repository's plugins answer on a machine with no network and nothing deployed. It starts
// with the studio unless the user stopped it last time.
//
// A port that cannot be opened is not an error of the studio: the state says why, in words
// (another studio or `plugin-studio serve` often holds the port, and then the sample's
// plugins reach that one). The server runs on its own thread; nothing here blocks beyond
// opening and closing the listening socket.
class BuiltInServer : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Stopped,
        Running,
        PortInUse, // another program listens on the port
        Failed,    // any other reason it could not listen (errorString())
    };

    explicit BuiltInServer(QObject *parent = nullptr);
    ~BuiltInServer() override;

    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    // The port asked for (0: any free one) and, while running, the one it listens on.
    quint16 requestedPort() const { return m_requestedPort; }
    quint16 port() const;
    // "http://127.0.0.1:8780" while running; empty otherwise.
    QString baseUrl() const;
    QString url(const QByteArray &path) const;
    // Why it is not running, in words; empty when it runs or was stopped.
    QString errorString() const { return m_error; }
    // Requests answered since it last started.
    int requestsServed() const { return m_served; }
    // "Built-in plugins: 127.0.0.1:8780", "... stopped", "... port 8780 in use".
    QString statusText() const;

public slots:
    // Listens on the port of the settings (read now). Running already: nothing.
    void start();
    void stop();
    // As the user chose: starts or stops, and the next studio starts it or not.
    void setWanted(bool running);
    // When the studio opens: starts unless the user stopped it last time.
    void startIfWanted();

signals:
    void stateChanged();
    void requestServed();

private:
    void setState(State state, const QString &error = {});
    static bool portInUse(const QHostAddress &address, quint16 port);

    std::unique_ptr<HttpServer> m_server;
    State m_state = State::Stopped;
    quint16 m_requestedPort = 0;
    QString m_error;
    int m_served = 0;
};

} // namespace studio
