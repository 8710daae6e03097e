#include "JsonReportWriter.h"

#include "io/TextFile.h"

#include <cmath>

namespace studio {

namespace {

std::string utf8(const QString &text)
{
    return text.toStdString();
}

Json optionalNumber(const std::optional<double> &value)
{
    return value ? Json(std::round(*value * 1000.0) / 1000.0) : Json(nullptr);
}

Json milliseconds(double value)
{
    return std::round(value * 1000.0) / 1000.0;
}

Json stringList(const QStringList &list)
{
    Json array = Json::array();
    for (const QString &item : list)
        array.push_back(utf8(item));
    return array;
}

Json notificationJson(const AppNotification &notification)
{
    return {{"title", utf8(notification.title)},
            {"body", utf8(notification.body)},
            {"written_by_model", notification.writtenByModel}};
}

} // namespace

Json JsonReportWriter::requestJson(const RunRecord &record)
{
    const HttpResult &result = record.result;
    Json notifications = Json::array();
    for (const AppNotification &notification : record.verdict.notifications)
        notifications.push_back(notificationJson(notification));

    Json request = Json::object();
    request["index"] = record.index;
    request["label"] = utf8(record.label);
    request["window_start"] = record.windowStart;
    request["window_end"] = record.windowEnd;
    request["segments"] = record.segmentCount;
    request["scheduled_ms"] = record.scheduledMs;
    request["sent_ms"] = record.sentMs;
    request["scheduling_error_ms"] = record.schedulingErrorMs();
    request["payload_bytes"] = record.payloadBytes;
    request["url"] = utf8(result.request.url);
    request["status"] = result.status > 0 ? Json(result.status) : Json(nullptr);
    request["latency_ms"] = optionalNumber(record.latencyMs());
    request["timings"] = {{"dns_ms", milliseconds(result.timings.dnsMs)},
                          {"connect_ms", milliseconds(result.timings.connectMs)},
                          {"tls_ms", milliseconds(result.timings.tlsMs)},
                          {"first_byte_ms", milliseconds(result.timings.firstByteMs)},
                          {"total_ms", milliseconds(result.timings.totalMs)}};
    request["error"] =
        result.error == HttpError::None
            ? Json(nullptr)
            : Json{{"code", utf8(record.errorCode())}, {"message", utf8(result.errorMessage)}};
    request["sent"] = record.sent();
    // A request the app held back has no verdict: what it is, and why, instead.
    request["verdict"] = record.sent() ? utf8(record.verdict.kindName()) : "not sent";
    request["reason"] = utf8(record.outcomeReason());
    request["notification"] = record.verdict.notifications.isEmpty()
                                  ? Json(nullptr)
                                  : notificationJson(record.verdict.notifications.front());
    request["notifications"] = notifications;
    request["chat_message"] =
        record.verdict.chatMessage ? Json(utf8(*record.verdict.chatMessage)) : Json(nullptr);
    request["notes"] = stringList(record.verdict.notes);
    request["faults"] = stringList(record.faults);
    request["duplicate_of"] = record.duplicateOf ? Json(*record.duplicateOf) : Json(nullptr);
    request["same_answer_as_original"] =
        record.sameAnswerAsOriginal ? Json(*record.sameAnswerAsOriginal) : Json(nullptr);
    if (const std::optional<ProactiveOutcome> &proactive = record.verdict.proactive) {
        request["proactive"] = {{"prompt", utf8(proactive->prompt)},
                                {"params", stringList(proactive->requestedParams)},
                                {"filled", stringList(proactive->filledParams)},
                                {"unfilled", stringList(proactive->unfilledParams)},
                                {"context", proactive->context},
                                {"model_input", utf8(proactive->modelInput)}};
    } else {
        request["proactive"] = nullptr;
    }
    return request;
}

Json JsonReportWriter::summaryJson(const RunSummary &summary)
{
    return {{"count", summary.count},
            {"errors", summary.errors},
            {"not_sent", summary.notSent},
            {"invalid_answers", summary.invalidAnswers},
            {"notifications", summary.notifications},
            {"timeouts", summary.timeouts},
            {"faulted", summary.faulted},
            {"lost", summary.lost},
            {"duplicates_compared", summary.duplicatesCompared},
            {"duplicates_answered_differently", summary.duplicatesAnsweredDifferently},
            {"latency_samples", summary.latencySamples},
            {"min_ms", optionalNumber(summary.minMs)},
            {"p50_ms", optionalNumber(summary.p50Ms)},
            {"p90_ms", optionalNumber(summary.p90Ms)},
            {"p95_ms", optionalNumber(summary.p95Ms)},
            {"p99_ms", optionalNumber(summary.p99Ms)},
            {"max_ms", optionalNumber(summary.maxMs)}};
}

Json JsonReportWriter::build(const QList<RunRecord> &records, const RunInfo &info)
{
    Json requests = Json::array();
    for (const RunRecord &record : records)
        requests.push_back(requestJson(record));
    Json run = {{"contract", utf8(info.contract)},
                {"plugin_id", utf8(info.pluginId)},
                {"plugin_name", utf8(info.pluginName)},
                {"trigger", utf8(info.trigger)},
                {"profile", utf8(info.profile)},
                {"batching", utf8(info.batching)},
                {"uid", utf8(info.uid)},
                {"source", utf8(info.source)},
                {"started_at", info.startedAt.isValid()
                                   ? Json(utf8(info.startedAt.toString(Qt::ISODateWithMs)))
                                   : Json(nullptr)},
                {"speed", info.speed},
                {"studio_version", STUDIO_VERSION}};
    if (!info.faults.isEmpty()) {
        run["faults"] = utf8(info.faults);
        run["fault_seed"] = info.faultSeed;
    }
    return {{"contract", utf8(info.contract)},
            {"run", run},
            {"requests", requests},
            {"summary", summaryJson(RunSummary::of(records))}};
}

std::string JsonReportWriter::render(const QList<RunRecord> &records, const RunInfo &info)
{
    return build(records, info).dump(2, ' ', false, Json::error_handler_t::replace) + '\n';
}

std::string JsonReportWriter::write(const QString &path, const QList<RunRecord> &records,
                                    const RunInfo &info)
{
    return TextFile::writeAtomically(path, render(records, info));
}

} // namespace studio
