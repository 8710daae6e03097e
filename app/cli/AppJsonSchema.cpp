#include "AppJsonSchema.h"

#include "contract/apps2026/AppSchema.h"

#include <nlohmann/json.hpp>

namespace studio::cli {

namespace {

using Json = nlohmann::ordered_json;
using manifest_schema::Field;
using manifest_schema::ValueType;

template <typename Values> Json listOf(const Values &values)
{
    Json list = Json::array();
    for (const auto &value : values)
        list.push_back(std::string(value));
    return list;
}

Json typeOf(ValueType type)
{
    switch (type) {
    case ValueType::String:
        return {{"type", "string"}};
    case ValueType::NullableString:
        return {{"type", Json::array({"string", "null"})}};
    case ValueType::Boolean:
        return {{"type", "boolean"}};
    case ValueType::Number:
        return {{"type", "number"}};
    case ValueType::StringArray:
        return {{"type", "array"}, {"items", {{"type", "string"}}}};
    case ValueType::Object:
        return {{"type", "object"}};
    case ValueType::ObjectArray:
        return {{"type", "array"}, {"items", {{"type", "object"}}}};
    case ValueType::Any:
        break;
    }
    return Json::object();
}

// An object of `fields`; `refined` gives some of its members more than their type.
Json objectOf(std::span<const Field> fields, const Json &refined = Json::object())
{
    Json properties = Json::object();
    Json required = Json::array();
    for (const Field &field : fields) {
        const std::string key(field.key);
        properties[key] = refined.contains(key) ? refined.at(key) : typeOf(field.type);
        if (field.role == manifest_schema::FieldRole::OtherContract)
            properties[key]["description"] = std::string(field.note);
        if (field.required)
            required.push_back(key);
    }
    Json object = {{"type", "object"}, {"properties", std::move(properties)}};
    if (!required.empty())
        object["required"] = std::move(required);
    return object;
}

Json capabilityValues()
{
    Json values = Json::array();
    for (const auto &capability : app_schema::capabilities())
        values.push_back(std::string(capability.value));
    return values;
}

// A listed capability needs its prompt or section, as the validator says (PS111).
Json capabilityNeeds()
{
    Json rules = Json::array();
    for (const auto &capability : app_schema::capabilities()) {
        rules.push_back(
            {{"if",
              {{"properties",
                {{"capabilities", {{"contains", {{"const", std::string(capability.value)}}}}}}},
               {"required", {"capabilities"}}}},
             {"then", {{"required", {std::string(capability.requiredKey)}}}}});
    }
    return rules;
}

} // namespace

std::string appJsonSchema()
{
    const Json integration = objectOf(
        app_schema::externalIntegrationFields(),
        {{"triggers_on",
          {{"enum",
            [] {
                Json values = listOf(app_schema::triggers());
                values.push_back(nullptr);
                return values;
            }()}}},
         {"auth_steps", {{"type", "array"}, {"items", objectOf(app_schema::authStepFields())}}},
         {"actions",
          {{"type", "array"},
           {"items", objectOf(app_schema::actionFields(),
                              {{"action", {{"enum", listOf(app_schema::actions())}}}})}}},
         {"chat_messages_target", {{"enum", listOf(app_schema::chatTargets())}}}});
    Json app =
        objectOf(app_schema::topLevelFields(),
                 {{"category",
                   {{"type", "string"},
                    {"description", "The store's category id."},
                    {"examples", listOf(app_schema::categories())}}},
                  {"capabilities",
                   {{"type", "array"}, {"minItems", 1}, {"items", {{"enum", capabilityValues()}}}}},
                  {"external_integration", integration},
                  {"proactive_notification", objectOf(app_schema::proactiveNotificationFields())}});
    Json schema = {
        {"$schema", "https://json-schema.org/draft/2020-12/schema"},
        {"$id", "https://plugin-studio.dev/schema/app.schema.json"},
        {"title", "App (apps-2026)"},
        {"description",
         "An app as its author submits it to the app's create endpoint (app_data). Generated "
         "by plugin-studio from the apps-2026 contract; plugin-studio validate adds the "
         "warnings and the checks a schema cannot make (the logo, URLs, payment)."},
    };
    for (auto &[key, value] : app.items())
        schema[key] = value;
    schema["allOf"] = capabilityNeeds();
    return schema.dump(2) + '\n';
}

} // namespace studio::cli
