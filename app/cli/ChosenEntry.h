#pragma once

#include "CliIo.h"
#include "DocumentInput.h"
#include "json/JsonParser.h"

#include <QString>

#include <optional>
#include <string>

namespace studio::cli {

// The one plugin entry a command works on: a manifest file (one JSON object), or one entry
// of an index (a JSON array, or a folder holding community-plugins.json). An index with
// several entries needs --entry ID; a single-entry index or a manifest does not (a manifest
// given --entry must carry that id).
struct ChosenEntry
{
    Json entry;
    std::string display; // "manifest.json", "community-plugins.json (entry 'x')"

    // Prints why and returns nullopt when the document cannot be used (a usage error).
    static std::optional<ChosenEntry> choose(const DocumentInput &input, const QString &entryId,
                                             const CliIo &io);
};

} // namespace studio::cli
