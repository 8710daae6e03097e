#pragma once

#include "RunKind.h"
#include "RunSettings.h"
#include "contract/apps2026/ChatToolCall.h"
#include "listen/CaughtRequest.h"
#include "json/JsonParser.h"
#include "simulation/report/RunInfo.h"
#include "simulation/report/RunRecord.h"

#include <QList>

#include <string>

namespace studio {

// A run as the history keeps it: what it was (kind, header, settings to run it again),
// every request and response, and its JSON report exactly as JsonReportWriter rendered it
// when the run ended, so `runs show` and `runs export --report` give back that very text.
struct StoredRun
{
    qint64 id = 0; // given by RunHistory::record()
    RunKind kind = RunKind::Memory;
    RunInfo info;
    RunSettings settings;
    QList<RunRecord> records;
    std::string report; // the JSON report (JsonReportWriter::render)

    // The run of a simulation plan, once it finished.
    static StoredRun ofSimulation(const SimulationPlan &plan, const RunInfo &info,
                                  const QList<RunRecord> &records, const RunThresholds &thresholds);
    // A setup check; `records` holds its one record, or none when nothing was sent.
    static StoredRun ofSetupCheck(const RunSettings &settings, const RunInfo &info,
                                  const QList<RunRecord> &records);
    // A request the catcher received at `baseUrl` and answered with `answer`: one record,
    // the request as sent to it and the answer as it went out. It cannot be run again; its
    // fixture can be replayed.
    static StoredRun ofCaught(const CaughtRequest &caught, const QString &baseUrl,
                              const QByteArray &answer);
    // One call of an app's chat tool as the backend makes it (`tools call`, the window's
    // Tools page). `info` names the app (pluginId: its id, pluginName), the uid and the
    // manifest the tool came from (source). One record: the request as sent, the answer, and
    // in its verdict the text the assistant receives (chatMessage) and its kind (reason).
    // It cannot be run again: the tool is called again from its manifest.
    static StoredRun ofToolCall(const ChatTool &tool, const RunInfo &info,
                                const HttpResult &result, const chat_tool_call::ToolAnswer &answer);

    QString url() const { return settings.url; } // the target, before the uid is appended
    Json summaryJson() const;                    // the report's "summary"
};

} // namespace studio
