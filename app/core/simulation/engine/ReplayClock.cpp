#include "ReplayClock.h"

#include <cmath>

namespace studio {

ReplayClock::ReplayClock(double factor)
    : m_factor(factor > 0 ? factor : 1.0)
{}

void ReplayClock::start(bool paused)
{
    m_timer.start();
    m_accumulatedNs = 0;
    m_resumedAtNs = 0;
    m_started = true;
    m_running = !paused;
    m_anchorRunNs = 0;
}

void ReplayClock::pause()
{
    if (!m_running)
        return;
    m_accumulatedNs = runNs();
    m_running = false;
}

void ReplayClock::resume()
{
    if (!m_started || m_running)
        return;
    m_resumedAtNs = m_timer.nsecsElapsed();
    m_running = true;
}

qint64 ReplayClock::runNs() const
{
    if (!m_running)
        return m_accumulatedNs;
    return m_accumulatedNs + (m_timer.nsecsElapsed() - m_resumedAtNs);
}

qint64 ReplayClock::conversationNs() const
{
    const double advanced = double(runNs() - m_anchorRunNs) * m_factor;
    return m_anchorConversationNs + qint64(std::floor(advanced));
}

void ReplayClock::jumpTo(qint64 conversationNs)
{
    m_anchorRunNs = runNs();
    m_anchorConversationNs = conversationNs;
}

qint64 ReplayClock::runNsAt(qint64 conversationNs) const
{
    const double ahead = double(conversationNs - m_anchorConversationNs) / m_factor;
    return m_anchorRunNs + qint64(std::ceil(ahead));
}

} // namespace studio
