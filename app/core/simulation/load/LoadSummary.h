#pragma once

#include "simulation/report/RunSummary.h"

#include <QString>

#include <map>
#include <optional>

namespace studio {

// Failures of a load run by kind: "timeout", "connection-refused" (httpErrorName), "status-500",
// "invalid-answer" (a 200 the app cannot use). Ordered, so printing is stable.
using ErrorsByKind = std::map<QString, qint64>;

// The figures of a whole load run. `run` holds the fields of a simulate run's summary
// (count, errors, latencies from the run's histogram, notifications the users would have
// seen); the rest is the load's own.
struct LoadSummary
{
    RunSummary run;
    int users = 0;
    qint64 sent = 0;
    double wallSeconds = 0;
    double requestsPerSecond = 0; // completed requests over the run's wall time
    qint64 late = 0;              // sent later than due (see LoadRun::kLateAfterMs)
    double lateMaxMs = 0;
    ErrorsByKind errorsByKind;
    qint64 left = 0; // due but never sent: the run was stopped
    // Not sent: the app's circuit breaker (apps-2026) was open after failures in a row.
    qint64 heldBack = 0;
    // Not sent: audio chunks a newer one replaced in a user's latest-wins buffer while the
    // user's previous chunk was unanswered (the app working as designed, no failure).
    qint64 dropped = 0;

    // requestFailed, answerInvalid or held back by the circuit breaker, over the requests sent
    // or held back; 0 when there were none.
    double errorRate() const;
};

// The limits a load run must stay within.
struct LoadThresholds
{
    std::optional<double> maxP95Ms;
    // The share of requests that may fail (0.01: one in a hundred). None: like simulate, not
    // one may.
    std::optional<double> maxErrorRate;
};

// Whether a load run passes, with one sentence per reason it does not.
struct LoadAcceptance
{
    bool passed = true;
    QStringList failures;

    static LoadAcceptance evaluate(const LoadSummary &summary, const LoadThresholds &thresholds);
};

} // namespace studio
