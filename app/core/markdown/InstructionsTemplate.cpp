#include "InstructionsTemplate.h"

#include "manifest/PluginManifest.h"

#include <QString>
#include <QUrl>

namespace studio {

namespace {

constexpr const char *kPlaceholderUrl = "https://example.com/setup";

// "https://host:8443/a/b?x" -> "https://host:8443/"; empty when not a web URL.
std::string siteOf(const std::string &url)
{
    const QUrl parsed(QString::fromStdString(url), QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty() ||
        (parsed.scheme() != u"https" && parsed.scheme() != u"http"))
        return {};
    return parsed
               .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                         QUrl::RemoveUserInfo)
               .toString(QUrl::FullyEncoded)
               .toStdString() +
           "/";
}

std::string orDefault(const std::string &text, const char *fallback)
{
    return text.empty() ? std::string(fallback) : text;
}

} // namespace

std::string InstructionsTemplate::setupPageUrl(const PluginManifest &manifest)
{
    if (!manifest.externalIntegration)
        return kPlaceholderUrl;
    const ExternalIntegration &integration = *manifest.externalIntegration;
    for (const AuthStep &step : integration.authSteps) {
        if (!siteOf(step.url).empty())
            return step.url;
    }
    if (integration.setupCompletedUrl) {
        if (std::string site = siteOf(*integration.setupCompletedUrl); !site.empty())
            return site;
    }
    if (std::string site = siteOf(integration.webhookUrl); !site.empty())
        return site;
    return kPlaceholderUrl;
}

std::string InstructionsTemplate::text(const PluginManifest &manifest)
{
    const std::string name = orDefault(manifest.name, "the plugin");
    const std::string author = orDefault(manifest.author, "the author");
    const std::string setupPage = setupPageUrl(manifest);
    return "# Set up " + name +
           "\n"
           "\n"
           "## Steps\n"
           "\n"
           "1. Open the [setup page](" +
           setupPage +
           ") and sign in.\n"
           "2. Follow the steps there to connect your account.\n"
           "3. Come back to the app and enable " +
           name +
           ": it checks that the setup is complete.\n"
           "\n"
           "## Screenshots\n"
           "\n"
           "Put images in the assets/ folder beside this file and show them like this:\n"
           "\n"
           "<!-- ![The setup page](assets/setup-page.png) -->\n"
           "\n"
           "## Troubleshooting\n"
           "\n"
           "- **Nothing happens after a conversation**: open the [setup page](" +
           setupPage +
           ") "
           "again and check that your account is still connected.\n"
           "- **The app says the setup is not completed**: finish every step on the setup page, "
           "then enable the plugin again.\n"
           "\n"
           "---\n"
           "\n"
           "> Feedback and questions: " +
           author + "\n";
}

} // namespace studio
