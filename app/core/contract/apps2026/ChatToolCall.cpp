#include "ChatToolCall.h"

#include "ConversationPayload.h"
#include "ToolCallSignature.h"
#include "WebhookSignature.h"

#include <cmath>

namespace studio::chat_tool_call {

namespace {

bool matchesType(const Json &value, const std::string &type)
{
    if (type == "string")
        return value.is_string();
    if (type == "integer")
        return value.is_number_integer() ||
               (value.is_number_float() && std::trunc(value.get<double>()) == value.get<double>());
    if (type == "number")
        return value.is_number();
    if (type == "boolean")
        return value.is_boolean();
    return value.is_array();
}

// A query value as Python's str() writes it: requests does that for every parameter.
QByteArray pythonText(const Json &value)
{
    if (value.is_string())
        return QByteArray::fromStdString(value.get<std::string>());
    if (value.is_boolean())
        return value.get<bool>() ? "True" : "False";
    if (value.is_null())
        return "None";
    return QByteArray::fromStdString(value.dump());
}

QByteArray formEncoded(const QByteArray &text)
{
    return text.toPercentEncoding(" ").replace(' ', '+'); // urlencode's quote_plus
}

QByteArray queryOf(const Json &fields)
{
    QByteArray query;
    const auto add = [&query](const std::string &name, const Json &value) {
        if (value.is_null())
            return; // requests leaves None out
        if (!query.isEmpty())
            query += '&';
        query += formEncoded(QByteArray::fromStdString(name)) + '=' + formEncoded(pythonText(value));
    };
    for (const auto &[name, value] : fields.items()) {
        if (value.is_array())
            for (const Json &item : value)
                add(name, item);
        else
            add(name, value);
    }
    return query;
}

QString errorText(const HttpResult &result)
{
    return QString::fromUtf8(result.body).trimmed();
}

} // namespace

HttpRequest manifestRequest(const QString &url)
{
    HttpRequest request;
    request.method = "GET";
    request.url = url;
    request.headers = {{QByteArray("Accept"), QByteArray("application/json")}};
    request.timeoutMs = kManifestTimeoutMs;
    return request;
}

std::optional<Json> typedValue(const ChatToolParameter &parameter, const QString &text,
                               std::string &error)
{
    const std::string &type = parameter.type;
    const std::string expected = "'" + parameter.name + "' is " +
                                 (type == "integer" ? "an " : "a ") + type + ", not '" +
                                 text.toStdString() + "'";
    if (type == "string")
        return Json(text.toStdString());
    if (type == "boolean") {
        if (text == u"true" || text == u"false")
            return Json(text == u"true");
        error = expected + " (true or false)";
        return std::nullopt;
    }
    if (type == "integer") {
        bool ok = false;
        const qlonglong value = text.toLongLong(&ok);
        if (ok)
            return Json(static_cast<std::int64_t>(value));
        error = expected;
        return std::nullopt;
    }
    if (type == "number") {
        bool ok = false;
        const double value = text.toDouble(&ok);
        if (ok && std::isfinite(value))
            return Json(value);
        error = expected;
        return std::nullopt;
    }
    const JsonParseResult parsed = parseJson(text.toStdString());
    if (parsed.ok() && parsed.value.is_array())
        return parsed.value;
    error = expected + " (write the array as JSON: [\"a\", \"b\"])";
    return std::nullopt;
}

std::string checkArguments(const ChatTool &tool, const Json &arguments)
{
    if (!arguments.is_object())
        return "the arguments must be a JSON object";
    for (const auto &[name, value] : arguments.items()) {
        const ChatToolParameter *parameter = tool.parameter(name);
        if (!parameter)
            return "tool '" + tool.name + "' has no parameter '" + name + "'";
        if (!matchesType(value, parameter->type))
            return "'" + name + "' is " + (parameter->type == "integer" ? "an " : "a ") +
                   parameter->type + ", not " + value.dump();
    }
    for (const ChatToolParameter &parameter : tool.parameters)
        if (parameter.required && !arguments.contains(parameter.name))
            return "tool '" + tool.name + "' requires '" + parameter.name + "' (" +
                   parameter.type + ")";
    return {};
}

HttpRequest request(const ChatTool &tool, const Json &arguments, const CallContext &context)
{
    Json fields = arguments;
    fields["uid"] = context.uid.toStdString();
    fields["app_id"] = context.appId.toStdString();
    fields["tool_name"] = tool.name;

    HttpRequest request;
    request.method = QByteArray::fromStdString(tool.method);
    request.timeoutMs = kTimeoutMs;
    request.url = tool.url;
    if (tool.sendsQuery()) {
        request.url += (tool.url.contains(u'?') ? u'&' : u'?') + QString::fromLatin1(queryOf(fields));
    } else {
        request.body = ConversationPayload::bytes(fields);
        request.headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
    }
    if (!context.signingSecret.isEmpty()) {
        namespace names = webhook_signature;
        request.headers.append(
            {QByteArray(names::kSignatureHeader),
             tool_call_signature::headerValue(context.signingSecret, context.unixSeconds,
                                              context.deliveryId, request.method, request.url,
                                              request.body)});
        request.headers.append({QByteArray(names::kEventHeader), QByteArray(tool_call_signature::kEvent)});
        request.headers.append({QByteArray(names::kDeliveryHeader), context.deliveryId});
    }
    return request;
}

ToolAnswer answer(const ChatTool &tool, const HttpResult &result)
{
    const QString name = QString::fromStdString(tool.name);
    if (!result.succeeded())
        return {ToolAnswer::Kind::Failed,
                QStringLiteral("Error calling %1: %2").arg(name, failureText(result))};
    if (result.status == 401 || result.status == 403)
        return {ToolAnswer::Kind::Unavailable,
                QStringLiteral("%1 is unavailable (HTTP %2)").arg(name).arg(result.status)};
    if (result.status < 200 || result.status > 299)
        return {ToolAnswer::Kind::Error, QStringLiteral("Error calling %1: HTTP %2 - %3")
                                             .arg(name)
                                             .arg(result.status)
                                             .arg(errorText(result))};
    const JsonParseResult parsed = parseJson(result.body.toStdString());
    const auto member = [&](const char *key) -> const Json * {
        if (!parsed.ok() || !parsed.value.is_object() || !parsed.value.contains(key))
            return nullptr;
        return &parsed.value[key];
    };
    const auto asText = [](const Json &value) {
        return QString::fromStdString(value.is_string() ? value.get<std::string>()
                                                        : value.dump(-1, ' ', false,
                                                                     Json::error_handler_t::replace));
    };
    if (const Json *value = member("result"))
        return {ToolAnswer::Kind::Result, asText(*value)};
    if (const Json *value = member("message"))
        return {ToolAnswer::Kind::Message, asText(*value)};
    return {ToolAnswer::Kind::Raw, QString::fromUtf8(result.body)};
}

QString failureText(const HttpResult &result)
{
    if (result.error != HttpError::Timeout)
        return result.errorMessage;
    return QStringLiteral("no answer within %1 s, the backend's limit")
        .arg(result.request.timeoutMs / 1000);
}

QString kindName(ToolAnswer::Kind kind)
{
    switch (kind) {
    case ToolAnswer::Kind::Result:
        return QStringLiteral("result");
    case ToolAnswer::Kind::Message:
        return QStringLiteral("message");
    case ToolAnswer::Kind::Raw:
        return QStringLiteral("raw");
    case ToolAnswer::Kind::Error:
        return QStringLiteral("error");
    case ToolAnswer::Kind::Unavailable:
        return QStringLiteral("unavailable");
    case ToolAnswer::Kind::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("raw");
}

} // namespace studio::chat_tool_call
