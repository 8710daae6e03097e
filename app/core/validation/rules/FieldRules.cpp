#include "EntryRules.h"
#include "diagnostics/Suggestions.h"
#include "json/JsonPointer.h"
#include "manifest/ManifestSchema.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace studio::rules {

namespace {

namespace schema = manifest_schema;
using schema::Field;
using schema::FieldRole;
using schema::ValueType;

bool hasType(const Json &value, ValueType type)
{
    switch (type) {
    case ValueType::String:
        return value.is_string();
    case ValueType::NullableString:
        return value.is_string() || value.is_null();
    case ValueType::Boolean:
        return value.is_boolean();
    case ValueType::Number:
        return value.is_number();
    case ValueType::StringArray:
    case ValueType::ObjectArray:
        return value.is_array();
    case ValueType::Object:
        return value.is_object();
    case ValueType::Any:
        return true;
    }
    return true;
}

std::vector<std::string_view> contractKeys(std::span<const Field> level)
{
    std::vector<std::string_view> keys;
    for (const auto &field : level) {
        if (field.role == FieldRole::Contract)
            keys.push_back(field.key);
    }
    return keys;
}

void checkKnownField(const Json &value, const Field &field, const std::string &pointer,
                     const FieldLevel &level, DiagnosticSink &sink)
{
    if (field.role == FieldRole::Legacy) {
        sink.report(RuleId::LegacyField, pointer,
                    "'" + std::string(field.key) +
                        "' is a legacy field the app has ignored since July 2024; "
                        "remove it (capabilities and their prompts replace it)",
                    Anchor::Key);
        return;
    }
    if (field.role == FieldRole::ServerOwned) {
        sink.report(RuleId::ServerOwnedField, pointer,
                    "'" + std::string(field.key) +
                        "' is written by the app's server; remove it from the submission",
                    Anchor::Key);
        return;
    }
    if (field.role == FieldRole::OtherContract) {
        sink.report(RuleId::OtherContractField, pointer,
                    "'" + std::string(field.key) + "' " + std::string(field.note), Anchor::Key);
        return;
    }
    if (!hasType(value, field.type)) {
        sink.report(level.typeRule, pointer,
                    "'" + std::string(field.key) + "' must be " +
                        std::string(schema::valueTypeName(field.type)) + ", not " +
                        describeJsonType(value));
        return;
    }
    // Items of object arrays (auth steps) are checked by the rules of their section.
    if (field.type == ValueType::StringArray) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (!value[i].is_string())
                sink.report(level.typeRule, json_pointer::append(pointer, i),
                            "every item of '" + std::string(field.key) +
                                "' must be a string, not " + describeJsonType(value[i]));
        }
    }
}

void checkUnknownKey(const std::string &key, const std::string &pointer,
                     const FieldLevel &level, DiagnosticSink &sink)
{
    for (const auto &place : level.elsewhere) {
        if (place.key != key || place.fields.data() == level.fields.data())
            continue;
        sink.report(RuleId::MisplacedKey, pointer,
                    "'" + key + "' belongs " + std::string(place.place) + "; in " +
                        std::string(level.name) + " the app ignores it",
                    Anchor::Key);
        // The entry holds the level's object, or is it.
        std::string target = level.topLevel
                                 ? json_pointer::parent(pointer)
                                 : json_pointer::parent(json_pointer::parent(pointer));
        if (!place.section.empty())
            target = json_pointer::append(target, std::string(place.section));
        sink.suggestMove("Move '" + key + "' " + std::string(place.place),
                         json_pointer::append(target, key));
        return;
    }
    const auto keys = contractKeys(level.fields);
    reportWithSuggestion(sink, RuleId::UnknownKey, pointer,
                         "unknown key '" + key + "' in " + std::string(level.name) +
                             "; the app ignores it",
                         key, keys, Anchor::Key);
}

std::vector<KnownPlace> manifestPlaces()
{
    std::vector<KnownPlace> places;
    const auto add = [&](std::span<const Field> fields, std::string_view place,
                         std::string_view section) {
        for (const auto &field : fields) {
            if (field.role == FieldRole::Contract)
                places.push_back({field.key, place, section, fields});
        }
    };
    add(schema::topLevelFields(), "at the top level of the entry", "");
    add(schema::externalIntegrationFields(), "inside external_integration", "external_integration");
    add(schema::proactiveNotificationFields(), "inside proactive_notification",
        "proactive_notification");
    return places;
}

} // namespace

void checkMembers(const Json &object, const std::string &pointer, const FieldLevel &level,
                  DiagnosticSink &sink)
{
    for (const auto &field : level.fields) {
        if (field.required && !object.contains(field.key)) {
            sink.report(level.missingRule, json_pointer::append(pointer, field.key),
                        std::string(level.name) + " is missing the required field '" +
                            std::string(field.key) + "' (" +
                            std::string(schema::valueTypeName(field.type)) + ")",
                        Anchor::Key);
        }
    }
    for (const auto &[key, value] : object.items()) {
        const std::string memberPointer = json_pointer::append(pointer, key);
        if (const Field *field = schema::findField(level.fields, key))
            checkKnownField(value, *field, memberPointer, level, sink);
        else
            checkUnknownKey(key, memberPointer, level, sink);
    }
}

bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

std::string describeJsonType(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::boolean:
        return value.get<bool>() ? "true" : "false";
    case Json::value_t::string:
        return "a string";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return "a number";
    case Json::value_t::object:
        return "an object";
    case Json::value_t::array:
        return "an array";
    default:
        return "a value";
    }
}

void checkFields(const EntryContext &context, DiagnosticSink &sink)
{
    static const std::vector<KnownPlace> places = manifestPlaces();
    checkMembers(context.entry, context.pointer,
                 {schema::topLevelFields(), "the entry", places, true}, sink);

    if (const Json *integration = context.member("external_integration");
        integration && integration->is_object()) {
        const std::string pointer = context.at("external_integration");
        checkMembers(*integration, pointer,
                     {schema::externalIntegrationFields(), "external_integration", places},
                     sink);
        const auto steps = integration->find("auth_steps");
        if (steps != integration->end() && steps->is_array()) {
            const FieldLevel stepLevel{schema::authStepFields(), "an auth step", {}, false,
                                       RuleId::MalformedAuthStep, RuleId::MalformedAuthStep};
            for (std::size_t i = 0; i < steps->size(); ++i) {
                if ((*steps)[i].is_object())
                    checkMembers((*steps)[i], pointer + "/auth_steps/" + std::to_string(i),
                                 stepLevel, sink);
            }
        }
    }
    if (const Json *proactive = context.member("proactive_notification");
        proactive && proactive->is_object()) {
        checkMembers(*proactive, context.at("proactive_notification"),
                     {schema::proactiveNotificationFields(), "proactive_notification", places},
                     sink);
    }

    const Json *deleted = context.member("deleted");
    if (!deleted) {
        sink.report(RuleId::MissingDeleted, context.pointer,
                    "the entry has no 'deleted' flag; every entry of the index carries "
                    "\"deleted\": false",
                    Anchor::Start);
    } else if (deleted->is_boolean() && deleted->get<bool>()) {
        sink.report(RuleId::DeletedEntry, context.at("deleted"),
                    "\"deleted\": true hides the plugin from the store and stops all its "
                    "triggers");
    }
}

} // namespace studio::rules
