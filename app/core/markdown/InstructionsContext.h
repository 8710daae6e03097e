#pragma once

#include <QString>

#include <optional>
#include <string>
#include <string_view>

namespace studio {

struct PluginManifest;

// The setup instructions of one plugin as the app finds them: the markdown at
// setup_instructions_file_path, whose relative "assets/..." links the app rewrites to
// /plugins/instructions/<id>/assets/..., whatever folder the markdown itself is in.
struct InstructionsContext
{
    std::string pluginId;
    std::string instructionsPath; // repository path: "/plugins/instructions/<id>/README.md"
    std::optional<QString> repositoryRoot; // unset: files are not looked at

    bool operator==(const InstructionsContext &) const = default;

    static InstructionsContext forManifest(const PluginManifest &manifest,
                                           std::optional<QString> repositoryRoot);

    // The id the app puts in asset URLs; the folder's name when the id is empty.
    std::string effectiveId() const;
    // The name of the folder holding the markdown ("notion-crm"), empty if there is none.
    std::string folderName() const;
    bool folderMatchesId() const { return folderName() == effectiveId(); }

    // "assets/x.png" -> "/plugins/instructions/<id>/assets/x.png", where the app loads it.
    std::string appAssetPath(std::string_view asset) const;
    // "assets/x.png" -> the same file beside the markdown, where its author put it.
    std::string localAssetPath(std::string_view asset) const;
    // The file on disk for a repository path; empty when the repository is unknown.
    QString filePath(std::string_view repositoryPath) const;
    bool exists(std::string_view repositoryPath) const;
    // Where findings in the markdown are reported: the file on disk, else its repository path.
    std::string reportedFile() const;
};

} // namespace studio
