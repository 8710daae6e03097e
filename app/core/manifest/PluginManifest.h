#pragma once

#include "json/JsonParser.h"

#include <optional>
#include <string>
#include <vector>

namespace studio {

struct AuthStep
{
    std::string name;
    std::string url;
    bool operator==(const AuthStep &) const = default;
};

struct ExternalIntegration
{
    std::string triggersOn;
    std::string webhookUrl;
    std::optional<std::string> setupCompletedUrl;
    std::string setupInstructionsFilePath;
    std::vector<AuthStep> authSteps;
    bool operator==(const ExternalIntegration &) const = default;
};

// A typed, lenient view of one manifest: values of the wrong type read as empty, because
// the validator, not this model, reports them. Code that needs the exact JSON (export,
// the text editor) works on the JSON itself.
struct PluginManifest
{
    std::string id;
    std::string name;
    std::string author;
    std::string description;
    std::string category; // an app's (apps-2026); the 2024 index has none
    std::string image;
    std::vector<std::string> capabilities;
    std::optional<std::string> memoryPrompt;
    std::optional<std::string> chatPrompt;
    std::optional<ExternalIntegration> externalIntegration;
    std::optional<std::vector<std::string>> proactiveScopes;
    bool deleted = false;

    static PluginManifest fromJson(const Json &json);

    bool hasCapability(std::string_view capability) const;
    bool operator==(const PluginManifest &) const = default;
};

} // namespace studio
