#pragma once

#include "diagnostics/ValidationReport.h"
#include "json/JsonParser.h"

#include <QString>

#include <string>
#include <string_view>
#include <vector>

namespace studio {

// One parameter of a chat tool, from its JSON Schema `parameters.properties`.
struct ChatToolParameter
{
    std::string name;
    std::string type; // string, integer, boolean, number or array
    std::string description;
    bool required = false;
    // The strings of a string's `enum`: the values the chat model picks from. Empty: any
    // text.
    std::vector<std::string> choices;
};

// A tool of an app's chat tools manifest (CONTRACT-2026.md section 4), as the backend keeps it.
struct ChatTool
{
    std::string name;
    std::string description;
    std::string endpoint; // as written
    QString url;          // the endpoint joined with app_home_url when it starts with '/'
    std::string method = "POST"; // uppercase; POST when the manifest names none
    std::vector<ChatToolParameter> parameters;
    bool authRequired = false;
    std::string statusMessage;

    const ChatToolParameter *parameter(std::string_view name) const;
    // The name the chat model calls it by: "<app_id>_<name>".
    std::string assistantName(std::string_view appId) const;
    // GET sends the arguments as query parameters; POST, PUT and PATCH as a JSON body.
    bool sendsQuery() const { return method == "GET"; }
};

// What an app's omi-tools.json gives the chat: its tools (only those the backend can call:
// name, description and endpoint present and the endpoint resolvable), and every finding,
// located at its line and column (PS401-PS407, and the shared PS001-PS003, PS102, PS130-PS132,
// PS182, PS309).
struct ChatToolsManifest
{
    ValidationReport report;
    std::vector<ChatTool> tools;

    const ChatTool *tool(std::string_view name) const;

    // `appHomeUrl` is the app's external_integration.app_home_url (empty: none), against
    // which endpoints starting with '/' resolve.
    static ChatToolsManifest parse(std::string_view text, const QString &appHomeUrl);
    // The conventional place of the manifest: <app_home_url>/.well-known/omi-tools.json.
    static QString wellKnownUrl(const QString &appHomeUrl);
    // The endpoint as the backend calls it; empty when it cannot be resolved.
    static QString resolveEndpoint(std::string_view endpoint, const QString &appHomeUrl);
};

// Where the backend looks for an app's tools, read off the app document (apps-2026).
struct ChatToolsSource
{
    // The id the assistant's tool names carry before the server assigned the app one: 26
    // characters, as long as the ULID the server writes.
    static constexpr const char *kPlaceholderAppId = "00000000000000000000000000";

    QString appId;       // the document's id; empty before the server assigned one
    QString homeUrl;     // app_home_url, else the only auth step's url (as the server copies it)
    QString manifestUrl; // chat_tools_manifest_url, else <home>/.well-known/omi-tools.json

    static ChatToolsSource of(const Json &app);
};

} // namespace studio
