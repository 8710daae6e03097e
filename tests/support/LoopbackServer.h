#pragma once

#include "LoopbackServerBehaviour.h"
#include "LoopbackServerRequest.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

namespace studio::test {

class LoopbackServerListener;
class LoopbackServerState;

// A real HTTP/1.1 server on 127.0.0.1 for tests, on a random free port, running on its own
// thread so that a test waiting on a signal never stalls it. It records every request it
// receives and answers each path as the test says: plainly, late, never, with garbage, by
// closing or resetting the connection, with a huge or chunked or slowly dripped body, with
// interim responses, trickling for ever, with a redirect, or by a callback that looks at the
// request.
//
//   LoopbackServer server;                       // or LoopbackServer(Scheme::Https)
//   server.setRoute("/hook", LoopbackServer::Behaviour::json(200, R"({"message":"hi"})"));
//   server.setRoute("/echo", [](const LoopbackServer::ReceivedRequest &request) {
//       return LoopbackServer::Behaviour::text(200, request.body);
//   });
//   ... send to server.url("/hook?uid=u1") ...
//   QVERIFY(server.waitForRequests(1));
//   QCOMPARE(server.requests().first().method, "POST");
//
// Unknown paths answer 404. Every member may be called from any thread; callbacks run on
// the server thread. Over HTTPS the server presents the self-signed certificate of
// certificatePath() (CN=localhost, SAN localhost and 127.0.0.1): trust it as the CA file.
class LoopbackServer : public QObject
{
    Q_OBJECT

public:
    using Behaviour = LoopbackServerBehaviour;
    using ReceivedRequest = LoopbackServerRequest;
    using Handler = std::function<Behaviour(const ReceivedRequest &)>;

    enum class Scheme
    {
        Http,
        Https
    };

    explicit LoopbackServer(Scheme scheme = Scheme::Http, QObject *parent = nullptr);
    ~LoopbackServer() override;

    // False only if the port could not be opened (or the TLS identity not loaded).
    bool isListening() const { return m_port != 0; }
    QString errorString() const { return m_error; }
    quint16 port() const { return m_port; }
    // "http://127.0.0.1:<port>" followed by `target` ("/hook?uid=u1").
    QString url(const QByteArray &target = "/") const;
    static QString certificatePath();
    static QString privateKeyPath();

    // Routes match the request's path exactly (the query is ignored).
    void setRoute(const QByteArray &path, const Behaviour &behaviour);
    void setRoute(const QByteArray &path, Handler handler);
    // How paths without a route are answered (404 by default).
    void setFallback(const Behaviour &behaviour);

    // Lets every answer that waits on Behaviour::held go out now. Later requests to a held
    // route wait again.
    void releaseHeldAnswers();

    QList<ReceivedRequest> requests() const;
    int requestCount() const;
    void clearRequests();
    // Runs the calling thread's event loop until `count` requests have arrived (counted
    // since the start or the last clearRequests()), or the time is up.
    bool waitForRequests(int count, int timeoutMs = 5000);
    qint64 elapsedMs() const; // the clock of ReceivedRequest::arrivedMs and answeredMs

signals:
    // One more request was recorded (delivered on the thread that owns the server).
    void requestReceived();

private:
    std::shared_ptr<LoopbackServerState> m_state;
    QThread m_thread;
    LoopbackServerListener *m_listener = nullptr;
    QString m_scheme;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace studio::test
