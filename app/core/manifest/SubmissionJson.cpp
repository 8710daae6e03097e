#include "SubmissionJson.h"

#include "manifest/ManifestSchema.h"

namespace studio {

namespace {

namespace schema = manifest_schema;

Json ordered(const Json &object, std::span<const schema::Field> fields)
{
    if (!object.is_object())
        return object;
    Json result = Json::object();
    for (const auto &field : fields) {
        const auto it = object.find(field.key);
        if (it != object.end())
            result[std::string(field.key)] = *it;
    }
    for (const auto &[key, value] : object.items()) {
        if (!schema::findField(fields, key))
            result[key] = value;
    }
    return result;
}

} // namespace

Json orderedBy(const Json &object, const FieldOrder &order)
{
    Json result = ordered(object, order.topLevel);
    if (!result.is_object())
        return result;
    if (auto integration = result.find("external_integration");
        integration != result.end() && integration->is_object()) {
        Json sorted = ordered(*integration, order.externalIntegration);
        if (auto steps = sorted.find("auth_steps"); steps != sorted.end() && steps->is_array()) {
            for (auto &step : *steps)
                step = ordered(step, order.authStep);
        }
        *integration = std::move(sorted);
    }
    return result;
}

Json canonicalEntry(const Json &entry)
{
    return orderedBy(entry, {schema::topLevelFields(), schema::externalIntegrationFields(),
                             schema::authStepFields()});
}

std::string entryText(const Json &entry, const JsonStyle &style)
{
    return canonicalEntry(entry).dump(style.indentWidth, style.indentChar, false,
                                      Json::error_handler_t::replace);
}

std::string submissionJson(const Json &entry)
{
    return entryText(entry) + "\n";
}

} // namespace studio
