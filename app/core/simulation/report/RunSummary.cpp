#include "RunSummary.h"

#include <algorithm>
#include <cmath>

namespace studio {

double RunSummary::percentile(const QList<double> &sortedAscending, double p)
{
    const auto n = static_cast<double>(sortedAscending.size());
    const double rank = std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * n);
    const auto index = static_cast<qsizetype>(std::clamp(rank, 1.0, n)) - 1;
    return sortedAscending[index];
}

RunSummary RunSummary::of(const QList<RunRecord> &records)
{
    RunSummary summary;
    QList<double> latencies;
    for (const RunRecord &record : records) {
        ++summary.count;
        summary.errors += record.requestFailed() ? 1 : 0;
        summary.notSent += record.sent() ? 0 : 1;
        summary.invalidAnswers += record.answerInvalid() ? 1 : 0;
        summary.notifications += static_cast<int>(record.verdict.notifications.size());
        summary.timeouts += record.timedOut() ? 1 : 0;
        summary.faulted += record.faults.isEmpty() ? 0 : 1;
        summary.lost += record.lostByFault() ? 1 : 0;
        if (record.sameAnswerAsOriginal) {
            ++summary.duplicatesCompared;
            summary.duplicatesAnsweredDifferently += *record.sameAnswerAsOriginal ? 0 : 1;
        }
        if (const std::optional<double> latency = record.latencyMs())
            latencies.append(*latency);
    }
    summary.latencySamples = static_cast<int>(latencies.size());
    if (latencies.isEmpty())
        return summary;
    std::sort(latencies.begin(), latencies.end());
    summary.minMs = latencies.front();
    summary.p50Ms = percentile(latencies, 50);
    summary.p90Ms = percentile(latencies, 90);
    summary.p95Ms = percentile(latencies, 95);
    summary.p99Ms = percentile(latencies, 99);
    summary.maxMs = latencies.back();
    return summary;
}

} // namespace studio
