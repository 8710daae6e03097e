#include "IntegrationRequests.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>
#include <algorithm>
#include <limits>

namespace studio {

namespace {

// A field of a pydantic v1 model: `Required` (no default: absent is "field required"),
// `Defaulted` (a default, but null is refused) or `Nullable` (Optional[...]: null is None).
enum class Presence
{
    Required,
    Defaulted,
    Nullable,
};

Json locPlus(Json loc, const Json &name)
{
    loc.push_back(name);
    return loc;
}

// What a field holds: a value, nothing (absent or None, and allowed), or a problem (added).
template <typename T>
struct Read
{
    std::optional<T> value;
    bool failed = false;
};

// Finds `name` in `object` and checks its presence; `convert` turns a present, non-null
// value into a T or adds a problem and returns nullopt.
template <typename T, typename Convert>
Read<T> field(const Json &object, const Json &loc, const char *name, Presence presence,
              RequestProblems &problems, Convert convert)
{
    const Json at = locPlus(loc, name);
    const auto it = object.find(name);
    if (it == object.end()) {
        if (presence == Presence::Required) {
            problems.add(at, "field required", "value_error.missing");
            return {std::nullopt, true};
        }
        return {};
    }
    if (it->is_null()) {
        if (presence == Presence::Nullable)
            return {};
        problems.add(at, "none is not an allowed value", "type_error.none.not_allowed");
        return {std::nullopt, true};
    }
    std::optional<T> value = convert(*it, at, problems);
    return {std::move(value), !value.has_value()};
}

// str_validator: strings, and numbers as Python's str() writes them; nothing else.
std::optional<QString> toStr(const Json &value, const Json &loc, RequestProblems &problems)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_boolean())
        return value.get<bool>() ? QStringLiteral("True") : QStringLiteral("False");
    if (value.is_number())
        return QString::fromStdString(value.dump());
    problems.add(loc, "str type expected", "type_error.str");
    return std::nullopt;
}

// float(v): numbers, booleans and the strings Python's float() reads.
std::optional<double> floatOf(const Json &value)
{
    if (value.is_boolean())
        return value.get<bool>() ? 1.0 : 0.0;
    if (value.is_number())
        return value.get<double>();
    if (!value.is_string())
        return std::nullopt;
    const QString text = QString::fromStdString(value.get<std::string>()).trimmed().toLower();
    const QString unsigned_ = text.startsWith(u'+') || text.startsWith(u'-') ? text.mid(1) : text;
    const double sign = text.startsWith(u'-') ? -1.0 : 1.0;
    if (unsigned_ == u"inf" || unsigned_ == u"infinity")
        return sign * std::numeric_limits<double>::infinity();
    if (unsigned_ == u"nan")
        return std::numeric_limits<double>::quiet_NaN();
    bool ok = false;
    const double number = text.toDouble(&ok);
    return ok ? std::optional<double>(number) : std::nullopt;
}

std::optional<double> toFloat(const Json &value, const Json &loc, RequestProblems &problems)
{
    const std::optional<double> number = floatOf(value);
    if (!number)
        problems.add(loc, "value is not a valid float", "type_error.float");
    return number;
}

std::optional<QDateTime> toDateTime(const Json &value, const Json &loc, RequestProblems &problems)
{
    if (value.is_structured()) {
        problems.add(loc, "invalid type; expected datetime, string, bytes, int or float",
                     "type_error");
        return std::nullopt;
    }
    std::optional<QDateTime> when = IntegrationRequests::dateTime(value);
    if (!when)
        problems.add(loc, "invalid datetime format", "value_error.datetime");
    return when;
}

// A str Enum: the value must be one of `permitted`.
auto toEnum(std::initializer_list<const char *> permitted)
{
    return [permitted](const Json &value, const Json &loc,
                       RequestProblems &problems) -> std::optional<QString> {
        if (value.is_string()) {
            for (const char *member : permitted) {
                if (value.get<std::string>() == member)
                    return QString::fromLatin1(member);
            }
        }
        std::string list;
        Json values = Json::array();
        for (const char *member : permitted) {
            list += (list.empty() ? "'" : ", '") + std::string(member) + "'";
            values.push_back(member);
        }
        problems.add(loc, "value is not a valid enumeration member; permitted: " + list,
                     "type_error.enum", Json{{"enum_values", values}});
        return std::nullopt;
    };
}

bool isDict(const Json &value, const Json &loc, RequestProblems &problems)
{
    if (value.is_object())
        return true;
    problems.add(loc, "value is not a valid dict", "type_error.dict");
    return false;
}

bool isList(const Json &value, const Json &loc, RequestProblems &problems)
{
    if (value.is_array())
        return true;
    problems.add(loc, "value is not a valid list", "type_error.list");
    return false;
}

std::optional<GeolocationRequest> toGeolocation(const Json &value, const Json &loc,
                                                RequestProblems &problems)
{
    if (!isDict(value, loc, problems))
        return std::nullopt;
    GeolocationRequest geo;
    const auto place = field<QString>(value, loc, "google_place_id", Presence::Nullable, problems, toStr);
    const auto latitude = field<double>(value, loc, "latitude", Presence::Required, problems, toFloat);
    const auto longitude = field<double>(value, loc, "longitude", Presence::Required, problems, toFloat);
    const auto address = field<QString>(value, loc, "address", Presence::Nullable, problems, toStr);
    const auto type = field<QString>(value, loc, "location_type", Presence::Nullable, problems, toStr);
    if (place.failed || latitude.failed || longitude.failed || address.failed || type.failed)
        return std::nullopt;
    geo.googlePlaceId = place.value;
    geo.latitude = *latitude.value;
    geo.longitude = *longitude.value;
    geo.address = address.value;
    geo.locationType = type.value;
    return geo;
}

std::optional<QStringList> toStrList(const Json &value, const Json &loc, RequestProblems &problems)
{
    if (!isList(value, loc, problems))
        return std::nullopt;
    QStringList list;
    bool failed = false;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const Json at = locPlus(loc, i);
        if (value[i].is_null()) {
            problems.add(at, "none is not an allowed value", "type_error.none.not_allowed");
            failed = true;
        } else if (const std::optional<QString> text = toStr(value[i], at, problems)) {
            list.append(*text);
        } else {
            failed = true;
        }
    }
    return failed ? std::nullopt : std::optional<QStringList>(list);
}

std::optional<QList<ExplicitMemoryRequest>> toMemories(const Json &value, const Json &loc,
                                                       RequestProblems &problems)
{
    if (!isList(value, loc, problems))
        return std::nullopt;
    QList<ExplicitMemoryRequest> memories;
    bool failed = false;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const Json at = locPlus(loc, i);
        if (value[i].is_null()) {
            problems.add(at, "none is not an allowed value", "type_error.none.not_allowed");
            failed = true;
            continue;
        }
        if (!isDict(value[i], at, problems)) {
            failed = true;
            continue;
        }
        const auto content = field<QString>(value[i], at, "content", Presence::Required, problems, toStr);
        const auto tags = field<QStringList>(value[i], at, "tags", Presence::Nullable, problems, toStrList);
        if (content.failed || tags.failed) {
            failed = true;
            continue;
        }
        memories.append({*content.value, tags.value.value_or(QStringList())});
    }
    return failed ? std::nullopt : std::optional<QList<ExplicitMemoryRequest>>(memories);
}

// Python's int() of a query string: digits with an optional sign, blanks around.
std::optional<qint64> intOf(const QString &text)
{
    static const QRegularExpression digits(QStringLiteral("^\\s*([+-]?)0*(\\d+)\\s*$"));
    const QRegularExpressionMatch match = digits.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const bool negative = match.captured(1) == u"-";
    bool ok = false;
    const qint64 magnitude = match.captured(2).toLongLong(&ok);
    // Beyond 64 bits it is still an integer, only out of every range checked here.
    if (!ok)
        return negative ? std::numeric_limits<qint64>::min() : std::numeric_limits<qint64>::max();
    return negative ? -magnitude : magnitude;
}

std::optional<bool> boolOf(const QString &text)
{
    const QString lower = text.toLower();
    for (const char *yes : {"1", "on", "t", "true", "y", "yes"}) {
        if (lower == QLatin1String(yes))
            return true;
    }
    for (const char *no : {"0", "off", "f", "false", "n", "no"}) {
        if (lower == QLatin1String(no))
            return false;
    }
    return std::nullopt;
}

// An int query parameter with its bounds (Query(default, ge=, le=)).
std::optional<int> boundedInt(const QueryItems &query, const char *name, int fallback,
                              std::optional<int> ge, std::optional<int> le,
                              RequestProblems &problems)
{
    const QString key = QString::fromLatin1(name);
    if (!query.contains(key))
        return fallback;
    const Json loc = Json::array({"query", name});
    const std::optional<qint64> number = intOf(query.value(key));
    if (!number) {
        problems.add(loc, "value is not a valid integer", "type_error.integer");
        return std::nullopt;
    }
    if (ge && *number < *ge) {
        problems.add(loc, "ensure this value is greater than or equal to " + std::to_string(*ge),
                     "value_error.number.not_ge", Json{{"limit_value", *ge}});
        return std::nullopt;
    }
    if (le && *number > *le) {
        problems.add(loc, "ensure this value is less than or equal to " + std::to_string(*le),
                     "value_error.number.not_le", Json{{"limit_value", *le}});
        return std::nullopt;
    }
    // Python's int has no top: an offset beyond any list reads as the largest one here.
    return int(std::clamp<qint64>(*number, std::numeric_limits<int>::min(),
                                  std::numeric_limits<int>::max()));
}

// Python's json.JSONDecodeError words for what the parser found (its offsets agree).
std::string pythonWords(const std::string &message)
{
    const auto has = [&message](const char *words) {
        return message.find(words) != std::string::npos;
    };
    if (has("after the end of the JSON value"))
        return "Extra data";
    if (has("member name") || has("trailing comma before '}'"))
        return "Expecting property name enclosed in double quotes";
    if (has("expected ':'"))
        return "Expecting ':' delimiter";
    if (has("expected ',' or") || has("leading zeros"))
        return "Expecting ',' delimiter";
    if (has("unterminated string"))
        return "Unterminated string starting at";
    if (has("escape"))
        return "Invalid \\escape";
    if (has("control character"))
        return "Invalid control character at";
    return "Expecting value";
}

} // namespace

void RequestProblems::add(Json loc, const std::string &msg, const std::string &type, Json ctx)
{
    Json problem = {{"loc", std::move(loc)}, {"msg", msg}, {"type", type}};
    if (!ctx.is_null())
        problem["ctx"] = std::move(ctx);
    m_detail.push_back(std::move(problem));
}

QByteArray RequestProblems::body() const
{
    return QByteArray::fromStdString(Json{{"detail", m_detail}}.dump());
}

QString RequestProblems::summary() const
{
    if (m_detail.empty())
        return {};
    const Json &first = m_detail.front();
    QStringList loc;
    for (const Json &part : first.at("loc"))
        loc.append(part.is_string() ? QString::fromStdString(part.get<std::string>())
                                    : QString::fromStdString(part.dump()));
    QString text = loc.join(u'.') + QStringLiteral(": ") +
                   QString::fromStdString(first.at("msg").get<std::string>());
    if (m_detail.size() > 1)
        text += QStringLiteral(" (and %1 more)").arg(m_detail.size() - 1);
    return text;
}

QueryItems IntegrationRequests::query(const QByteArray &target)
{
    QueryItems items;
    const qsizetype mark = target.indexOf('?');
    if (mark < 0)
        return items;
    const QByteArray query = target.mid(mark + 1);
    for (const QByteArray &pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        // parse_qsl with keep_blank_values, as Starlette calls it: "uid" and "uid=" are "".
        QByteArray name = equals < 0 ? pair : pair.left(equals);
        QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        items.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
                     QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return items;
}

std::optional<QString> IntegrationRequests::required(const QueryItems &query, const QString &name,
                                                     RequestProblems &problems)
{
    if (const auto it = query.constFind(name); it != query.constEnd())
        return *it;
    problems.add(Json::array({"query", name.toStdString()}), "field required",
                 "value_error.missing");
    return std::nullopt;
}

std::optional<ListRequest> IntegrationRequests::list(const QueryItems &query, bool withDiscarded,
                                                     RequestProblems &problems)
{
    ListRequest list;
    const std::optional<int> limit = boundedInt(query, "limit", 100, 1, 1000, problems);
    const std::optional<int> offset = boundedInt(query, "offset", 0, 0, std::nullopt, problems);
    std::optional<bool> discarded = false;
    if (withDiscarded && query.contains(QStringLiteral("include_discarded"))) {
        discarded = boolOf(query.value(QStringLiteral("include_discarded")));
        if (!discarded)
            problems.add(Json::array({"query", "include_discarded"}),
                         "value could not be parsed to a boolean", "type_error.bool");
    }
    if (!limit || !offset || !discarded)
        return std::nullopt;
    list.limit = *limit;
    list.offset = *offset;
    list.includeDiscarded = *discarded;
    return list;
}

std::optional<Json> IntegrationRequests::bodyObject(const QByteArray &contentType,
                                                    const QByteArray &body,
                                                    RequestProblems &problems)
{
    const Json loc = Json::array({"body"});
    if (body.isEmpty()) {
        problems.add(loc, "field required", "value_error.missing");
        return std::nullopt;
    }
    // FastAPI reads the body as JSON when the type is absent, application/json or
    // application/*+json; any other type leaves it bytes, which are not a dict.
    const QByteArray mime = contentType.split(';').first().trimmed().toLower();
    const bool json = mime.isEmpty() || mime == "application/json" ||
                      (mime.startsWith("application/") && mime.endsWith("+json"));
    if (!json) {
        problems.add(loc, "value is not a valid dict", "type_error.dict");
        return std::nullopt;
    }
    JsonParseOptions options;
    options.recordSourceMap = false;
    options.dialect = JsonDialect::PythonJsonLoads;
    const std::string text = body.toStdString();
    JsonParseResult parsed = parseJson(text, options);
    if (parsed.error) {
        const std::size_t offset = std::min(parsed.error->offset, text.size());
        const std::size_t lineStart = text.rfind('\n', offset == 0 ? 0 : offset - 1);
        const int line = 1 + int(std::count(text.begin(), text.begin() + qsizetype(offset), '\n'));
        const std::size_t column =
            lineStart == std::string::npos || offset == 0 ? offset + 1 : offset - lineStart;
        const std::string words = pythonWords(parsed.error->message);
        problems.add(Json::array({"body", offset}),
                     words + ": line " + std::to_string(line) + " column " +
                         std::to_string(column) + " (char " + std::to_string(offset) + ")",
                     "value_error.jsondecode",
                     Json{{"msg", words},
                          {"doc", QString::fromUtf8(body).toStdString()},
                          {"pos", offset},
                          {"lineno", line},
                          {"colno", column}});
        return std::nullopt;
    }
    if (parsed.value.is_null()) {
        problems.add(loc, "field required", "value_error.missing");
        return std::nullopt;
    }
    if (!isDict(parsed.value, loc, problems))
        return std::nullopt;
    return std::move(parsed.value);
}

std::optional<CreateConversationRequest>
IntegrationRequests::createConversation(const Json &body, RequestProblems &problems)
{
    const Json loc = Json::array({"body"});
    const auto started = field<QDateTime>(body, loc, "started_at", Presence::Nullable, problems, toDateTime);
    const auto finished = field<QDateTime>(body, loc, "finished_at", Presence::Nullable, problems, toDateTime);
    const auto text = field<QString>(body, loc, "text", Presence::Required, problems, toStr);
    const auto source = field<QString>(body, loc, "text_source", Presence::Defaulted, problems,
                                       toEnum({"audio_transcript", "message", "other_text"}));
    const auto spec = field<QString>(body, loc, "text_source_spec", Presence::Nullable, problems, toStr);
    const auto geolocation = field<GeolocationRequest>(body, loc, "geolocation", Presence::Nullable,
                                                       problems, toGeolocation);
    const auto language = field<QString>(body, loc, "language", Presence::Nullable, problems, toStr);
    if (started.failed || finished.failed || text.failed || source.failed || spec.failed ||
        geolocation.failed || language.failed)
        return std::nullopt;
    CreateConversationRequest request;
    request.startedAt = started.value;
    request.finishedAt = finished.value;
    request.text = *text.value;
    if (source.value)
        request.textSource = *source.value;
    request.textSourceSpec = spec.value;
    request.geolocation = geolocation.value;
    request.language = language.value;
    return request;
}

std::optional<CreateMemoriesRequest> IntegrationRequests::createMemories(const Json &body,
                                                                         RequestProblems &problems)
{
    const Json loc = Json::array({"body"});
    const auto text = field<QString>(body, loc, "text", Presence::Nullable, problems, toStr);
    const auto source = field<QString>(body, loc, "text_source", Presence::Defaulted, problems,
                                       toEnum({"email", "social_post", "other"}));
    const auto spec = field<QString>(body, loc, "text_source_spec", Presence::Nullable, problems, toStr);
    const auto appId = field<QString>(body, loc, "app_id", Presence::Nullable, problems, toStr);
    const auto memories = field<QList<ExplicitMemoryRequest>>(body, loc, "memories",
                                                              Presence::Nullable, problems, toMemories);
    if (text.failed || source.failed || spec.failed || appId.failed || memories.failed)
        return std::nullopt;
    CreateMemoriesRequest request;
    request.text = text.value;
    if (source.value)
        request.textSource = *source.value;
    request.textSourceSpec = spec.value;
    request.memories = memories.value.value_or(QList<ExplicitMemoryRequest>());
    return request;
}

std::optional<QDateTime> IntegrationRequests::dateTime(const Json &value)
{
    // A number, or a string that is one, is unix time (pydantic v1's from_unix_seconds).
    std::optional<double> seconds;
    if (value.is_number() || value.is_boolean()) {
        seconds = floatOf(value);
    } else if (value.is_string()) {
        const std::optional<double> number = floatOf(value);
        if (number && std::isfinite(*number))
            seconds = number;
    } else {
        return std::nullopt;
    }
    if (seconds) {
        double s = *seconds;
        if (!std::isfinite(s))
            return std::nullopt;
        while (std::abs(s) > 2e10)
            s /= 1000;
        return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(s * 1000)), QTimeZone::utc());
    }
    static const QRegularExpression iso(QStringLiteral(
        "^(\\d{4})-(\\d{1,2})-(\\d{1,2})[T ](\\d{1,2}):(\\d{1,2})"
        "(?::(\\d{1,2})(?:\\.(\\d{1,6})\\d{0,6})?)?(Z|[+-]\\d{2}(?::?\\d{2})?)?$"));
    const QRegularExpressionMatch match =
        iso.match(QString::fromStdString(value.get<std::string>()));
    if (!match.hasMatch())
        return std::nullopt;
    const QDate date(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    const int micro = match.captured(7).leftJustified(6, u'0').toInt();
    const QTime time(match.captured(4).toInt(), match.captured(5).toInt(),
                     match.captured(6).toInt(), micro / 1000);
    if (!date.isValid() || !time.isValid() || date.year() < 1)
        return std::nullopt;
    const QString zone = match.captured(8);
    int offsetSeconds = 0;
    if (!zone.isEmpty() && zone != u"Z") {
        const int minutes = zone.size() > 3 ? zone.right(2).toInt() : 0;
        offsetSeconds = (zone.mid(1, 2).toInt() * 60 + minutes) * 60;
        if (offsetSeconds >= 24 * 3600)
            return std::nullopt;
        if (zone.startsWith(u'-'))
            offsetSeconds = -offsetSeconds;
    }
    // Without an offset the backend stores the time as it came; here it is read as UTC.
    // Python allows offsets up to 24 h, beyond what QTimeZone takes: applied by hand.
    return QDateTime(date, time, QTimeZone::utc()).addSecs(-offsetSeconds);
}

} // namespace studio
