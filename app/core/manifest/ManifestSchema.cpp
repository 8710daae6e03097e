#include "ManifestSchema.h"

#include <algorithm>
#include <array>

namespace studio::manifest_schema {

namespace {

using enum ValueType;
using enum FieldRole;

constexpr std::array kTopLevelFields{
    Field{"id", String, true},
    Field{"name", String, true},
    Field{"author", String, true},
    Field{"description", String, true},
    Field{"image", String, true},
    Field{"capabilities", StringArray, true},
    Field{"memory_prompt", String, false},
    Field{"chat_prompt", String, false},
    Field{"prompt", String, false, Legacy},
    Field{"memories", Boolean, false, Legacy},
    Field{"chat", Boolean, false, Legacy},
    Field{"external_integration", Object, false},
    Field{"proactive_notification", Object, false},
    Field{"deleted", Boolean, false},
    Field{"reviews", Any, false, ServerOwned},
    Field{"user_review", Any, false, ServerOwned},
    Field{"rating_avg", Any, false, ServerOwned},
    Field{"rating_count", Any, false, ServerOwned},
    Field{"enabled", Any, false, ServerOwned},
    Field{"installs", Any, false, ServerOwned},
    Field{"trigger_workflow_memories", Any, false, ServerOwned},
    Field{"created_at", Any, false, ServerOwned},
};

constexpr std::array kExternalIntegrationFields{
    Field{"triggers_on", String, true},
    Field{"webhook_url", String, true},
    Field{"setup_completed_url", NullableString, false},
    Field{"setup_instructions_file_path", String, true},
    Field{"auth_steps", ObjectArray, false},
};

constexpr std::array kAuthStepFields{
    Field{"name", String, true},
    Field{"url", String, true},
};

constexpr std::array kProactiveNotificationFields{
    Field{"scopes", StringArray, true},
};

constexpr std::array kCapabilities{
    Capability{"memories", "memory_prompt", "Memories"},
    Capability{"chat", "chat_prompt", "Chat"},
    Capability{"external_integration", "external_integration", "External Integration"},
    Capability{"proactive_notification", "proactive_notification", "Proactive Notification"},
};

constexpr std::array kTriggers{
    Trigger{"memory_creation", "Memory Creation"},
    Trigger{"transcript_processed",
            "Transcript Segment Processed (every 30 seconds during conversation)"},
};

constexpr std::array<std::string_view, 4> kScopes{"user_name", "user_facts", "user_context",
                                                  "user_chat"};

} // namespace

std::span<const Field> topLevelFields()
{
    return kTopLevelFields;
}
std::span<const Field> externalIntegrationFields()
{
    return kExternalIntegrationFields;
}
std::span<const Field> authStepFields()
{
    return kAuthStepFields;
}
std::span<const Field> proactiveNotificationFields()
{
    return kProactiveNotificationFields;
}
std::span<const Capability> capabilities()
{
    return kCapabilities;
}
std::span<const Trigger> triggers()
{
    return kTriggers;
}
std::span<const std::string_view> notificationScopes()
{
    return kScopes;
}

std::vector<std::string_view> capabilityValues()
{
    std::vector<std::string_view> values;
    for (const auto &capability : kCapabilities)
        values.push_back(capability.value);
    return values;
}

std::vector<std::string_view> triggerValues()
{
    std::vector<std::string_view> values;
    for (const auto &trigger : kTriggers)
        values.push_back(trigger.value);
    return values;
}

const Field *findField(std::span<const Field> fields, std::string_view key)
{
    const auto it = std::find_if(fields.begin(), fields.end(),
                                 [key](const Field &field) { return field.key == key; });
    return it == fields.end() ? nullptr : &*it;
}

const Capability *findCapability(std::string_view value)
{
    const auto it = std::find_if(kCapabilities.begin(), kCapabilities.end(),
                                 [value](const Capability &c) { return c.value == value; });
    return it == kCapabilities.end() ? nullptr : &*it;
}

const Trigger *findTrigger(std::string_view value)
{
    const auto it = std::find_if(kTriggers.begin(), kTriggers.end(),
                                 [value](const Trigger &t) { return t.value == value; });
    return it == kTriggers.end() ? nullptr : &*it;
}

std::string_view valueTypeName(ValueType type)
{
    switch (type) {
    case String:
        return "a string";
    case NullableString:
        return "a string or null";
    case Boolean:
        return "true or false";
    case Number:
        return "a number";
    case StringArray:
        return "an array of strings";
    case Object:
        return "an object";
    case ObjectArray:
        return "an array of objects";
    case Any:
        return "any value";
    }
    return "a value";
}

} // namespace studio::manifest_schema
