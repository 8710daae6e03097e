#pragma once

#include "contract/Submission.h"
#include "json/JsonParser.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace studio {

// An entry of the 2024 plugin index made into an app (apps-2026): the app document and its
// logo, to be written side by side, and each change with its reason.
struct AppMigration
{
    static constexpr const char *kAppFileName = "app.json";

    Json app;
    // The logo when it was found, then app.json: written last, an app.json has its logo.
    std::vector<OutputFile> files;
    // "removed 'id': the server assigns one ...", in the order they were made
    std::vector<std::string> changes;

    // `repositoryRoot` is the folder holding the entry's index, against which its
    // /plugins/... paths resolve; unset for a manifest outside any repository.
    static AppMigration fromPluginEntry(const Json &entry,
                                        const std::optional<QString> &repositoryRoot);
};

} // namespace studio
