#pragma once

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

} // namespace studio
