#include "HarWriter.h"

#include "HarTimings.h"
#include "io/TextFile.h"

#include <QStringDecoder>
#include <QUrl>
#include <QUrlQuery>

namespace studio {

namespace {

constexpr const char *kPageId = "run";

std::string utf8(const QString &text)
{
    return text.toStdString();
}

QString isoTime(const QDateTime &time)
{
    return time.toOffsetFromUtc(time.offsetFromUtc()).toString(Qt::ISODateWithMs);
}

QByteArray headerValue(const HttpHeaders &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

Json headerList(const HttpHeaders &headers)
{
    Json list = Json::array();
    for (const auto &[name, value] : headers)
        list.push_back({{"name", name.toStdString()}, {"value", value.toStdString()}});
    return list;
}

// "HTTP/1.1 201 Created" -> {"HTTP/1.1", "Created"}
std::pair<QString, QString> splitStatusLine(const QByteArray &statusLine)
{
    const QList<QByteArray> parts = statusLine.trimmed().split(' ');
    if (parts.isEmpty() || !parts.front().startsWith("HTTP"))
        return {};
    const QString version = QString::fromLatin1(parts.front());
    QStringList text;
    for (qsizetype i = 2; i < parts.size(); ++i)
        text.append(QString::fromLatin1(parts[i]));
    return {version, text.join(QLatin1Char(' '))};
}

// Text when the bytes are UTF-8, else base64 (HAR's content.encoding).
Json contentText(const QByteArray &bytes, Json &content)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(bytes);
    if (!decoder.hasError())
        return utf8(text);
    content["encoding"] = "base64";
    return bytes.toBase64().toStdString();
}

Json entry(const RunRecord &record, const RunInfo &info)
{
    const HttpResult &result = record.result;
    const HttpHeaders &requestHeaders =
        result.requestHeaders.isEmpty() ? result.request.headers : result.requestHeaders;
    const auto [version, statusText] = splitStatusLine(result.statusLine);
    const QString httpVersion = version.isEmpty() ? QStringLiteral("HTTP/1.1") : version;

    Json queryString = Json::array();
    const QUrl url(result.request.url);
    for (const auto &[name, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
        queryString.push_back({{"name", utf8(name)}, {"value", utf8(value)}});

    Json request = {{"method", result.request.method.toStdString()},
                    {"url", utf8(result.request.url)},
                    {"httpVersion", utf8(httpVersion)},
                    {"cookies", Json::array()},
                    {"headers", headerList(requestHeaders)},
                    {"queryString", queryString},
                    {"headersSize", -1},
                    {"bodySize", result.request.body.size()}};
    if (!result.request.body.isEmpty() || result.request.method == "POST") {
        QByteArray mimeType = headerValue(requestHeaders, "Content-Type");
        if (mimeType.isEmpty())
            mimeType = "application/json";
        Json postData = {{"mimeType", mimeType.toStdString()}, {"params", Json::array()}};
        postData["text"] = contentText(result.request.body, postData);
        request["postData"] = postData;
    }

    const bool answered = result.status > 0;
    QByteArray responseType = headerValue(result.responseHeaders, "Content-Type");
    Json content = {{"size", answered ? result.bodyBytesReceived : 0},
                    {"mimeType", answered && !responseType.isEmpty() ? responseType.toStdString()
                                                                     : std::string("x-unknown")}};
    content["text"] = contentText(result.body, content);
    if (result.truncated)
        content["comment"] = "cut at the studio's response size limit";
    Json response = {{"status", result.status},
                     {"statusText", utf8(statusText)},
                     {"httpVersion", answered ? utf8(httpVersion) : std::string()},
                     {"cookies", Json::array()},
                     {"headers", headerList(result.responseHeaders)},
                     {"content", content},
                     {"redirectURL", headerValue(result.responseHeaders, "Location").toStdString()},
                     {"headersSize", -1},
                     {"bodySize", answered ? result.bodyBytesReceived : -1}};
    if (result.error != HttpError::None)
        response["_error"] =
            utf8(result.errorMessage.isEmpty() ? httpErrorName(result.error) : result.errorMessage);
    if (!record.sent())
        response["_error"] = utf8(record.notSentReason);

    const HarTimings timings = HarTimings::fromHttp(result.timings);
    const QDateTime started =
        record.sentAt.isValid() ? record.sentAt : info.startedAt.addMSecs(record.sentMs);
    Json item = {{"pageref", kPageId},
                 {"startedDateTime", utf8(isoTime(started))},
                 {"time", timings.total()},
                 {"request", request},
                 {"response", response},
                 {"cache", Json::object()},
                 {"timings",
                  {{"blocked", timings.blocked},
                   {"dns", timings.dns},
                   {"connect", timings.connect},
                   {"ssl", timings.ssl},
                   {"send", timings.send},
                   {"wait", timings.wait},
                   {"receive", timings.receive}}}};
    item["_index"] = record.index;
    item["_label"] = utf8(record.label);
    item["_scheduledMs"] = record.scheduledMs;
    item["_sentMs"] = record.sentMs;
    item["_verdict"] = record.sent() ? utf8(record.verdict.kindName()) : "not sent";
    item["_reason"] = utf8(record.outcomeReason());
    if (!record.sent())
        item["_notSent"] = true;
    if (!result.redirects.isEmpty()) {
        // HAR has one entry per hop; the engine reports the hops of one exchange instead.
        Json hops = Json::array();
        for (const HttpRedirect &hop : result.redirects)
            hops.push_back({{"status", hop.status}, {"location", utf8(hop.location)}});
        item["_redirects"] = hops;
        item["_finalUrl"] = utf8(result.finalUrl);
    }
    return item;
}

} // namespace

Json HarWriter::build(const QList<RunRecord> &records, const RunInfo &info)
{
    Json entries = Json::array();
    for (const RunRecord &record : records)
        entries.push_back(entry(record, info));
    const QDateTime started =
        info.startedAt.isValid() ? info.startedAt : QDateTime::currentDateTime();
    Json page = {{"startedDateTime", utf8(isoTime(started))},
                 {"id", kPageId},
                 {"title", utf8(QStringLiteral("%1 - %2").arg(info.pluginId, info.trigger))},
                 {"pageTimings", {{"onContentLoad", -1}, {"onLoad", -1}}}};
    Json log = {{"version", "1.2"},
                {"creator", {{"name", "Plugin Studio"}, {"version", STUDIO_VERSION}}},
                {"pages", Json::array({page})},
                {"entries", entries}};
    return {{"log", log}};
}

std::string HarWriter::render(const QList<RunRecord> &records, const RunInfo &info)
{
    return build(records, info).dump(2, ' ', false, Json::error_handler_t::replace) + '\n';
}

std::string HarWriter::write(const QString &path, const QList<RunRecord> &records,
                             const RunInfo &info)
{
    return TextFile::writeAtomically(path, render(records, info));
}

} // namespace studio
