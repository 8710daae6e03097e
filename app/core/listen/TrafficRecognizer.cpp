#include "TrafficRecognizer.h"

#include <QLocale>

namespace studio {

QString CaughtRequest::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Memory:
        return QStringLiteral("memory_creation");
    case Kind::Transcript:
        return QStringLiteral("transcript_processed");
    case Kind::Other:
        break;
    }
    return QStringLiteral("other");
}

namespace {

RecognizedRequest other(const QString &reason)
{
    RecognizedRequest recognized;
    recognized.reason = reason;
    return recognized;
}

bool has(const Json &object, const char *key)
{
    return object.contains(key);
}

QString sessionOf(const Json &body, const HttpServerRequest &request)
{
    const auto found = body.find("session_id");
    if (found != body.end() && found->is_string() && !found->get<std::string>().empty())
        return QString::fromStdString(found->get<std::string>());
    const QString uid =
        request.query().queryItemValue(QStringLiteral("uid"), QUrl::FullyDecoded);
    return uid.isEmpty() ? QStringLiteral("unknown") : uid;
}

} // namespace

RecognizedRequest TrafficRecognizer::recognize(const HttpServerRequest &request)
{
    if (request.body.isEmpty())
        return other(QStringLiteral("a %1 without a body").arg(QString::fromLatin1(request.method)));
    JsonParseOptions options;
    options.recordSourceMap = false;
    options.dialect = JsonDialect::PythonJsonLoads; // what the app's backend sends
    JsonParseResult parsed = parseJson(
        std::string_view(request.body.constData(), std::size_t(request.body.size())), options);
    if (!parsed.ok()) {
        const QByteArray type = request.header("Content-Type");
        return other(QStringLiteral("not JSON (%1, %2): %3")
                         .arg(type.isEmpty() ? QStringLiteral("no Content-Type")
                                             : QString::fromLatin1(type),
                              QLocale::c().formattedDataSize(request.body.size(), 1,
                                                             QLocale::DataSizeSIFormat),
                              QString::fromStdString(parsed.error->message)));
    }
    if (!parsed.value.is_object())
        return other(QStringLiteral("JSON, but not an object"));

    RecognizedRequest recognized;
    recognized.body = std::move(parsed.value);
    const Json &body = recognized.body;
    if (has(body, "transcript_segments") || has(body, "transcriptSegments") ||
        (has(body, "structured") && has(body, "created_at"))) {
        recognized.kind = CaughtRequest::Kind::Memory;
    } else if (has(body, "segments") && body["segments"].is_array()) {
        recognized.kind = CaughtRequest::Kind::Transcript;
        recognized.session = sessionOf(body, request);
    } else {
        return other(QStringLiteral("a JSON object that is neither a memory nor a transcript "
                                    "batch"));
    }
    return recognized;
}

} // namespace studio
