#include "AppSchema.h"

#include <array>

namespace studio::app_schema {

namespace {

using enum manifest_schema::ValueType;
using enum manifest_schema::FieldRole;

constexpr std::string_view kNoId =
    "belongs to the 2024 plugin index: an app has no id until the app's server assigns one "
    "(a ULID) when it is created; remove it";
constexpr std::string_view kNoDeleted =
    "belongs to the 2024 plugin index: apps are disabled by the server (disabled, "
    "disabled_reason); remove it";

constexpr std::array kTopLevelFields{
    Field{"name", String, true},
    Field{"author", String, true},
    Field{"email", String, false},
    Field{"description", String, true},
    Field{"category", String, true},
    Field{"image", String, true},
    Field{"capabilities", StringArray, true},
    Field{"memory_prompt", String, false},
    Field{"chat_prompt", String, false},
    Field{"persona_prompt", String, false},
    Field{"private", Boolean, false},
    Field{"external_integration", Object, false},
    Field{"proactive_notification", Object, false},
    Field{"is_paid", Boolean, false},
    Field{"price", Number, false},
    Field{"payment_plan", NullableString, false},
    Field{"payment_link", NullableString, false},
    Field{"source_code_url", NullableString, false},
    Field{"thumbnails", StringArray, false},
    Field{"username", NullableString, false},
    Field{"twitter", NullableString, false},
    Field{"connected_accounts", StringArray, false},
    Field{"id", Any, false, OtherContract, kNoId},
    Field{"deleted", Any, false, OtherContract, kNoDeleted},
    Field{"uid", Any, false, ServerOwned},
    Field{"approved", Any, false, ServerOwned},
    Field{"status", Any, false, ServerOwned},
    Field{"disabled", Any, false, ServerOwned},
    Field{"disabled_reason", Any, false, ServerOwned},
    Field{"reviews", Any, false, ServerOwned},
    Field{"user_review", Any, false, ServerOwned},
    Field{"rating_avg", Any, false, ServerOwned},
    Field{"rating_count", Any, false, ServerOwned},
    Field{"enabled", Any, false, ServerOwned},
    Field{"installs", Any, false, ServerOwned},
    Field{"created_at", Any, false, ServerOwned},
    Field{"usage_count", Any, false, ServerOwned},
    Field{"money_made", Any, false, ServerOwned},
    Field{"trigger_workflow_memories", Any, false, ServerOwned},
};

constexpr std::array kExternalIntegrationFields{
    Field{"triggers_on", NullableString, false},
    Field{"webhook_url", NullableString, false},
    Field{"setup_completed_url", NullableString, false},
    Field{"setup_instructions_file_path", NullableString, false},
    Field{"auth_steps", ObjectArray, false},
    Field{"app_home_url", NullableString, false},
    Field{"actions", ObjectArray, false},
    Field{"chat_tools_manifest_url", NullableString, false},
    Field{"chat_messages_enabled", Boolean, false},
    Field{"chat_messages_target", String, false},
    Field{"chat_messages_notify", Boolean, false},
    Field{"mcp_server_url", NullableString, false},
    Field{"is_instructions_url", Any, false, ServerOwned},
};

constexpr std::array kAuthStepFields{
    Field{"name", String, true},
    Field{"url", String, true},
};

constexpr std::array kActionFields{
    Field{"action", String, true},
};

constexpr std::array kProactiveNotificationFields{
    Field{"scopes", StringArray, true},
};

constexpr std::array kCapabilities{
    Capability{"memories", "memory_prompt", "Conversations"},
    Capability{"chat", "chat_prompt", "Chat"},
    Capability{"persona", "persona_prompt", "Persona"},
    Capability{"external_integration", "external_integration", "External Integration"},
    Capability{"proactive_notification", "proactive_notification", "Proactive Notification"},
};

constexpr std::array<std::string_view, 3> kTriggers{"memory_creation", "transcript_processed",
                                                    "audio_bytes"};
constexpr std::array kTriggerChoices{
    manifest_schema::Trigger{"memory_creation", "Conversation Created"},
    manifest_schema::Trigger{"transcript_processed", "Realtime Transcript"},
    manifest_schema::Trigger{"audio_bytes", "Audio Bytes"},
};
constexpr std::array<std::string_view, 5> kActions{
    "create_conversation", "create_facts", "read_memories", "read_conversations", "read_tasks"};
constexpr std::array<std::string_view, 2> kChatTargets{"app", "main"};
constexpr std::array kChatTargetChoices{
    manifest_schema::Choice{"app", "The app's own chat"},
    manifest_schema::Choice{"main", "The main chat"},
};
constexpr std::array kPaymentPlans{
    manifest_schema::Choice{"monthly_recurring", "Monthly Recurring"},
};
constexpr std::array<std::string_view, 16> kCategories{"conversation-analysis",
                                                       "personality-emulation",
                                                       "health-and-wellness",
                                                       "education-and-learning",
                                                       "communication-improvement",
                                                       "emotional-and-mental-support",
                                                       "productivity-and-organization",
                                                       "entertainment-and-fun",
                                                       "financial",
                                                       "travel-and-exploration",
                                                       "safety-and-security",
                                                       "shopping-and-commerce",
                                                       "social-and-relationships",
                                                       "news-and-information",
                                                       "utilities-and-tools",
                                                       "other"};

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
std::span<const Field> actionFields()
{
    return kActionFields;
}
std::span<const Field> proactiveNotificationFields()
{
    return kProactiveNotificationFields;
}
std::span<const Capability> capabilities()
{
    return kCapabilities;
}
std::span<const std::string_view> triggers()
{
    return kTriggers;
}
std::span<const manifest_schema::Trigger> triggerChoices()
{
    return kTriggerChoices;
}
std::span<const std::string_view> actions()
{
    return kActions;
}
std::span<const std::string_view> chatTargets()
{
    return kChatTargets;
}
std::span<const manifest_schema::Choice> chatTargetChoices()
{
    return kChatTargetChoices;
}
std::span<const manifest_schema::Choice> paymentPlans()
{
    return kPaymentPlans;
}
std::span<const std::string_view> categories()
{
    return kCategories;
}

} // namespace studio::app_schema
