#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace studio::manifest_schema {

// The manifest contract in one place: every key the app knows, at which level, with
// which type, in the order of the real index. Validation, export and the form read it.

enum class ValueType
{
    String,
    NullableString,
    Boolean,
    Number,
    StringArray,
    Object,
    ObjectArray,
    Any
};

enum class FieldRole
{
    Contract,    // read by the app
    Legacy,      // read before mid-July 2024, ignored since
    ServerOwned, // written by the server; a submission must not carry it
    OtherContract, // means something under another contract only (Field::note says which)
};

struct Field
{
    std::string_view key;
    ValueType type;
    bool required;
    FieldRole role = FieldRole::Contract;
    std::string_view note = {}; // OtherContract: why the field does not belong here
};

// A capability, the section or prompt it needs, and what the app calls it.
struct Capability
{
    std::string_view value;
    std::string_view requiredKey;
    std::string_view label;
};

// One value of a string with a fixed set of values, and what the app calls it.
struct Choice
{
    std::string_view value;
    std::string_view label;
};
using Trigger = Choice;

std::span<const Field> topLevelFields();
std::span<const Field> externalIntegrationFields();
std::span<const Field> authStepFields();
std::span<const Field> proactiveNotificationFields();

std::span<const Capability> capabilities();
std::span<const Trigger> triggers();
std::span<const std::string_view> notificationScopes();

// The values alone, for "did you mean" suggestions.
std::vector<std::string_view> capabilityValues();
std::vector<std::string_view> triggerValues();

const Field *findField(std::span<const Field> fields, std::string_view key);
const Capability *findCapability(std::string_view value);
const Trigger *findTrigger(std::string_view value);
std::string_view valueTypeName(ValueType type);

} // namespace studio::manifest_schema
