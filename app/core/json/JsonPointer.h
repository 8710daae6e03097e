#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace studio::json_pointer {

// RFC 6901 JSON pointers, kept as strings ("/external_integration/auth_steps/0/url").

std::string escapeToken(std::string_view token);
std::string unescapeToken(std::string_view token); // "~1" is '/', "~0" is '~'
std::string append(std::string_view pointer, std::string_view token);
std::string append(std::string_view pointer, std::size_t index);
std::vector<std::string> tokens(std::string_view pointer);
std::string parent(std::string_view pointer);
std::string lastToken(std::string_view pointer);

} // namespace studio::json_pointer
