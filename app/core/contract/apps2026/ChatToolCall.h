#pragma once

#include "ChatToolsManifest.h"
#include "http/HttpExchange.h"
#include "json/JsonParser.h"

#include <QString>

#include <optional>
#include <string>

namespace studio::chat_tool_call {

inline constexpr int kTimeoutMs = 120'000;      // a tool call (app_tools.py)
inline constexpr int kManifestTimeoutMs = 10'000; // fetching omi-tools.json

// GET <url>, Accept: application/json, 10 s: the manifest as the backend fetches it.
HttpRequest manifestRequest(const QString &url);

// A value given as text ("--arg count=3"), typed by the parameter's schema: a string as is,
// an integer, a number, true/false, or an array written as JSON. nullopt and `error` when
// the text is not of that type.
std::optional<Json> typedValue(const ChatToolParameter &parameter, const QString &text,
                               std::string &error);

// What the chat model could send: every name a declared parameter with a value of its type,
// every required parameter present. Empty when fine, else what is wrong.
std::string checkArguments(const ChatTool &tool, const Json &arguments);

struct CallContext
{
    QString uid;
    QString appId;
    QString signingSecret; // empty: unsigned
    qint64 unixSeconds = 0;
    QByteArray deliveryId;
};

// The call as the backend makes it: {...arguments, uid, app_id, tool_name} as a compact JSON
// body (POST, PUT, PATCH) or as query parameters (GET, as Python's requests writes them:
// True/False, repeated names for an array), 120 s, signed (v2, X-Omi-Event: chat_tool) when
// there is a secret.
HttpRequest request(const ChatTool &tool, const Json &arguments, const CallContext &context);

// What the chat model receives from an exchange.
struct ToolAnswer
{
    enum class Kind
    {
        Result,      // 2xx, {"result": ...}
        Message,     // 2xx, {"message": ...}
        Raw,         // 2xx, any other JSON or text, as is
        Error,       // non-2xx: "Error calling <tool>: HTTP <n> - <body>"
        Unavailable, // 401 or 403
        Failed,      // no answer (timeout, refused ...)
    };
    Kind kind = Kind::Raw;
    QString text;
};
ToolAnswer answer(const ChatTool &tool, const HttpResult &result);
// Why an exchange got no answer, in plain words; a timeout names the backend's own limit
// (the transport's message speaks of the webhooks' 30 s).
QString failureText(const HttpResult &result);
QString kindName(ToolAnswer::Kind kind); // "result", "message", "raw", "error", ...

} // namespace studio::chat_tool_call
