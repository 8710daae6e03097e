#include "ReferencedFiles.h"

#include "manifest/PluginManifest.h"
#include "markdown/InstructionsAssets.h"
#include "markdown/InstructionsContext.h"
#include "markdown/InstructionsFile.h"
#include "repository/RepositoryFiles.h"

#include <algorithm>

namespace studio {

namespace {

class Collector
{
public:
    explicit Collector(const QString &root)
        : m_repository(root)
    {}

    void addEntry(const Json &entry)
    {
        if (!entry.is_object())
            return;
        const PluginManifest manifest = PluginManifest::fromJson(entry);
        add(manifest.image);
        const InstructionsContext context =
            InstructionsContext::forManifest(manifest, m_repository.root());
        if (!add(context.instructionsPath))
            return;
        const TextFileRead markdown =
            InstructionsFile::read(m_repository.absolutePath(context.instructionsPath));
        if (!markdown.ok)
            return;
        const std::string appFolder = context.appAssetPath("");
        for (const InstructionsAsset &asset : InstructionsAssets::list(markdown.bytes, context)) {
            add(asset.repositoryPath);
            // The checker also looks beside the markdown, when its folder is not the id's.
            if (asset.repositoryPath.starts_with(appFolder))
                add(context.localAssetPath(asset.repositoryPath.substr(appFolder.size())));
        }
    }

    std::vector<QString> take() { return std::move(m_files); }

private:
    // False when `path` cannot name a file of the repository.
    bool add(const std::string &path)
    {
        if (path.empty() || !RepositoryFiles::pathProblem(path).empty())
            return false;
        QString file = m_repository.absolutePath(path);
        if (std::find(m_files.begin(), m_files.end(), file) == m_files.end())
            m_files.push_back(std::move(file));
        return true;
    }

    RepositoryFiles m_repository;
    std::vector<QString> m_files;
};

} // namespace

std::vector<QString> ReferencedFiles::of(const Json &value, const QString &repositoryRoot)
{
    if (repositoryRoot.isEmpty())
        return {};
    Collector collector(repositoryRoot);
    if (value.is_array()) {
        for (const Json &entry : value)
            collector.addEntry(entry);
    } else {
        collector.addEntry(value);
    }
    return collector.take();
}

} // namespace studio
