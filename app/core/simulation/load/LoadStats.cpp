#include "LoadStats.h"

#include "simulation/engine/LatestWins.h"

#include <algorithm>

namespace studio {

const QString LoadStats::kCircuitOpen = QStringLiteral("circuit-open");

QString LoadStats::errorKind(const RunRecord &record)
{
    if (record.result.error != HttpError::None)
        return httpErrorName(record.result.error);
    if (record.requestFailed())
        return QStringLiteral("status-%1").arg(record.result.status);
    if (record.answerInvalid())
        return QStringLiteral("invalid-answer");
    return {};
}

void LoadStats::countSent(double lateMs, double lateAfterMs)
{
    ++m_sent;
    ++m_secondSent;
    if (lateMs <= lateAfterMs)
        return;
    ++m_late;
    ++m_secondLate;
    m_lateMaxMs = std::max(m_lateMaxMs, lateMs);
}

void LoadStats::countCompleted(const RunRecord &record)
{
    ++m_run.count;
    m_run.faulted += record.faults.isEmpty() ? 0 : 1;
    if (!record.sent()) {
        ++m_run.notSent;
        m_run.lost += record.lostByFault() ? 1 : 0;
        const bool dropped = LatestWins::dropped(record);
        m_dropped += dropped ? 1 : 0;
        m_secondDropped += dropped ? 1 : 0;
        return;
    }
    m_run.timeouts += record.timedOut() ? 1 : 0;
    ++m_secondCompleted;
    m_run.errors += record.requestFailed() ? 1 : 0;
    m_run.invalidAnswers += record.answerInvalid() ? 1 : 0;
    m_run.notifications += int(record.verdict.notifications.size());
    if (const std::optional<double> latency = record.latencyMs()) {
        m_latencies.add(*latency);
        m_secondLatencies.add(*latency);
    }
    if (const QString kind = errorKind(record); !kind.isEmpty()) {
        ++m_errors[kind];
        ++m_secondErrors[kind];
    }
}

void LoadStats::countHeldBack()
{
    ++m_run.count;
    ++m_run.notSent;
    ++m_heldBack;
    ++m_errors[kCircuitOpen];
    ++m_secondErrors[kCircuitOpen];
}

void LoadStats::countDuplicateAnswer(bool sameAsOriginal)
{
    ++m_run.duplicatesCompared;
    m_run.duplicatesAnsweredDifferently += sameAsOriginal ? 0 : 1;
}

LoadSecond LoadStats::closeSecond(double atSeconds, double lengthSeconds, int inFlight, int waiting)
{
    LoadSecond second;
    second.atSeconds = atSeconds;
    second.completed = m_secondCompleted;
    second.requestsPerSecond = lengthSeconds > 0 ? double(m_secondCompleted) / lengthSeconds : 0;
    second.sent = m_secondSent;
    second.late = m_secondLate;
    second.inFlight = inFlight;
    second.waiting = waiting;
    second.dropped = m_secondDropped;
    second.p50Ms = m_secondLatencies.percentileMs(50);
    second.p95Ms = m_secondLatencies.percentileMs(95);
    second.p99Ms = m_secondLatencies.percentileMs(99);
    second.errors.swap(m_secondErrors);
    m_secondErrors.clear();
    m_secondLatencies.reset();
    m_secondCompleted = m_secondSent = m_secondLate = m_secondDropped = 0;
    return second;
}

LoadSummary LoadStats::summary(int users, double wallSeconds, qint64 left) const
{
    LoadSummary summary;
    summary.run = m_run;
    summary.run.latencySamples = int(m_latencies.count());
    summary.run.minMs = m_latencies.minMs();
    summary.run.p50Ms = m_latencies.percentileMs(50);
    summary.run.p90Ms = m_latencies.percentileMs(90);
    summary.run.p95Ms = m_latencies.percentileMs(95);
    summary.run.p99Ms = m_latencies.percentileMs(99);
    summary.run.maxMs = m_latencies.maxMs();
    summary.users = users;
    summary.sent = m_sent;
    summary.wallSeconds = wallSeconds;
    // Completed requests: those the app never sent do not count.
    const qint64 completed = m_run.count - m_run.notSent;
    summary.requestsPerSecond = wallSeconds > 0 ? double(completed) / wallSeconds : 0;
    summary.heldBack = m_heldBack;
    summary.dropped = m_dropped;
    summary.late = m_late;
    summary.lateMaxMs = m_lateMaxMs;
    summary.errorsByKind = m_errors;
    summary.left = left;
    return summary;
}

} // namespace studio
