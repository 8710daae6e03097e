#pragma once

#include "HttpAnswer.h"
#include "HttpServerRequest.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>

#include <functional>
#include <mutex>

namespace studio {

// What the owner's thread and the server thread share: the routes and the log of requests.
// Every member locks, so either thread may call any of them.
class HttpServerState
{
public:
    using Handler = std::function<HttpAnswer(const HttpServerRequest &)>;

    explicit HttpServerState(int keptRequests = -1);

    void setRoute(const QByteArray &path, Handler handler);
    void setFallback(Handler handler);
    Handler handlerFor(const QByteArray &path) const;

    // Returns the id to pass to markAnswered(). The caller stamps arrivedMs.
    int record(HttpServerRequest request);
    void markAnswered(int id);
    QList<HttpServerRequest> requests() const;
    int requestCount() const;
    void clearRequests();

    qint64 elapsedMs() const;

private:
    mutable std::mutex m_mutex;
    QHash<QByteArray, Handler> m_routes;
    Handler m_fallback;
    QList<HttpServerRequest> m_requests;
    QList<int> m_ids; // parallel to m_requests
    int m_keptRequests;
    int m_received = 0; // since the start or the last clearRequests()
    int m_nextId = 1;
    QElapsedTimer m_clock;
};

} // namespace studio
