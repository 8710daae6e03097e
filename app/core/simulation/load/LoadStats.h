#pragma once

#include "LatencyHistogram.h"
#include "LoadSummary.h"
#include "simulation/report/RunRecord.h"

namespace studio {

// The figures of one second of a load run, for live progress.
struct LoadSecond
{
    double atSeconds = 0; // run time at the end of the second
    qint64 completed = 0; // answers (or failures) that came in during it
    double requestsPerSecond = 0;
    qint64 sent = 0;
    qint64 late = 0;
    int inFlight = 0;   // at its end
    int waiting = 0;    // due, held back by the cap on requests in flight
    qint64 dropped = 0; // audio chunks a newer one replaced in a user's latest-wins buffer
    std::optional<double> p50Ms;
    std::optional<double> p95Ms;
    std::optional<double> p99Ms;
    ErrorsByKind errors;
};

// Counters and histograms of a load run, for the whole run and for the current second:
// constant memory whatever the number of requests.
class LoadStats
{
public:
    // A request went out `lateMs` after it was due; over `lateAfterMs` it counts as late.
    void countSent(double lateMs, double lateAfterMs);
    // An answered request, or one the app did not send (its record says why: lost by a
    // fault, or dropped by the app's latest-wins audio buffer).
    void countCompleted(const RunRecord &record);
    // The app's circuit breaker held a request back (kCircuitOpen among the errors).
    void countHeldBack();
    // A duplicate delivery and its original are both answered: alike or not.
    void countDuplicateAnswer(bool sameAsOriginal);
    // Ends the current second (of `lengthSeconds`) and starts the next.
    LoadSecond closeSecond(double atSeconds, double lengthSeconds, int inFlight, int waiting);
    LoadSummary summary(int users, double wallSeconds, qint64 left) const;

    // The kind of failure of a completed request; empty when the app could use the answer.
    static QString errorKind(const RunRecord &record);
    static const QString kCircuitOpen; // "circuit-open"

private:
    RunSummary m_run;
    LatencyHistogram m_latencies;
    ErrorsByKind m_errors;
    qint64 m_sent = 0;
    qint64 m_heldBack = 0;
    qint64 m_dropped = 0;
    qint64 m_late = 0;
    double m_lateMaxMs = 0;

    LatencyHistogram m_secondLatencies;
    ErrorsByKind m_secondErrors;
    qint64 m_secondCompleted = 0;
    qint64 m_secondSent = 0;
    qint64 m_secondLate = 0;
    qint64 m_secondDropped = 0;
};

} // namespace studio
