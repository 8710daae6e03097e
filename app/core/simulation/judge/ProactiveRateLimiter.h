#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace studio {

// The app sends at most one proactive notification per user per plugin per 30 s. Times
// are the run's clock in milliseconds (not the wall clock), so a replay at 10x speed or a
// step-through is limited exactly as the conversation would be.
class ProactiveRateLimiter
{
public:
    static constexpr qint64 kWindowMs = 30'000;

    explicit ProactiveRateLimiter(qint64 windowMs = kWindowMs);

    // When the next notification may go out, or nullopt when one may go out at nowMs.
    std::optional<qint64> blockedUntil(const QString &uid, const QString &pluginId,
                                       qint64 nowMs) const;
    void recordSent(const QString &uid, const QString &pluginId, qint64 nowMs);
    void reset() { m_lastSent.clear(); }
    qint64 windowMs() const { return m_windowMs; }

private:
    static QString key(const QString &uid, const QString &pluginId);

    qint64 m_windowMs;
    QHash<QString, qint64> m_lastSent;
};

} // namespace studio
