#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace studio {

// The app's circuit breaker per webhook URL, as today's backend keeps one
// (utils/http_client.py, WebhookCircuitBreaker): keyed by the URL without its query, closed
// at first; each failure (anything but HTTP 200, a timeout included) counts, a success
// resets the count. At `failures` in a row it opens: nothing is sent until `openMs` after
// the last failure, then one probe goes (half-open) while the rest still wait; the probe's
// success closes it, its failure opens it again. Times are the app's clock in milliseconds.
// A breaker of 0 failures never opens (the 2024 app had none).
class CircuitBreaker
{
public:
    CircuitBreaker(int failures = 0, int openMs = 0);

    struct Admission
    {
        bool allowed = true;
        bool probe = false;                // the one request of a half-open breaker
        std::optional<qint64> openUntilMs; // refused while open: when a probe may go
        int failures = 0;                  // failures in a row so far
        qint64 lastFailureMs = 0;
    };

    // Whether a request to `url` may go at `nowMs`; an allowed probe counts as in flight.
    Admission admit(const QString &url, qint64 nowMs);
    void succeeded(const QString &url);
    void failed(const QString &url, qint64 nowMs);

    bool enabled() const { return m_failures > 0; }
    // "http://host/hook?uid=u" -> "http://host/hook": the key the backend uses.
    static QString keyOf(const QString &url);

private:
    enum class State
    {
        Closed,
        Open,
        HalfOpen
    };
    struct Target
    {
        State state = State::Closed;
        int failures = 0;
        qint64 lastFailureMs = 0;
        bool probeInFlight = false;
    };

    int m_failures;
    qint64 m_openMs;
    QHash<QString, Target> m_targets;
};

} // namespace studio
