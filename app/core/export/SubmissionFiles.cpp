#include "SubmissionFiles.h"

#include "repository/RepositoryFiles.h"
#include "manifest/PluginManifest.h"
#include "markdown/InstructionsAssets.h"
#include "markdown/InstructionsFile.h"

namespace studio {

namespace {

std::string stringAt(const Json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

SubmissionFile describe(SubmissionFile::Role role, const std::string &path,
                        const std::optional<RepositoryFiles> &repository)
{
    SubmissionFile file;
    file.role = role;
    file.repositoryPath = path;
    file.problem = RepositoryFiles::pathProblem(path);
    if (repository && file.problem.empty())
        file.exists = repository->isFile(path);
    return file;
}

// The assets the markdown references, where the app loads them from.
void appendAssets(const Json &entry, const QString &repositoryRoot, const QString &markdownPath,
                  std::vector<SubmissionFile> &files)
{
    const TextFileRead markdown = InstructionsFile::read(markdownPath);
    if (!markdown.ok)
        return; // the instructions row already says whether the file is there
    const InstructionsContext context =
        InstructionsContext::forManifest(PluginManifest::fromJson(entry), repositoryRoot);
    for (const InstructionsAsset &asset : InstructionsAssets::list(markdown.bytes, context)) {
        SubmissionFile file;
        file.role = SubmissionFile::Role::InstructionsAsset;
        file.repositoryPath = asset.repositoryPath;
        file.exists = asset.exists;
        files.push_back(std::move(file));
    }
}

} // namespace

std::vector<SubmissionFile> submissionFiles(const Json &entry, const QString &repositoryRoot,
                                            const std::string &indexRepositoryPath)
{
    std::optional<RepositoryFiles> repository;
    if (!repositoryRoot.isEmpty())
        repository.emplace(repositoryRoot);

    std::vector<SubmissionFile> files;
    files.push_back(describe(SubmissionFile::Role::Index, indexRepositoryPath, repository));
    files.push_back(describe(SubmissionFile::Role::Logo, stringAt(entry, "image"), repository));

    // The app reads the instructions only for plugins that work externally; an empty path
    // is allowed and means "no instructions".
    const auto capabilities = entry.is_object() ? entry.find("capabilities") : entry.end();
    bool external = false;
    if (entry.is_object() && capabilities != entry.end() && capabilities->is_array()) {
        for (const auto &capability : *capabilities)
            external = external || capability == "external_integration";
    }
    const auto integration = entry.is_object() ? entry.find("external_integration") : entry.end();
    if (external && integration != entry.end()) {
        const std::string instructions = stringAt(*integration, "setup_instructions_file_path");
        if (!instructions.empty()) {
            files.push_back(describe(SubmissionFile::Role::Instructions, instructions, repository));
            if (files.back().exists.value_or(false))
                appendAssets(entry, repositoryRoot, repository->absolutePath(instructions), files);
        }
    }
    return files;
}

} // namespace studio
