#pragma once

#include "json/JsonParser.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace studio {

// A file the pull request of a submission must contain.
struct SubmissionFile
{
    enum class Role
    {
        Index,
        Logo,
        Instructions,
        InstructionsAsset, // an image or file the instructions show or link to
    };

    Role role = Role::Index;
    std::string repositoryPath; // "/plugins/logos/x.png"
    std::optional<bool> exists; // unknown without a repository folder
    std::string problem;        // why the path cannot name a file, if it cannot
};

// The files a submission adds or changes: the index holding the entry, the logo, the setup
// instructions when the plugin has an external integration that names them, and the local
// assets those instructions use (read from the markdown when it exists).
// `indexRepositoryPath` is where the index sits in the repository ("/community-plugins.json").
std::vector<SubmissionFile> submissionFiles(const Json &entry, const QString &repositoryRoot,
                                            const std::string &indexRepositoryPath);

} // namespace studio
