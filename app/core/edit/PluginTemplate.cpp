#include "PluginTemplate.h"

#include "manifest/ManifestSchema.h"
#include "manifest/SubmissionJson.h"

namespace studio {

Json PluginTemplate::create(const NewPluginRequest &request)
{
    Json entry = Json::object();
    entry["id"] = request.id;
    entry["name"] = request.name;
    entry["author"] = request.author;
    entry["description"] = "";
    entry["image"] = imagePath(request.id);
    entry["capabilities"] = Json::array();
    for (const auto &capability : request.capabilities) {
        entry["capabilities"].push_back(capability);
        if (auto section = sectionFor(capability, request.id))
            entry[section->first] = std::move(section->second);
    }
    entry["deleted"] = false;
    return canonicalEntry(entry);
}

std::string PluginTemplate::text(const NewPluginRequest &request)
{
    return entryText(create(request));
}

std::optional<TemplateSection> PluginTemplate::sectionFor(std::string_view capability,
                                                          std::string_view id)
{
    if (capability == "memories")
        return TemplateSection{"memory_prompt", ""};
    if (capability == "chat")
        return TemplateSection{"chat_prompt", ""};
    if (capability == "external_integration") {
        Json integration = Json::object();
        integration["triggers_on"] = manifest_schema::triggers().front().value;
        integration["webhook_url"] = "";
        integration["setup_completed_url"] = nullptr;
        integration["setup_instructions_file_path"] = instructionsPath(id);
        return TemplateSection{"external_integration", std::move(integration)};
    }
    if (capability == "proactive_notification") {
        Json notification = Json::object();
        notification["scopes"] = Json::array();
        return TemplateSection{"proactive_notification", std::move(notification)};
    }
    return std::nullopt;
}

std::string PluginTemplate::imagePath(std::string_view id)
{
    return "/plugins/logos/" + std::string(id) + ".png";
}

std::string PluginTemplate::instructionsPath(std::string_view id)
{
    return "/plugins/instructions/" + std::string(id) + "/README.md";
}

std::string PluginTemplate::idFromName(std::string_view name)
{
    std::string id;
    bool pendingDash = false;
    for (const char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        const bool alnum = (byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9');
        const bool upper = byte >= 'A' && byte <= 'Z';
        if (alnum || upper) {
            if (pendingDash && !id.empty())
                id += '-';
            pendingDash = false;
            id += upper ? static_cast<char>(byte - 'A' + 'a') : c;
        } else {
            pendingDash = true;
        }
    }
    return id;
}

} // namespace studio
