#pragma once

#include "diagnostics/DiagnosticSink.h"
#include "validation/EntryContext.h"

namespace studio::rules {

// Each function checks one concern of a manifest entry. They are independent: every one
// tolerates values of the wrong type (the field rules report those).

void checkFields(const EntryContext &context, DiagnosticSink &sink);
void checkIdentity(const EntryContext &context, DiagnosticSink &sink);
void checkCapabilities(const EntryContext &context, DiagnosticSink &sink);
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

// "a string", "a number", "null" ...: how a found value is named in messages.
std::string describeJsonType(const Json &value);

// Empty or only white space.
bool isBlank(std::string_view text);

} // namespace studio::rules
