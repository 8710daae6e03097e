#include "ProactiveRateLimiter.h"

namespace studio {

ProactiveRateLimiter::ProactiveRateLimiter(qint64 windowMs)
    : m_windowMs(windowMs)
{}

QString ProactiveRateLimiter::key(const QString &uid, const QString &pluginId)
{
    return uid + QChar(0x1F) + pluginId;
}

std::optional<qint64>
ProactiveRateLimiter::blockedUntil(const QString &uid, const QString &pluginId, qint64 nowMs) const
{
    const auto it = m_lastSent.constFind(key(uid, pluginId));
    if (it == m_lastSent.constEnd() || nowMs - *it >= m_windowMs)
        return std::nullopt;
    return *it + m_windowMs;
}

void ProactiveRateLimiter::recordSent(const QString &uid, const QString &pluginId, qint64 nowMs)
{
    m_lastSent.insert(key(uid, pluginId), nowMs);
}

} // namespace studio
