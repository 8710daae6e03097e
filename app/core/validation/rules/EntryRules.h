#pragma once

#include "diagnostics/DiagnosticSink.h"
#include "manifest/ManifestSchema.h"
#include "validation/EntryContext.h"

#include <span>

namespace studio::rules {

// Each function checks one concern of a manifest entry. They are independent: every one
// tolerates values of the wrong type (the field rules report those).

void checkFields(const EntryContext &context, DiagnosticSink &sink);
void checkIdentity(const EntryContext &context, DiagnosticSink &sink);
void checkCapabilities(const EntryContext &context, DiagnosticSink &sink);
// The same against another contract's capabilities.
void checkCapabilities(const EntryContext &context, DiagnosticSink &sink,
                       std::span<const manifest_schema::Capability> known);
void checkExternalIntegration(const EntryContext &context, DiagnosticSink &sink);
void checkProactiveNotification(const EntryContext &context, DiagnosticSink &sink);
void checkImage(const EntryContext &context, DiagnosticSink &sink);
void checkInstructions(const EntryContext &context, DiagnosticSink &sink);

inline void checkEntry(const EntryContext &context, DiagnosticSink &sink)
{
    checkFields(context, sink);
    checkIdentity(context, sink);
    checkCapabilities(context, sink);
    checkExternalIntegration(context, sink);
    checkProactiveNotification(context, sink);
    checkImage(context, sink);
    checkInstructions(context, sink);
}

// A key of one level of a document, for "key in the wrong place" at another level.
struct KnownPlace
{
    std::string_view key;
    std::string_view place;   // "inside external_integration"
    std::string_view section; // the member holding it, "" for the top level
    std::span<const manifest_schema::Field> fields; // the level it belongs to
};

// One level of a document (the entry, a section, an auth step): its fields, how it is named
// in messages, and the keys of other levels (empty: misplaced keys are simply unknown).
struct FieldLevel
{
    std::span<const manifest_schema::Field> fields;
    std::string_view name; // "the entry", "external_integration" ...
    std::span<const KnownPlace> elsewhere = {};
    bool topLevel = false;
    RuleId missingRule = RuleId::MissingField;
    RuleId typeRule = RuleId::WrongType;
};

// Required fields present, each known field of its type and role (legacy, server-owned, of
// another contract), unknown and misplaced keys with a suggestion.
void checkMembers(const Json &object, const std::string &pointer, const FieldLevel &level,
                  DiagnosticSink &sink);

// "a string", "a number", "null" ...: how a found value is named in messages.
std::string describeJsonType(const Json &value);

// Empty or only white space.
bool isBlank(std::string_view text);

} // namespace studio::rules
