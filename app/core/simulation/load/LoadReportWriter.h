#pragma once

#include "LoadRun.h"
#include "LoadSummary.h"
#include "json/JsonParser.h"

#include <QByteArray>
#include <QString>

#include <string>

namespace studio {

// The reports of a load run.
//
// JSON:
// {
//   "contract": "...",
//   "run": {contract, plugin_id, plugin_name, trigger, profile, batching, source, started_at,
//           speed, studio_version, users, ramp_s, duration_s | null, connections
//           ("reuse" | "new"), max_in_flight | null, seed},
//   "users": [{uid, session_id, sent, completed, failed, notifications, dropped}],
//   "requests": [simulate's request fields (JsonReportWriter::requestJson) and user, round,
//                late_ms, waited_ms (audio: in the user's latest-wins buffer)]: the first
//                LoadRun::kKeptFirst requests and the failures kept,
//   "requests_left_out": how many more completed and are not listed,
//   "summary": {simulate's summary fields (JsonReportWriter::summaryJson) and users, sent,
//               wall_s, requests_per_second, late, late_max_ms, error_rate, errors_by_kind
//               {kind: count}, left, held_back, dropped (audio chunks the users' latest-wins
//               buffers dropped)}
// }
//
// JUnit XML: one testcase per user (failing when any of its requests failed) and one for the
// run's limits (failing with the reasons LoadAcceptance gives).
class LoadReportWriter
{
public:
    static Json build(const LoadRun &run);
    static Json summaryJson(const LoadSummary &summary);
    static std::string writeJson(const QString &path, const LoadRun &run);

    static QByteArray junit(const LoadRun &run, const LoadAcceptance &acceptance);
    static std::string writeJUnit(const QString &path, const LoadRun &run,
                                  const LoadAcceptance &acceptance);
};

} // namespace studio
