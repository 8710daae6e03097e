#include "ChatToolsInput.h"

#include "DocumentInput.h"
#include "contract/apps2026/ChatToolCall.h"
#include "http/HttpClient.h"
#include "http/HttpReply.h"
#include "io/TextFile.h"

#include <QEventLoop>

namespace studio::cli {

const std::string_view kChatToolsOptionsHelp =
    "  --manifest APP        the app document (app.json, apps-2026)\n"
    "  --url URL             fetch the tools manifest here instead of the app's\n"
    "                        chat_tools_manifest_url, else <app_home_url>/.well-known/omi-tools.json\n"
    "  --file TOOLS.json     read the tools manifest from a file instead of fetching it\n"
    "  --app-id ID           the app's id in the tool names (<app_id>_<name>); default: the\n"
    "                        document's id, else 00000000000000000000000000 (a placeholder:\n"
    "                        the server assigns the id when the app is created)\n";

void addChatToolsOptions(OptionParser &parser)
{
    const auto valued = [&parser](const char *name, const char *description, const char *value) {
        parser.addOption({QString::fromLatin1(name), QString::fromLatin1(description),
                          QString::fromLatin1(value)});
    };
    valued("manifest", "The app document.", "APP");
    valued("url", "The tools manifest's URL.", "URL");
    valued("file", "The tools manifest as a file.", "FILE");
    valued("app-id", "The app's id.", "ID");
}

HttpResult sendAndWait(const HttpRequest &request)
{
    HttpClient client;
    QEventLoop loop;
    HttpResult result;
    HttpReply *reply = client.send(request);
    QObject::connect(reply, &HttpReply::finished, &loop, [&](const HttpResult &finished) {
        result = finished;
        loop.quit();
    });
    loop.exec();
    return result;
}

namespace {

// The manifest as the backend gets it: GET, Accept: application/json, 10 s, 200 only.
std::optional<std::string> fetch(const QString &url, ChatToolsInput &input, const CliIo &io,
                                 int &exit)
{
    input.source = url.toStdString();
    const HttpResult result = sendAndWait(chat_tool_call::manifestRequest(url));
    exit = kFailed;
    if (!result.succeeded()) {
        io.fail("GET " + input.source + ": " + chat_tool_call::failureText(result).toStdString() +
                    "; the backend gets no tools from this app",
                kFailed);
        return std::nullopt;
    }
    input.httpStatus = result.status;
    if (result.status != 200) {
        io.fail("GET " + input.source + " answered HTTP " + std::to_string(result.status) +
                    "; the backend takes the manifest only with 200, so it gets no tools",
                kFailed);
        return std::nullopt;
    }
    return result.body.toStdString();
}

} // namespace

std::optional<ChatToolsInput> ChatToolsInput::load(const OptionParser &parser, const CliIo &io,
                                                   int &exit)
{
    exit = kUsageError;
    if (!parser.isSet(QStringLiteral("manifest"))) {
        io.fail("tools needs --manifest APP, the app document");
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("url")) && parser.isSet(QStringLiteral("file"))) {
        io.fail("give --url or --file, not both");
        return std::nullopt;
    }
    const auto document = DocumentInput::load(parser.value(QStringLiteral("manifest")), io);
    if (!document)
        return std::nullopt;
    if (!document->parsed.ok() || !document->parsed.value.is_object()) {
        io.fail(document->display + " is not an app (a JSON object); run 'plugin-studio "
                                    "validate' on it");
        return std::nullopt;
    }
    ChatToolsInput input;
    input.app = ChatToolsSource::of(document->parsed.value);
    input.appId = parser.isSet(QStringLiteral("app-id")) ? parser.value(QStringLiteral("app-id"))
                                                         : input.app.appId;
    input.placeholderId = input.appId.isEmpty();
    if (const auto name = document->parsed.value.find("name");
        name != document->parsed.value.end() && name->is_string())
        input.appName = QString::fromStdString(name->get<std::string>());
    if (input.placeholderId)
        input.appId = QString::fromLatin1(kPlaceholderAppId);

    if (parser.isSet(QStringLiteral("file"))) {
        const QString path = parser.value(QStringLiteral("file"));
        TextFileRead read = TextFile::read(path);
        if (!read.ok) {
            io.fail(read.error);
            return std::nullopt;
        }
        input.source = path.toStdString();
        input.text = std::move(read.bytes);
    } else {
        const QString url = parser.isSet(QStringLiteral("url"))
                                ? parser.value(QStringLiteral("url")).trimmed()
                                : input.app.manifestUrl;
        if (url.isEmpty()) {
            io.fail(document->display + " has no chat_tools_manifest_url, no app_home_url to "
                                        "find .well-known/omi-tools.json under: give --url or "
                                        "--file");
            return std::nullopt;
        }
        auto text = fetch(url, input, io, exit);
        if (!text)
            return std::nullopt;
        input.text = std::move(*text);
    }
    input.manifest = ChatToolsManifest::parse(input.text, input.app.homeUrl);
    exit = kSuccess;
    return input;
}

} // namespace studio::cli
