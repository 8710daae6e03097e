#pragma once

#include "LoopbackServerBehaviour.h"
#include "LoopbackServerRequest.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>

#include <functional>
#include <mutex>

namespace studio::test {

// What the test thread and the server thread share: the routes and the log of requests.
// Every member locks, so either thread may call any of them.
class LoopbackServerState
{
public:
    using Handler = std::function<LoopbackServerBehaviour(const LoopbackServerRequest &)>;

    LoopbackServerState();

    void setRoute(const QByteArray &path, Handler handler);
    void setFallback(Handler handler);
    Handler handlerFor(const QByteArray &path) const;

    // Returns the id to pass to markAnswered(). The caller stamps arrivedMs.
    int record(LoopbackServerRequest request);
    void markAnswered(int id);
    QList<LoopbackServerRequest> requests() const;
    int requestCount() const;
    void clearRequests();

    qint64 elapsedMs() const;

private:
    mutable std::mutex m_mutex;
    QHash<QByteArray, Handler> m_routes;
    Handler m_fallback;
    QList<LoopbackServerRequest> m_requests;
    QList<int> m_ids; // parallel to m_requests
    int m_nextId = 1;
    QElapsedTimer m_clock;
};

} // namespace studio::test
