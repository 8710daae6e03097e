#pragma once

#include <string>

namespace studio::cli {

// The JSON Schema (draft 2020-12) of an app (apps-2026), made from the contract's own tables
// (app_schema: fields, types, what is required, the values the app knows), so it cannot drift
// from the validator. Like the manifest's schema it holds what is an error only: server-owned
// and 2024 fields are allowed (the validator warns), categories are suggestions.
std::string appJsonSchema();

} // namespace studio::cli
