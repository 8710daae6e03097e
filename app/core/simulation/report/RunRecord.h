#pragma once

#include "http/HttpExchange.h"
#include "simulation/judge/ResponseVerdict.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace studio {

// One request of a simulation run: what was scheduled and sent, what came back, and what
// the app would have done with it. Times are milliseconds from the start of the run.
// A request the app held back (its circuit breaker was open) is a record too, marked not
// sent with the reason: it has the request it would have made, and no result or verdict.
struct RunRecord
{
    int index = 0;
    QString label;          // "memory", "window 60-90 s"
    double windowStart = 0; // conversation seconds covered (a memory: 0 to its length)
    double windowEnd = 0;
    int segmentCount = 0;
    qint64 scheduledMs = 0; // when the app would have sent it, on the run's clock
    qint64 sentMs = 0;      // when it went out
    qint64 payloadBytes = 0;
    QDateTime sentAt; // wall clock when it went out, for HAR's startedDateTime
    HttpResult result;
    ResponseVerdict verdict;
    QString notSentReason; // not empty: the app did not send it, and why
    // Faults injected into it on the way ("duplicate", "gap", "slow-network:200"; see
    // FaultSchedule), and for a duplicate the index of the record it copies and whether the
    // plugin answered both alike (the same status and body), once both are in.
    QStringList faults;
    std::optional<int> duplicateOf;
    std::optional<bool> sameAnswerAsOriginal;

    bool sent() const { return notSentReason.isEmpty(); }
    // Not sent because a fault lost it on the way (gap), not because of the app or plugin.
    bool lostByFault() const { return !sent() && faults.contains(QStringLiteral("gap")); }
    // What became of it, in one sentence: the app's verdict, or why it was not sent.
    QString outcomeReason() const { return sent() ? verdict.reason : notSentReason; }

    qint64 schedulingErrorMs() const { return sentMs - scheduledMs; }
    // Sent, and no answer, a transport error or a status other than 200.
    bool requestFailed() const { return sent() && (!result.succeeded() || result.status != 200); }
    // A 200 answer the app cannot use.
    bool answerInvalid() const { return sent() && !requestFailed() && verdict.answerInvalid(); }
    bool timedOut() const { return sent() && result.error == HttpError::Timeout; }
    // Total time of the exchange, when an answer arrived.
    std::optional<double> latencyMs() const;
    // The transport error's stable name for reports (httpErrorName: "timeout",
    // "connection-refused"), empty when there was none.
    QString errorCode() const;
};

} // namespace studio
