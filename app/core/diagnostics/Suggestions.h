#pragma once

#include "DiagnosticSink.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace studio {

// The closest candidate to a mistyped word, for "did you mean" hints: tolerant of case,
// of '-' for '_', of camelCase for snake_case, and of a couple of typos.
std::optional<std::string_view> closestMatch(std::string_view word,
                                             std::span<const std::string_view> candidates);

std::size_t editDistance(std::string_view a, std::string_view b);

// " (did you mean 'x'?)" or nothing.
std::string didYouMean(std::string_view word, std::span<const std::string_view> candidates);

// Reports a finding on a mistyped word with the hint in its message and, when there is a
// candidate, the fix that puts it in place (as a JSON string).
void reportWithSuggestion(DiagnosticSink &sink, RuleId rule, std::string pointer,
                          std::string message, std::string_view word,
                          std::span<const std::string_view> candidates,
                          Anchor anchor = Anchor::Value);

} // namespace studio
