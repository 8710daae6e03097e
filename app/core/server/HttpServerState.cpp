#include "HttpServerState.h"

namespace studio {

HttpServerState::HttpServerState(int keptRequests)
    : m_fallback([](const HttpServerRequest &request) {
        return HttpAnswer::text(404, "no route for " + request.path + " on this server\n");
    })
    , m_keptRequests(keptRequests)
{
    m_clock.start();
}

void HttpServerState::setRoute(const QByteArray &path, Handler handler)
{
    const std::lock_guard lock(m_mutex);
    m_routes.insert(path, std::move(handler));
}

void HttpServerState::setFallback(Handler handler)
{
    const std::lock_guard lock(m_mutex);
    m_fallback = std::move(handler);
}

HttpServerState::Handler HttpServerState::handlerFor(const QByteArray &path) const
{
    const std::lock_guard lock(m_mutex);
    return m_routes.value(path, m_fallback);
}

int HttpServerState::record(HttpServerRequest request)
{
    const std::lock_guard lock(m_mutex);
    ++m_received;
    if (m_keptRequests == 0)
        return m_nextId++;
    if (m_keptRequests > 0 && m_requests.size() >= m_keptRequests) {
        m_requests.removeFirst();
        m_ids.removeFirst();
    }
    m_requests.append(std::move(request));
    m_ids.append(m_nextId);
    return m_nextId++;
}

void HttpServerState::markAnswered(int id)
{
    const std::lock_guard lock(m_mutex);
    const qsizetype index = m_ids.lastIndexOf(id);
    if (index >= 0 && m_requests[index].answeredMs < 0)
        m_requests[index].answeredMs = m_clock.elapsed();
}

QList<HttpServerRequest> HttpServerState::requests() const
{
    const std::lock_guard lock(m_mutex);
    return m_requests;
}

int HttpServerState::requestCount() const
{
    const std::lock_guard lock(m_mutex);
    return m_received;
}

void HttpServerState::clearRequests()
{
    const std::lock_guard lock(m_mutex);
    m_requests.clear();
    m_ids.clear();
    m_received = 0;
}

qint64 HttpServerState::elapsedMs() const
{
    const std::lock_guard lock(m_mutex);
    return m_clock.elapsed();
}

} // namespace studio
