#pragma once

#include "diagnostics/DiagnosticSink.h"
#include "json/JsonParser.h"

#include <QString>

#include <optional>

namespace studio::app_rules {

// The apps-2026 rules over one app document: the server's 422s as errors, what it accepts but
// silently does nothing as errors too, server-owned fields and the 2024 index's as warnings.
// `folder` is the document's folder, where its logo lives; unset: the logo is not looked at.
void checkApp(const Json &app, const std::optional<QString> &folder, DiagnosticSink &sink);

} // namespace studio::app_rules
