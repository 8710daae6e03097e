#include "InstructionsContext.h"

#include "repository/RepositoryFiles.h"
#include "manifest/PluginManifest.h"

namespace studio {

namespace {

constexpr std::string_view kInstructionsFolder = "/plugins/instructions/";

} // namespace

InstructionsContext InstructionsContext::forManifest(const PluginManifest &manifest,
                                                     std::optional<QString> repositoryRoot)
{
    InstructionsContext context;
    context.pluginId = manifest.id;
    if (manifest.externalIntegration)
        context.instructionsPath = manifest.externalIntegration->setupInstructionsFilePath;
    context.repositoryRoot = std::move(repositoryRoot);
    return context;
}

std::string InstructionsContext::effectiveId() const
{
    return pluginId.empty() ? folderName() : pluginId;
}

std::string InstructionsContext::folderName() const
{
    const auto slash = instructionsPath.rfind('/');
    if (slash == std::string::npos || slash == 0)
        return {};
    const auto previous = instructionsPath.rfind('/', slash - 1);
    return instructionsPath.substr(previous + 1, slash - previous - 1);
}

std::string InstructionsContext::appAssetPath(std::string_view asset) const
{
    return std::string(kInstructionsFolder) + effectiveId() + "/" + std::string(asset);
}

std::string InstructionsContext::localAssetPath(std::string_view asset) const
{
    const auto slash = instructionsPath.rfind('/');
    if (slash == std::string::npos)
        return "/" + std::string(asset);
    return instructionsPath.substr(0, slash + 1) + std::string(asset);
}

QString InstructionsContext::filePath(std::string_view repositoryPath) const
{
    if (!repositoryRoot || !RepositoryFiles::pathProblem(repositoryPath).empty())
        return {};
    return RepositoryFiles(*repositoryRoot).absolutePath(repositoryPath);
}

bool InstructionsContext::exists(std::string_view repositoryPath) const
{
    if (!repositoryRoot || !RepositoryFiles::pathProblem(repositoryPath).empty())
        return false;
    return RepositoryFiles(*repositoryRoot).isFile(repositoryPath);
}

std::string InstructionsContext::reportedFile() const
{
    const QString path = filePath(instructionsPath);
    return path.isEmpty() ? instructionsPath : path.toStdString();
}

} // namespace studio
