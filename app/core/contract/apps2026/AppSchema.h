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
std::span<const manifest_schema::Trigger> triggerChoices(); // with the app's labels
std::span<const std::string_view> actions();
std::span<const std::string_view> chatTargets();
std::span<const manifest_schema::Choice> chatTargetChoices(); // with the app's words
// The plans a paid app is sold under, as the store offers them (GET /v1/app/payment-plans).
std::span<const manifest_schema::Choice> paymentPlans();
// The store's category ids, "other" last (routers/apps.py@0045c1a9, _get_categories).
std::span<const std::string_view> categories();

} // namespace studio::app_schema
