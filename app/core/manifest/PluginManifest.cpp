#include "PluginManifest.h"

#include <algorithm>

namespace studio {

namespace {

std::string stringAt(const Json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<std::string> optionalStringAt(const Json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return std::nullopt;
    return it->get<std::string>();
}

std::vector<std::string> stringsAt(const Json &object, const char *key)
{
    std::vector<std::string> result;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_array())
        return result;
    for (const auto &element : *it) {
        if (element.is_string())
            result.push_back(element.get<std::string>());
    }
    return result;
}

ExternalIntegration externalIntegrationFrom(const Json &object)
{
    ExternalIntegration integration;
    integration.triggersOn = stringAt(object, "triggers_on");
    integration.webhookUrl = stringAt(object, "webhook_url");
    integration.setupCompletedUrl = optionalStringAt(object, "setup_completed_url");
    integration.setupInstructionsFilePath = stringAt(object, "setup_instructions_file_path");
    const auto steps = object.find("auth_steps");
    if (steps != object.end() && steps->is_array()) {
        for (const auto &step : *steps) {
            if (step.is_object())
                integration.authSteps.push_back({stringAt(step, "name"), stringAt(step, "url")});
        }
    }
    return integration;
}

} // namespace

PluginManifest PluginManifest::fromJson(const Json &json)
{
    PluginManifest manifest;
    if (!json.is_object())
        return manifest;
    manifest.id = stringAt(json, "id");
    manifest.name = stringAt(json, "name");
    manifest.author = stringAt(json, "author");
    manifest.description = stringAt(json, "description");
    manifest.category = stringAt(json, "category");
    manifest.image = stringAt(json, "image");
    manifest.capabilities = stringsAt(json, "capabilities");
    manifest.memoryPrompt = optionalStringAt(json, "memory_prompt");
    manifest.chatPrompt = optionalStringAt(json, "chat_prompt");
    const auto integration = json.find("external_integration");
    if (integration != json.end() && integration->is_object())
        manifest.externalIntegration = externalIntegrationFrom(*integration);
    const auto proactive = json.find("proactive_notification");
    if (proactive != json.end() && proactive->is_object())
        manifest.proactiveScopes = stringsAt(*proactive, "scopes");
    const auto deleted = json.find("deleted");
    manifest.deleted = deleted != json.end() && deleted->is_boolean() && deleted->get<bool>();
    return manifest;
}

bool PluginManifest::hasCapability(std::string_view capability) const
{
    return std::find(capabilities.begin(), capabilities.end(), capability) != capabilities.end();
}

} // namespace studio
