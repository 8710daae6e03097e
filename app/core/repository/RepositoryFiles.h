#pragma once

#include <QString>

#include <optional>
#include <string>
#include <string_view>

namespace studio {

// The plugin repository on disk: the folder holding community-plugins.json, against which
// the entries' "/plugins/..." paths resolve.
class RepositoryFiles
{
public:
    explicit RepositoryFiles(QString root);

    const QString &root() const { return m_root; }
    QString absolutePath(std::string_view repositoryPath) const;
    bool isFile(std::string_view repositoryPath) const;

    // For a missing file: a file of the same folder whose name differs only by case or by a
    // typo, as a repository path ("/plugins/logos/Nik.JPG").
    std::optional<std::string> nearestExisting(std::string_view repositoryPath) const;

    // Why a string cannot be a repository path ("" when it can): it must start with '/',
    // use '/' separators and stay inside the repository.
    static std::string pathProblem(std::string_view repositoryPath);

    // The nearest folder at or above `path` that holds community-plugins.json.
    static std::optional<QString> findRootAbove(const QString &path);

    static constexpr const char *kIndexFileName = "community-plugins.json";

private:
    QString m_root;
};

} // namespace studio
