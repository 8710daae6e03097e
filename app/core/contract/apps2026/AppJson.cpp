#include "AppJson.h"

#include "AppSchema.h"
#include "manifest/SubmissionJson.h"

namespace studio::app_json {

Json canonical(const Json &app)
{
    return orderedBy(app, {app_schema::topLevelFields(), app_schema::externalIntegrationFields(),
                           app_schema::authStepFields()});
}

std::string documentText(const Json &app)
{
    return canonical(app).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

void removeMembers(Json &object, std::string_view prefix, std::string_view verb,
                   const std::function<std::string(std::string_view key)> &reason,
                   std::vector<std::string> &notes)
{
    if (!object.is_object())
        return;
    std::vector<std::string> removed;
    for (const auto &[key, value] : object.items()) {
        if (const std::string why = reason(key); !why.empty()) {
            notes.push_back(std::string(verb) + " '" + std::string(prefix) + key + "': " + why);
            removed.push_back(key);
        }
    }
    for (const std::string &key : removed)
        object.erase(key);
}

} // namespace studio::app_json
