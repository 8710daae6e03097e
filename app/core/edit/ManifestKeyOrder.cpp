#include "ManifestKeyOrder.h"

#include "json/JsonPointer.h"
#include "manifest/ManifestSchema.h"

#include <algorithm>

namespace studio {

namespace {

std::span<const manifest_schema::Field> fieldsOf(std::string_view objectPointer)
{
    const auto tokens = json_pointer::tokens(objectPointer);
    if (tokens.empty())
        return manifest_schema::topLevelFields();
    if (tokens.size() == 1 && tokens[0] == "external_integration")
        return manifest_schema::externalIntegrationFields();
    if (tokens.size() == 1 && tokens[0] == "proactive_notification")
        return manifest_schema::proactiveNotificationFields();
    if (tokens.size() == 3 && tokens[0] == "external_integration" && tokens[1] == "auth_steps")
        return manifest_schema::authStepFields();
    return {};
}

} // namespace

std::optional<std::size_t> ManifestKeyOrder::rank(std::string_view objectPointer,
                                                  std::string_view key)
{
    const auto fields = fieldsOf(objectPointer);
    const auto it = std::find_if(fields.begin(), fields.end(),
                                 [key](const auto &field) { return field.key == key; });
    if (it == fields.end())
        return std::nullopt;
    return static_cast<std::size_t>(it - fields.begin());
}

} // namespace studio
