#include "RunRecordCodec.h"

#include "CodecJson.h"

#include <QDateTime>

namespace studio {

namespace {

using codec::stringList;
using codec::text;
using codec::utf8;

std::string latin1(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes).toStdString();
}

QByteArray bytes(const Json &json, const char *key)
{
    return text(json, key).toLatin1();
}

Json headersJson(const HttpHeaders &headers)
{
    Json list = Json::array();
    for (const auto &[name, value] : headers)
        list.push_back(Json::array({latin1(name), latin1(value)}));
    return list;
}

HttpHeaders headersFromJson(const Json &json, const char *key)
{
    HttpHeaders headers;
    if (json.contains(key))
        for (const Json &pair : json.at(key))
            headers.append({QString::fromStdString(pair.at(0).get<std::string>()).toLatin1(),
                            QString::fromStdString(pair.at(1).get<std::string>()).toLatin1()});
    return headers;
}

HttpError errorFromName(const QString &name)
{
    for (int value = int(HttpError::None); value <= int(HttpError::Other); ++value) {
        if (httpErrorName(HttpError(value)) == name)
            return HttpError(value);
    }
    return HttpError::Other;
}

ResponseVerdict::Kind kindFromName(const QString &name)
{
    using Kind = ResponseVerdict::Kind;
    for (const Kind kind : {Kind::Notification, Kind::Silent, Kind::Dropped, Kind::Ignored}) {
        if (ResponseVerdict::kindName(kind) == name)
            return kind;
    }
    return Kind::Ignored;
}

Json requestJson(const HttpRequest &request)
{
    return {{"method", latin1(request.method)},
            {"url", utf8(request.url)},
            {"headers", headersJson(request.headers)},
            {"timeout_ms", request.timeoutMs},
            {"max_time_ms", request.maxTimeMs},
            {"max_response_bytes", request.maxResponseBytes},
            {"verify_tls", request.verifyTls},
            {"ca_file", utf8(request.caFile)},
            {"follow_redirects", request.followRedirects},
            {"reuse_connection", request.reuseConnection}};
}

HttpRequest requestFromJson(const Json &json, const QByteArray &body)
{
    HttpRequest request;
    request.method = bytes(json, "method");
    request.url = text(json, "url");
    request.headers = headersFromJson(json, "headers");
    request.body = body;
    request.timeoutMs = json.value("timeout_ms", request.timeoutMs);
    request.maxTimeMs = json.value("max_time_ms", request.maxTimeMs);
    request.maxResponseBytes = json.value("max_response_bytes", request.maxResponseBytes);
    request.verifyTls = json.value("verify_tls", true);
    request.caFile = text(json, "ca_file");
    request.followRedirects = json.value("follow_redirects", true);
    request.reuseConnection = json.value("reuse_connection", false);
    return request;
}

Json resultJson(const HttpResult &result)
{
    Json redirects = Json::array();
    for (const HttpRedirect &hop : result.redirects)
        redirects.push_back({{"status", hop.status}, {"location", utf8(hop.location)}});
    return {{"request", requestJson(result.request)},
            {"final_url", utf8(result.finalUrl)},
            {"final_method", latin1(result.finalMethod)},
            {"request_headers", headersJson(result.requestHeaders)},
            {"status", result.status},
            {"status_line", latin1(result.statusLine)},
            {"response_headers", headersJson(result.responseHeaders)},
            {"body_bytes_received", result.bodyBytesReceived},
            {"truncated", result.truncated},
            {"redirects", redirects},
            {"timings",
             {{"dns_ms", result.timings.dnsMs},
              {"connect_ms", result.timings.connectMs},
              {"tls_ms", result.timings.tlsMs},
              {"first_byte_ms", result.timings.firstByteMs},
              {"total_ms", result.timings.totalMs}}},
            {"error", utf8(httpErrorName(result.error))},
            {"error_message", utf8(result.errorMessage)}};
}

HttpResult resultFromJson(const Json &json, const QByteArray &requestBody,
                          const QByteArray &responseBody)
{
    HttpResult result;
    result.request = requestFromJson(json.value("request", Json::object()), requestBody);
    result.finalUrl = text(json, "final_url");
    result.finalMethod = bytes(json, "final_method");
    result.requestHeaders = headersFromJson(json, "request_headers");
    result.status = json.value("status", 0);
    result.statusLine = bytes(json, "status_line");
    result.responseHeaders = headersFromJson(json, "response_headers");
    result.body = responseBody;
    result.bodyBytesReceived = json.value("body_bytes_received", qint64(responseBody.size()));
    result.truncated = json.value("truncated", false);
    if (json.contains("redirects"))
        for (const Json &hop : json.at("redirects"))
            result.redirects.append({hop.value("status", 0), text(hop, "location")});
    const Json timings = json.value("timings", Json::object());
    result.timings = {timings.value("dns_ms", 0.0), timings.value("connect_ms", 0.0),
                      timings.value("tls_ms", 0.0), timings.value("first_byte_ms", 0.0),
                      timings.value("total_ms", 0.0)};
    result.error = errorFromName(QString::fromStdString(json.value("error", std::string("none"))));
    result.errorMessage = text(json, "error_message");
    return result;
}

Json verdictJson(const ResponseVerdict &verdict)
{
    Json notifications = Json::array();
    for (const AppNotification &notification : verdict.notifications)
        notifications.push_back({{"title", utf8(notification.title)},
                                 {"body", utf8(notification.body)},
                                 {"written_by_model", notification.writtenByModel}});
    Json proactive = nullptr;
    if (verdict.proactive)
        proactive = {{"prompt", utf8(verdict.proactive->prompt)},
                     {"params", stringList(verdict.proactive->requestedParams)},
                     {"filled", stringList(verdict.proactive->filledParams)},
                     {"unfilled", stringList(verdict.proactive->unfilledParams)},
                     {"context", verdict.proactive->context},
                     {"model_input", utf8(verdict.proactive->modelInput)}};
    return {
        {"kind", utf8(verdict.kindName())},
        {"reason", utf8(verdict.reason)},
        {"notifications", notifications},
        {"chat_message", verdict.chatMessage ? Json(utf8(*verdict.chatMessage)) : Json(nullptr)},
        {"proactive", proactive},
        {"notes", stringList(verdict.notes)}};
}

ResponseVerdict verdictFromJson(const Json &json)
{
    ResponseVerdict verdict;
    verdict.kind = kindFromName(text(json, "kind"));
    verdict.reason = text(json, "reason");
    if (json.contains("notifications"))
        for (const Json &notification : json.at("notifications"))
            verdict.notifications.append({text(notification, "title"), text(notification, "body"),
                                          notification.value("written_by_model", false)});
    if (json.contains("chat_message") && !json.at("chat_message").is_null())
        verdict.chatMessage = text(json, "chat_message");
    if (json.contains("proactive") && !json.at("proactive").is_null()) {
        const Json &stored = json.at("proactive");
        ProactiveOutcome proactive;
        proactive.prompt = text(stored, "prompt");
        proactive.requestedParams = stringList(stored, "params");
        proactive.filledParams = stringList(stored, "filled");
        proactive.unfilledParams = stringList(stored, "unfilled");
        proactive.context = stored.value("context", Json());
        proactive.modelInput = text(stored, "model_input");
        verdict.proactive = proactive;
    }
    verdict.notes = stringList(json, "notes");
    return verdict;
}

} // namespace

Json RunRecordCodec::toJson(const RunRecord &record)
{
    Json json = {{"index", record.index},
                 {"label", utf8(record.label)},
                 {"window_start", record.windowStart},
                 {"window_end", record.windowEnd},
                 {"segments", record.segmentCount},
                 {"scheduled_ms", record.scheduledMs},
                 {"sent_ms", record.sentMs},
                 {"payload_bytes", record.payloadBytes},
                 {"sent_at", utf8(record.sentAt.toString(Qt::ISODateWithMs))},
                 {"result", resultJson(record.result)},
                 {"verdict", verdictJson(record.verdict)}};
    if (!record.sent())
        json["not_sent_reason"] = utf8(record.notSentReason);
    if (!record.faults.isEmpty())
        json["faults"] = stringList(record.faults);
    if (record.duplicateOf)
        json["duplicate_of"] = *record.duplicateOf;
    if (record.sameAnswerAsOriginal)
        json["same_answer_as_original"] = *record.sameAnswerAsOriginal;
    return json;
}

RunRecord RunRecordCodec::fromJson(const Json &json, const QByteArray &requestBody,
                                   const QByteArray &responseBody)
{
    RunRecord record;
    record.index = json.value("index", 0);
    record.label = text(json, "label");
    record.windowStart = json.value("window_start", 0.0);
    record.windowEnd = json.value("window_end", 0.0);
    record.segmentCount = json.value("segments", 0);
    record.scheduledMs = json.value("scheduled_ms", qint64(0));
    record.sentMs = json.value("sent_ms", qint64(0));
    record.payloadBytes = json.value("payload_bytes", qint64(requestBody.size()));
    record.sentAt = QDateTime::fromString(text(json, "sent_at"), Qt::ISODateWithMs);
    record.result = resultFromJson(json.value("result", Json::object()), requestBody, responseBody);
    record.verdict = verdictFromJson(json.value("verdict", Json::object()));
    record.notSentReason = text(json, "not_sent_reason");
    record.faults = stringList(json, "faults");
    if (const auto copy = json.find("duplicate_of"); copy != json.end() && copy->is_number_integer())
        record.duplicateOf = copy->get<int>();
    if (const auto same = json.find("same_answer_as_original");
        same != json.end() && same->is_boolean())
        record.sameAnswerAsOriginal = same->get<bool>();
    return record;
}

} // namespace studio
