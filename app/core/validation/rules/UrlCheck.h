#pragma once

#include "diagnostics/DiagnosticSink.h"

#include <string>

namespace studio::rules {

// Checks that a URL the app will call is absolute http(s), and warns where it will not
// work from the app's servers (plain http, this machine, a private network).
// Returns false when the URL is malformed.
bool checkUrl(const std::string &url, const std::string &pointer, std::string_view what,
              DiagnosticSink &sink);

} // namespace studio::rules
