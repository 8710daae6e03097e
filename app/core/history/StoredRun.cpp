#include "StoredRun.h"

#include "contract/apps2026/ToolCallSignature.h"
#include "simulation/report/JsonReportWriter.h"

namespace studio {

StoredRun StoredRun::ofSimulation(const SimulationPlan &plan, const RunInfo &info,
                                  const QList<RunRecord> &records, const RunThresholds &thresholds)
{
    StoredRun run;
    run.kind = plan.trigger == AppTrigger::MemoryCreation ? RunKind::Memory
               : plan.trigger == AppTrigger::AudioBytes   ? RunKind::Audio
                                                          : RunKind::Transcript;
    run.info = info;
    run.settings = RunSettings::ofPlan(plan, thresholds);
    run.records = records;
    run.report = JsonReportWriter::render(records, info);
    return run;
}

StoredRun StoredRun::ofSetupCheck(const RunSettings &settings, const RunInfo &info,
                                  const QList<RunRecord> &records)
{
    StoredRun run;
    run.kind = RunKind::Setup;
    run.info = info;
    run.settings = settings;
    run.records = records;
    run.report = JsonReportWriter::render(records, info);
    return run;
}

StoredRun StoredRun::ofCaught(const CaughtRequest &caught, const QString &baseUrl,
                              const QByteArray &answer)
{
    const HttpServerRequest &request = caught.request;
    RunRecord record;
    record.index = 1;
    record.label = CaughtRequest::kindName(caught.kind);
    record.payloadBytes = request.body.size();
    record.sentAt = request.receivedAt;
    record.result.request.method = request.method;
    record.result.request.url = baseUrl + QString::fromUtf8(request.target);
    record.result.request.headers = request.headers;
    record.result.request.body = request.body;
    record.result.finalUrl = record.result.request.url;
    record.result.finalMethod = request.method;
    record.result.requestHeaders = request.headers;
    record.result.status = request.answerStatus;
    record.result.statusLine = "HTTP/1.1 " + QByteArray::number(request.answerStatus);
    record.result.responseHeaders = {{"Content-Type", "application/json"}};
    record.result.body = answer;
    record.result.bodyBytesReceived = answer.size();
    // The catcher stands in for a plugin: the app is not judging this answer.
    record.verdict.kind = ResponseVerdict::Kind::Silent;
    record.verdict.reason = caught.note;

    StoredRun run;
    run.kind = RunKind::Listen;
    run.info.pluginName = CaughtRequest::kindName(caught.kind);
    run.info.trigger = CaughtRequest::kindName(caught.kind);
    run.info.uid = request.query().queryItemValue(QStringLiteral("uid"), QUrl::FullyDecoded);
    run.info.source = caught.fixture;
    run.info.startedAt = request.receivedAt;
    run.settings.url = record.result.request.url;
    run.settings.uid = run.info.uid;
    run.settings.source = caught.fixture;
    run.records = {record};
    run.report = JsonReportWriter::render(run.records, run.info);
    return run;
}

StoredRun StoredRun::ofToolCall(const ChatTool &tool, const RunInfo &info,
                                const HttpResult &result, const chat_tool_call::ToolAnswer &answer)
{
    using Kind = chat_tool_call::ToolAnswer::Kind;
    RunRecord record;
    record.index = 1;
    record.label = QString::fromStdString(tool.assistantName(info.pluginId.toStdString()));
    record.payloadBytes = result.request.body.size();
    record.sentAt = info.startedAt;
    record.result = result;
    // The chat model gets every answer as text; an error or a refusal is still text, but
    // the tool did not do its work.
    const bool answered =
        answer.kind == Kind::Result || answer.kind == Kind::Message || answer.kind == Kind::Raw;
    record.verdict.kind = answered ? ResponseVerdict::Kind::Silent : ResponseVerdict::Kind::Ignored;
    record.verdict.reason = QStringLiteral("the assistant receives the %1 as the tool's answer")
                                .arg(chat_tool_call::kindName(answer.kind));
    record.verdict.chatMessage = answer.text;

    StoredRun run;
    run.kind = RunKind::Tool;
    run.info = info;
    run.info.contract = QStringLiteral("apps-2026");
    run.info.trigger = QString::fromLatin1(tool_call_signature::kEvent);
    run.settings.plugin.id = info.pluginId;
    run.settings.plugin.name = info.pluginName;
    run.settings.url = tool.url;
    run.settings.uid = info.uid;
    run.settings.source = info.source;
    run.settings.transport.timeoutMs = result.request.timeoutMs;
    run.settings.transport.maxTimeMs = result.request.maxTimeMs;
    run.records = {record};
    run.report = JsonReportWriter::render(run.records, run.info);
    return run;
}

Json StoredRun::summaryJson() const
{
    return JsonReportWriter::summaryJson(RunSummary::of(records));
}

} // namespace studio
