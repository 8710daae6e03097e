#include "CircuitBreaker.h"

namespace studio {

CircuitBreaker::CircuitBreaker(int failures, int openMs)
    : m_failures(failures)
    , m_openMs(openMs)
{}

QString CircuitBreaker::keyOf(const QString &url)
{
    // url.split('?')[0].split('#')[0], as the backend strips it.
    const QString path = url.section(u'?', 0, 0);
    return path.section(u'#', 0, 0);
}

CircuitBreaker::Admission CircuitBreaker::admit(const QString &url, qint64 nowMs)
{
    Admission admission;
    if (!enabled())
        return admission;
    Target &target = m_targets[keyOf(url)];
    admission.failures = target.failures;
    admission.lastFailureMs = target.lastFailureMs;
    if (target.state == State::Open && nowMs - target.lastFailureMs >= m_openMs) {
        target.state = State::HalfOpen;
        target.probeInFlight = false;
    }
    switch (target.state) {
    case State::Closed:
        return admission;
    case State::HalfOpen:
        if (!target.probeInFlight) {
            target.probeInFlight = true;
            admission.probe = true;
            return admission;
        }
        break; // one probe at a time
    case State::Open:
        admission.openUntilMs = target.lastFailureMs + m_openMs;
        break;
    }
    admission.allowed = false;
    return admission;
}

void CircuitBreaker::succeeded(const QString &url)
{
    if (!enabled())
        return;
    Target &target = m_targets[keyOf(url)];
    target = Target{};
}

void CircuitBreaker::failed(const QString &url, qint64 nowMs)
{
    if (!enabled())
        return;
    Target &target = m_targets[keyOf(url)];
    ++target.failures;
    target.lastFailureMs = nowMs;
    if (target.failures >= m_failures)
        target.state = State::Open;
}

} // namespace studio
