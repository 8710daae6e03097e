#pragma once

#include "HttpAnswer.h"
#include "HttpServerOptions.h"
#include "HttpServerRequest.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

namespace studio {

class HttpServerListener;
class HttpServerState;

// The project's HTTP/1.1 server: the built-in plugins (`serve`), the catcher (`listen`) and
// the tests' loopback server are all this. It runs on its own thread, so neither a busy
// window nor a test waiting on a signal stalls it, and answers each path by a route: a
// fixed HttpAnswer, or a handler that looks at the request (handlers run on the server
// thread). Unknown paths answer the fallback, 404 by default.
//
//   HttpServer server;                                   // 127.0.0.1, a free port
//   server.setRoute("/hook", HttpAnswer::json(200, R"({"message":"hi"})"));
//   server.setRoute("/echo", [](const HttpServerRequest &request) {
//       return HttpAnswer::text(200, request.body);
//   });
//   ... send to server.url("/hook?uid=u1") ...
//
// It keeps the requests it received (HttpServerOptions::keptRequests) and signals each.
// Every member may be called from any thread.
class HttpServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<HttpAnswer(const HttpServerRequest &)>;

    explicit HttpServer(const HttpServerOptions &options = {}, QObject *parent = nullptr);
    ~HttpServer() override;

    // False if it could not listen; errorString() says why, in words for the user.
    bool isListening() const { return m_port != 0; }
    QString errorString() const { return m_error; }
    quint16 port() const { return m_port; }
    // "http://127.0.0.1:<port>" followed by `target` ("/hook?uid=u1"). A server on every
    // address (0.0.0.0) names 127.0.0.1.
    QString url(const QByteArray &target = "/") const;
    QString baseUrl() const { return url({}); }

    // Routes match the request's path exactly (the query is ignored).
    void setRoute(const QByteArray &path, const HttpAnswer &answer);
    void setRoute(const QByteArray &path, Handler handler);
    // How paths without a route are answered (404 by default).
    void setFallback(const HttpAnswer &answer);
    void setFallback(Handler handler);

    // Lets every answer that waits on HttpAnswer::held go out now. Later requests to a held
    // route wait again.
    void releaseHeldAnswers();

    QList<HttpServerRequest> requests() const;
    int requestCount() const; // counted since the start or the last clearRequests()
    void clearRequests();
    // Runs the calling thread's event loop until `count` requests have arrived (counted
    // since the start or the last clearRequests()), or the time is up.
    bool waitForRequests(int count, int timeoutMs = 5000);
    qint64 elapsedMs() const; // the clock of HttpServerRequest::arrivedMs and answeredMs

signals:
    // One more request was read whole and its route chose the answer, which goes out next
    // (delivered on the thread that owns the server).
    void requestReceived(const studio::HttpServerRequest &request);
    // A client's request was refused before any route saw it.
    void requestRefused(const studio::HttpServerRefusal &refusal);

private:
    std::shared_ptr<HttpServerState> m_state;
    QThread m_thread;
    HttpServerListener *m_listener = nullptr;
    QString m_scheme;
    QString m_host;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace studio

Q_DECLARE_METATYPE(studio::HttpServerRequest)
Q_DECLARE_METATYPE(studio::HttpServerRefusal)
