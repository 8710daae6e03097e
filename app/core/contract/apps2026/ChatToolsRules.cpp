#include "ChatToolsRules.h"

#include "diagnostics/Suggestions.h"
#include "json/JsonPointer.h"
#include "validation/rules/EntryRules.h"
#include "validation/rules/UrlCheck.h"

#include <algorithm>
#include <array>
#include <map>

namespace studio::chat_tools_rules {

namespace {

using rules::describeJsonType;
using rules::isBlank;
namespace pointers = json_pointer;

constexpr std::array<std::string_view, 2> kTopLevelKeys{"tools", "chat_messages"};
constexpr std::array<std::string_view, 7> kToolKeys{
    "name", "description", "endpoint", "method", "parameters", "auth_required", "status_message"};
constexpr std::array<std::string_view, 3> kChatMessagesKeys{"enabled", "target", "notify"};
constexpr std::array<std::string_view, 5> kParameterTypes{"string", "integer", "boolean",
                                                          "number", "array"};
constexpr std::array<std::string_view, 4> kMethods{"GET", "POST", "PUT", "PATCH"};
constexpr std::array<std::string_view, 2> kChatTargets{"app", "main"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N> &values, std::string_view value)
{
    return std::find(values.begin(), values.end(), value) != values.end();
}

// Keys the backend does not read are dropped without a word: say so, with a suggestion.
template <std::size_t N>
void checkKeys(const Json &object, const std::string &pointer,
               const std::array<std::string_view, N> &known, std::string_view where,
               DiagnosticSink &sink)
{
    for (const auto &[key, value] : object.items())
        if (!contains(known, key))
            reportWithSuggestion(sink, RuleId::UnknownKey, pointers::append(pointer, key),
                                 "unknown key '" + key + "' " + std::string(where) +
                                     "; the backend ignores it",
                                 key, known, Anchor::Key);
}

void wrongType(DiagnosticSink &sink, const std::string &pointer, const Json &value,
               std::string_view what, std::string_view expected)
{
    sink.report(RuleId::WrongType, pointer,
                "'" + std::string(what) + "' must be " + std::string(expected) + ", not " +
                    describeJsonType(value));
}

// A required string: present, a string, not blank. Returns it, or nullopt after reporting.
std::optional<std::string> requiredText(const Json &tool, const std::string &pointer,
                                        std::string_view key, DiagnosticSink &sink)
{
    const auto value = tool.find(key);
    const std::string what = "the tool has no '" + std::string(key) + "'";
    if (value == tool.end()) {
        sink.report(RuleId::ToolMissingField, pointer,
                    what + "; the backend cannot offer it to the chat", Anchor::Start);
        return std::nullopt;
    }
    const std::string at = pointers::append(pointer, key);
    if (!value->is_string()) {
        sink.report(RuleId::ToolMissingField, at,
                    "'" + std::string(key) + "' must be a string, not " +
                        describeJsonType(*value) + "; the backend cannot offer the tool");
        return std::nullopt;
    }
    if (isBlank(value->get<std::string>())) {
        sink.report(RuleId::ToolMissingField, at,
                    "'" + std::string(key) + "' is empty; the backend cannot offer the tool");
        return std::nullopt;
    }
    return value->get<std::string>();
}

std::string upper(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

// Returns false when the tool cannot be called with its method.
bool readMethod(const Json &tool, const std::string &pointer, ChatTool &parsed,
                DiagnosticSink &sink)
{
    const auto method = tool.find("method");
    if (method == tool.end())
        return true; // POST
    const std::string at = pointers::append(pointer, "method");
    if (!method->is_string()) {
        wrongType(sink, at, *method, "method", "a string");
        return false;
    }
    parsed.method = upper(method->get<std::string>());
    if (contains(kMethods, parsed.method))
        return true;
    reportWithSuggestion(sink, RuleId::UnsupportedToolMethod, at,
                         "method '" + method->get<std::string>() +
                             "' is not one the backend calls tools with (GET, POST, PUT, PATCH)",
                         parsed.method, kMethods);
    return false;
}

bool readEndpoint(const std::string &endpoint, const std::string &pointer,
                  const QString &appHomeUrl, ChatTool &parsed, DiagnosticSink &sink)
{
    const std::string at = pointers::append(pointer, "endpoint");
    parsed.endpoint = endpoint;
    parsed.url = ChatToolsManifest::resolveEndpoint(endpoint, appHomeUrl);
    if (endpoint.starts_with('/')) {
        if (parsed.url.isEmpty()) {
            sink.report(RuleId::UnresolvableEndpoint, at,
                        "the endpoint '" + endpoint +
                            "' is relative but the app has no app_home_url to join it to");
            return false;
        }
        return true;
    }
    if (!endpoint.starts_with("http://") && !endpoint.starts_with("https://")) {
        sink.report(RuleId::UnresolvableEndpoint, at,
                    "the endpoint '" + endpoint +
                        "' is neither a path starting with '/' (joined to app_home_url) nor an "
                        "absolute http(s) URL");
        return false;
    }
    return rules::checkUrl(endpoint, at, "endpoint", sink);
}

void readParameterTypes(const Json &properties, const std::string &pointer, ChatTool &parsed,
                        DiagnosticSink &sink)
{
    for (const auto &[name, schema] : properties.items()) {
        const std::string at = pointers::append(pointer, name);
        ChatToolParameter parameter;
        parameter.name = name;
        if (!schema.is_object()) {
            wrongType(sink, at, schema, name, "an object (the parameter's schema)");
            continue;
        }
        const auto type = schema.find("type");
        if (type == schema.end() || !type->is_string() ||
            !contains(kParameterTypes, type->get<std::string>())) {
            const std::string given = type == schema.end() ? std::string("no type")
                                      : type->is_string() ? "type '" + type->get<std::string>() + "'"
                                                          : "a type that is " + describeJsonType(*type);
            const std::string message = "parameter '" + name + "' has " + given +
                                        "; the backend supports string, integer, boolean, "
                                        "number and array";
            if (type != schema.end() && type->is_string())
                reportWithSuggestion(sink, RuleId::UnsupportedParameterType,
                                     pointers::append(at, "type"), message,
                                     type->get<std::string>(), kParameterTypes);
            else
                sink.report(RuleId::UnsupportedParameterType,
                            type == schema.end() ? at : pointers::append(at, "type"), message,
                            type == schema.end() ? Anchor::Start : Anchor::Value);
            continue;
        }
        parameter.type = type->get<std::string>();
        if (const auto description = schema.find("description");
            description != schema.end() && description->is_string())
            parameter.description = description->get<std::string>();
        if (const auto choices = schema.find("enum"); parameter.type == "string" &&
                                                      choices != schema.end() && choices->is_array())
            for (const Json &choice : *choices)
                if (choice.is_string())
                    parameter.choices.push_back(choice.get<std::string>());
        parsed.parameters.push_back(std::move(parameter));
    }
}

void readRequired(const Json &parameters, const std::string &pointer, ChatTool &parsed,
                  DiagnosticSink &sink)
{
    const auto required = parameters.find("required");
    if (required == parameters.end())
        return;
    const std::string at = pointers::append(pointer, "required");
    if (!required->is_array()) {
        wrongType(sink, at, *required, "required", "an array of parameter names");
        return;
    }
    for (std::size_t i = 0; i < required->size(); ++i) {
        const Json &name = (*required)[i];
        const std::string itemAt = pointers::append(at, i);
        if (!name.is_string()) {
            wrongType(sink, itemAt, name, "required", "an array of parameter names");
            continue;
        }
        auto found = std::find_if(parsed.parameters.begin(), parsed.parameters.end(),
                                  [&](const auto &p) { return p.name == name.get<std::string>(); });
        if (found != parsed.parameters.end())
            found->required = true;
        else if (!parameters.contains("properties") ||
                 !parameters["properties"].contains(name.get<std::string>()))
            sink.report(RuleId::UnknownRequiredParameter, itemAt,
                        "'" + name.get<std::string>() +
                            "' is required but not declared in 'properties': the chat model "
                            "has no description or type for it");
    }
}

void readParameters(const Json &tool, const std::string &pointer, ChatTool &parsed,
                    DiagnosticSink &sink)
{
    const auto parameters = tool.find("parameters");
    if (parameters == tool.end() || parameters->is_null())
        return;
    const std::string at = pointers::append(pointer, "parameters");
    if (!parameters->is_object()) {
        wrongType(sink, at, *parameters, "parameters", "an object (a JSON Schema)");
        return;
    }
    if (const auto properties = parameters->find("properties"); properties != parameters->end()) {
        if (properties->is_object())
            readParameterTypes(*properties, pointers::append(at, "properties"), parsed, sink);
        else
            wrongType(sink, pointers::append(at, "properties"), *properties, "properties",
                      "an object");
    }
    readRequired(*parameters, at, parsed, sink);
}

void readOptionalFields(const Json &tool, const std::string &pointer, ChatTool &parsed,
                        DiagnosticSink &sink)
{
    if (const auto auth = tool.find("auth_required"); auth != tool.end()) {
        if (auth->is_boolean())
            parsed.authRequired = auth->get<bool>();
        else
            wrongType(sink, pointers::append(pointer, "auth_required"), *auth, "auth_required",
                      "true or false");
    }
    if (const auto status = tool.find("status_message"); status != tool.end()) {
        if (status->is_string())
            parsed.statusMessage = status->get<std::string>();
        else if (!status->is_null())
            wrongType(sink, pointers::append(pointer, "status_message"), *status,
                      "status_message", "a string");
    }
}

// The tool as the backend keeps it, or nullopt when it cannot offer it.
std::optional<ChatTool> readTool(const Json &tool, const std::string &pointer,
                                 const QString &appHomeUrl, DiagnosticSink &sink)
{
    if (!tool.is_object()) {
        sink.report(RuleId::ToolMissingField, pointer,
                    "a tool must be an object, not " + describeJsonType(tool));
        return std::nullopt;
    }
    checkKeys(tool, pointer, kToolKeys, "in a tool", sink);
    ChatTool parsed;
    const auto name = requiredText(tool, pointer, "name", sink);
    const auto description = requiredText(tool, pointer, "description", sink);
    const auto endpoint = requiredText(tool, pointer, "endpoint", sink);
    bool usable = name && description && endpoint;
    usable = readMethod(tool, pointer, parsed, sink) && usable;
    if (endpoint)
        usable = readEndpoint(*endpoint, pointer, appHomeUrl, parsed, sink) && usable;
    readParameters(tool, pointer, parsed, sink);
    readOptionalFields(tool, pointer, parsed, sink);
    if (!usable)
        return std::nullopt;
    parsed.name = *name;
    parsed.description = *description;
    return parsed;
}

void checkChatMessages(const Json &root, DiagnosticSink &sink)
{
    const auto messages = root.find("chat_messages");
    if (messages == root.end() || messages->is_null())
        return;
    if (!messages->is_object()) {
        wrongType(sink, "/chat_messages", *messages, "chat_messages", "an object");
        return;
    }
    checkKeys(*messages, "/chat_messages", kChatMessagesKeys, "in chat_messages", sink);
    for (const char *flag : {"enabled", "notify"})
        if (const auto value = messages->find(flag);
            value != messages->end() && !value->is_boolean())
            wrongType(sink, pointers::append("/chat_messages", flag), *value, flag,
                      "true or false");
    const auto target = messages->find("target");
    if (target == messages->end())
        return;
    if (!target->is_string())
        wrongType(sink, "/chat_messages/target", *target, "target", "a string");
    else if (!contains(kChatTargets, target->get<std::string>()))
        reportWithSuggestion(sink, RuleId::UnknownChatTarget, "/chat_messages/target",
                             "unknown chat messages target '" + target->get<std::string>() +
                                 "' (app or main)",
                             target->get<std::string>(), kChatTargets);
}

} // namespace

std::vector<ChatTool> check(const Json &root, const QString &appHomeUrl, DiagnosticSink &sink)
{
    std::vector<ChatTool> tools;
    if (!root.is_object()) {
        sink.report(RuleId::ToolsManifestShape, "",
                    "the tools manifest is " + describeJsonType(root) +
                        "; it must be an object with a 'tools' array");
        return tools;
    }
    checkKeys(root, "", kTopLevelKeys, "at the top level", sink);
    checkChatMessages(root, sink);
    const auto list = root.find("tools");
    if (list == root.end() || !list->is_array()) {
        sink.report(RuleId::ToolsManifestShape, list == root.end() ? "" : "/tools",
                    list == root.end()
                        ? std::string("the manifest has no 'tools' array: the chat gets no tools")
                        : "'tools' must be an array, not " + describeJsonType(*list),
                    list == root.end() ? Anchor::Start : Anchor::Value);
        return tools;
    }
    std::map<std::string, std::size_t> firstByName;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string pointer = pointers::append("/tools", i);
        const Json &item = (*list)[i];
        if (item.is_object() && item.contains("name") && item["name"].is_string()) {
            const auto [first, inserted] = firstByName.emplace(item["name"].get<std::string>(), i);
            if (!inserted)
                sink.report(RuleId::DuplicateToolName, pointers::append(pointer, "name"),
                            "tool '" + first->first + "' is already defined by tool #" +
                                std::to_string(first->second) +
                                ": the chat model sees one name for two endpoints");
        }
        if (auto tool = readTool(item, pointer, appHomeUrl, sink))
            tools.push_back(std::move(*tool));
    }
    return tools;
}

} // namespace studio::chat_tools_rules
