#pragma once

#include "manifest/ManifestSchema.h"

#include <span>
#include <string_view>

namespace studio::app_schema {

// An app as its author writes it for the app's create endpoint (CONTRACT-2026.md, section 1):
// the fields an author sets, the server's own, and the 2024 index's that mean nothing here.
using manifest_schema::Capability;
using manifest_schema::Field;

std::span<const Field> topLevelFields();
std::span<const Field> externalIntegrationFields();
std::span<const Field> authStepFields();
std::span<const Field> actionFields();
std::span<const Field> proactiveNotificationFields();

std::span<const Capability> capabilities();
std::span<const std::string_view> triggers();
std::span<const std::string_view> actions();
std::span<const std::string_view> chatTargets();
// The store's category ids, "other" last (routers/apps.py@0045c1a9, _get_categories).
std::span<const std::string_view> categories();

// A capability's or trigger's label in the app's store.
std::string_view capabilityLabel(std::string_view value);
std::string_view triggerLabel(std::string_view value);

} // namespace studio::app_schema
