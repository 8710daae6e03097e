#pragma once

#include "RunRecord.h"

#include <QList>

#include <optional>

namespace studio {

// Figures of a run. Latencies are the total time of the exchanges that got an answer (any
// status); requests without an answer count as errors, not as latencies; requests the app
// did not send count apart.
//
// Percentiles use the nearest-rank method: the p-th percentile of n sorted values is the
// value at rank ceil(p/100 * n) (1-based), so it is always a latency that was measured;
// p50 of {10, 20, 30, 40} is 20, p99 of 100 values is the 99th.
struct RunSummary
{
    int count = 0;          // requests, sent or not
    int errors = 0;         // sent: no answer, transport error or status other than 200
    int notSent = 0;        // held back by the app (its circuit breaker was open)
    int invalidAnswers = 0; // status 200 but the app cannot use the answer
    int notifications = 0;  // notifications the user would see
    int timeouts = 0;       // of the errors: no answer within the app's timeout
    // Under injected faults: requests with any fault, lost ones (not sent, counted in
    // notSent too), duplicates answered beside their original, and of those the ones whose
    // answer differed (status or body).
    int faulted = 0;
    int lost = 0;
    int duplicatesCompared = 0;
    int duplicatesAnsweredDifferently = 0;
    int latencySamples = 0;
    std::optional<double> minMs;
    std::optional<double> p50Ms;
    std::optional<double> p90Ms;
    std::optional<double> p95Ms;
    std::optional<double> p99Ms;
    std::optional<double> maxMs;

    static RunSummary of(const QList<RunRecord> &records);
    // Nearest rank of `sortedAscending` (not empty); p in [0, 100], p = 0 gives the minimum.
    static double percentile(const QList<double> &sortedAscending, double p);
};

} // namespace studio
