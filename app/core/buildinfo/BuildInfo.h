#pragma once

#include <string_view>

namespace studio::build_info {

// What `--version` and Help > About say about this build.
std::string_view version(); // the project's version, "0.1.0"
// The git commit built, as its short hash, or "unknown" outside a git checkout. It comes from
// a generated source of its own, so a new commit recompiles that file alone.
std::string_view commit();
std::string_view license();
std::string_view homepage();

} // namespace studio::build_info
