#pragma once

#include "RunInfo.h"
#include "RunRecord.h"
#include "RunSummary.h"
#include "json/JsonParser.h"

#include <QList>
#include <QString>

#include <string>

namespace studio {

// The machine-readable report of a run:
// {
//   "run": {plugin_id, plugin_name, trigger, profile, batching, uid, source, started_at,
//           speed, studio_version},
//   "requests": [{index, label, window_start, window_end, segments, scheduled_ms, sent_ms,
//                 scheduling_error_ms, payload_bytes, url, status, latency_ms,
//                 timings {dns_ms, connect_ms, tls_ms, first_byte_ms, total_ms},
//                 error {code, message} | null, sent, verdict, reason, notification | null,
//                 notifications [...], chat_message, notes [...], proactive | null}],
//   "summary": {count, errors, not_sent, invalid_answers, notifications, latency_samples,
//               min_ms, p50_ms, p90_ms, p95_ms, p99_ms, max_ms}
// }
// status and latency_ms are null when no answer came; the latency figures are null when
// no request got an answer. `notification` is the first notification, if any. A request
// the app did not send (its circuit breaker was open) has sent false, verdict "not sent"
// and the reason; it counts in count and not_sent, never in errors.
class JsonReportWriter
{
public:
    static Json build(const QList<RunRecord> &records, const RunInfo &info);
    static Json requestJson(const RunRecord &record);
    static Json summaryJson(const RunSummary &summary);
    static std::string render(const QList<RunRecord> &records, const RunInfo &info);
    // Atomic write; returns an empty string on success, else why it failed.
    static std::string write(const QString &path, const QList<RunRecord> &records,
                             const RunInfo &info);
};

} // namespace studio
