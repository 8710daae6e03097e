#pragma once

#include "CliIo.h"
#include "OptionParser.h"
#include "contract/apps2026/ChatToolsManifest.h"
#include "http/HttpExchange.h"

#include <QString>

#include <optional>
#include <string>

namespace studio::cli {

inline constexpr const char *kPlaceholderAppId = ChatToolsSource::kPlaceholderAppId;

// The options of `tools check` and `tools call` that say where the tools come from.
void addChatToolsOptions(OptionParser &parser);
extern const std::string_view kChatToolsOptionsHelp;

// An app's tools manifest, read (--file) or fetched as the backend fetches it, and parsed.
struct ChatToolsInput
{
    ChatToolsSource app;
    QString appId;           // --app-id, the document's id, else kPlaceholderAppId
    bool placeholderId = false;
    QString appName;         // the document's name, for the run history
    std::string source;      // the URL fetched or the file read, for messages
    int httpStatus = 0;      // 0: read from a file
    std::string text;
    ChatToolsManifest manifest;

    // Prints why and returns nullopt with `exit` set: 2 when the app or the file cannot be
    // used, 1 when the backend would get no manifest (not 200, no answer).
    static std::optional<ChatToolsInput> load(const OptionParser &parser, const CliIo &io,
                                              int &exit);
};

// Sends one request and waits for its result on a local event loop.
HttpResult sendAndWait(const HttpRequest &request);

} // namespace studio::cli
