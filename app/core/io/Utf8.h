#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace studio {

// Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing past U+10FFFF.
// The one decoder every reader of untrusted text uses.
namespace utf8 {

// The length of the well-formed sequence starting at text[pos] (1 to 4), or 0 when the byte
// there does not start one. `codePoint`, when given, receives the decoded value.
std::size_t sequenceLength(std::string_view text, std::size_t pos, char32_t *codePoint = nullptr);

// The offset of the first byte that does not start a well-formed sequence, if any.
std::optional<std::size_t> firstInvalid(std::string_view text);

} // namespace utf8

} // namespace studio
