#include "LoopbackServerState.h"

namespace studio::test {

LoopbackServerState::LoopbackServerState()
    : m_fallback([](const LoopbackServerRequest &request) {
        return LoopbackServerBehaviour::text(404, "no route for " + request.path +
                                                      " on the loopback server\n");
    })
{
    m_clock.start();
}

void LoopbackServerState::setRoute(const QByteArray &path, Handler handler)
{
    const std::lock_guard lock(m_mutex);
    m_routes.insert(path, std::move(handler));
}

void LoopbackServerState::setFallback(Handler handler)
{
    const std::lock_guard lock(m_mutex);
    m_fallback = std::move(handler);
}

LoopbackServerState::Handler LoopbackServerState::handlerFor(const QByteArray &path) const
{
    const std::lock_guard lock(m_mutex);
    return m_routes.value(path, m_fallback);
}

int LoopbackServerState::record(LoopbackServerRequest request)
{
    const std::lock_guard lock(m_mutex);
    m_requests.append(std::move(request));
    m_ids.append(m_nextId);
    return m_nextId++;
}

void LoopbackServerState::markAnswered(int id)
{
    const std::lock_guard lock(m_mutex);
    const qsizetype index = m_ids.lastIndexOf(id);
    if (index >= 0 && m_requests[index].answeredMs < 0)
        m_requests[index].answeredMs = m_clock.elapsed();
}

QList<LoopbackServerRequest> LoopbackServerState::requests() const
{
    const std::lock_guard lock(m_mutex);
    return m_requests;
}

int LoopbackServerState::requestCount() const
{
    const std::lock_guard lock(m_mutex);
    return int(m_requests.size());
}

void LoopbackServerState::clearRequests()
{
    const std::lock_guard lock(m_mutex);
    m_requests.clear();
    m_ids.clear();
}

qint64 LoopbackServerState::elapsedMs() const
{
    const std::lock_guard lock(m_mutex);
    return m_clock.elapsed();
}

} // namespace studio::test
