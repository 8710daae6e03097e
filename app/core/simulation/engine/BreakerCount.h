#pragma once

#include "CircuitBreaker.h"
#include "simulation/report/RunRecord.h"

namespace studio {

// Counts a request the breaker let through as its answer (or failure) came, at `nowMs` on the
// app's clock; the breaker's probe says on its record what became of the breaker.
inline void countAnswer(CircuitBreaker &breaker, RunRecord &record, qint64 nowMs, bool probe)
{
    const QString &url = record.result.request.url;
    if (record.requestFailed())
        breaker.failed(url, nowMs);
    else
        breaker.succeeded(url);
    if (probe)
        record.verdict.notes.prepend(
            record.requestFailed()
                ? QStringLiteral("the circuit breaker's probe failed: it opens again")
                : QStringLiteral("the circuit breaker's probe succeeded: it closes"));
}

} // namespace studio
