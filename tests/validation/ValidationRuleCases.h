#pragma once

#include <span>

namespace studio::test {

// One row of the rule test: a JSON merge patch (RFC 7386, null removes a member) applied to a
// valid manifest, and the finding it must produce.
struct RuleCase
{
    const char *name;
    const char *patch;
    const char *code;
    const char *severity;
    const char *pointer;
    const char *underlined; // exact text of the span; empty: not checked
    const char *message;    // a part of the message
};

std::span<const RuleCase> validationRuleCases();

// A manifest that passes every rule; each case changes it.
extern const char *const kValidManifest;

} // namespace studio::test
