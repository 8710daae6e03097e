#pragma once

#include "ChatToolsManifest.h"
#include "diagnostics/DiagnosticSink.h"
#include "json/JsonParser.h"

#include <vector>

namespace studio::chat_tools_rules {

// The rules over a parsed chat tools manifest, reporting by JSON pointer; returns the tools
// the backend would offer the chat model.
std::vector<ChatTool> check(const Json &root, const QString &appHomeUrl, DiagnosticSink &sink);

} // namespace studio::chat_tools_rules
