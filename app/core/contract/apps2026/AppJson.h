#pragma once

#include "json/JsonParser.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace studio::app_json {

// The app with its keys in the schema's order (external_integration's and its auth steps'
// too), unknown keys last in their own order.
Json canonical(const Json &app);

// The app document's text: canonical, two-space indent, UTF-8, a final newline.
std::string documentText(const Json &app);

// Removes each member of `object` that `reason` gives a reason for (a non-empty one), and
// says so in `notes`: "<verb> '<prefix><key>': <reason>".
void removeMembers(Json &object, std::string_view prefix, std::string_view verb,
                   const std::function<std::string(std::string_view key)> &reason,
                   std::vector<std::string> &notes);

} // namespace studio::app_json
