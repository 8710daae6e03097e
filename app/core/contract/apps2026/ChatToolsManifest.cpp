#include "ChatToolsManifest.h"

#include "ChatToolsRules.h"
#include "validation/DocumentValidator.h"

#include <algorithm>

namespace studio {

const ChatToolParameter *ChatTool::parameter(std::string_view wanted) const
{
    const auto found = std::find_if(parameters.begin(), parameters.end(),
                                    [wanted](const auto &p) { return p.name == wanted; });
    return found == parameters.end() ? nullptr : &*found;
}

std::string ChatTool::assistantName(std::string_view appId) const
{
    return std::string(appId) + '_' + name;
}

const ChatTool *ChatToolsManifest::tool(std::string_view wanted) const
{
    const auto found = std::find_if(tools.begin(), tools.end(),
                                    [wanted](const auto &t) { return t.name == wanted; });
    return found == tools.end() ? nullptr : &*found;
}

ChatToolsManifest ChatToolsManifest::parse(std::string_view text, const QString &appHomeUrl)
{
    ChatToolsManifest manifest;
    manifest.report = DocumentValidator::validateWith(
        text, parseJson(text),
        [&](const Json &root, ValidationReport &report, DiagnosticSink &sink, const LineIndex &) {
            report.kind = DocumentKind::Manifest;
            manifest.tools = chat_tools_rules::check(root, appHomeUrl, sink);
            report.entryCount = manifest.tools.size();
        });
    return manifest;
}

QString ChatToolsManifest::wellKnownUrl(const QString &appHomeUrl)
{
    return resolveEndpoint("/.well-known/omi-tools.json", appHomeUrl);
}

QString ChatToolsManifest::resolveEndpoint(std::string_view endpoint, const QString &appHomeUrl)
{
    const QString path = QString::fromUtf8(endpoint.data(), static_cast<qsizetype>(endpoint.size()));
    if (!path.startsWith(u'/'))
        return path;
    QString home = appHomeUrl.trimmed();
    if (home.isEmpty())
        return {};
    // Joined as text, so a home URL with a path keeps it: https://x/app + /tools/add.
    while (home.endsWith(u'/'))
        home.chop(1);
    return home + path;
}

namespace {

QString textOf(const Json &object, const char *key)
{
    const auto value = object.is_object() ? object.find(key) : object.end();
    return value != object.end() && value->is_string()
               ? QString::fromStdString(value->get<std::string>()).trimmed()
               : QString();
}

} // namespace

ChatToolsSource ChatToolsSource::of(const Json &app)
{
    ChatToolsSource source;
    source.appId = textOf(app, "id");
    const auto integration = app.is_object() ? app.find("external_integration") : app.end();
    if (integration == app.end() || !integration->is_object())
        return source;
    source.homeUrl = textOf(*integration, "app_home_url");
    const auto steps = integration->find("auth_steps");
    if (source.homeUrl.isEmpty() && steps != integration->end() && steps->is_array() &&
        steps->size() == 1)
        source.homeUrl = textOf((*steps)[0], "url");
    source.manifestUrl = textOf(*integration, "chat_tools_manifest_url");
    if (source.manifestUrl.isEmpty())
        source.manifestUrl = ChatToolsManifest::wellKnownUrl(source.homeUrl);
    return source;
}

} // namespace studio
