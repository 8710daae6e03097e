#include "RepositoryFiles.h"

#include "diagnostics/Suggestions.h"

#include <QDir>
#include <QFileInfo>

#include <vector>

namespace studio {

RepositoryFiles::RepositoryFiles(QString root)
    : m_root(QDir(root).absolutePath())
{}

QString RepositoryFiles::absolutePath(std::string_view repositoryPath) const
{
    return m_root +
           QString::fromUtf8(repositoryPath.data(), static_cast<qsizetype>(repositoryPath.size()));
}

bool RepositoryFiles::isFile(std::string_view repositoryPath) const
{
    return QFileInfo(absolutePath(repositoryPath)).isFile();
}

std::optional<std::string> RepositoryFiles::nearestExisting(std::string_view repositoryPath) const
{
    const QFileInfo missing(absolutePath(repositoryPath));
    const QDir folder = missing.dir();
    if (!folder.exists())
        return std::nullopt;
    const QStringList names = folder.entryList(QDir::Files);
    std::vector<std::string> storage;
    storage.reserve(static_cast<std::size_t>(names.size()));
    for (const QString &name : names)
        storage.push_back(name.toStdString());
    std::vector<std::string_view> candidates(storage.begin(), storage.end());
    const auto match = closestMatch(missing.fileName().toStdString(), candidates);
    if (!match)
        return std::nullopt;
    const auto slash = repositoryPath.rfind('/');
    return std::string(repositoryPath.substr(0, slash + 1)) + std::string(*match);
}

std::string RepositoryFiles::pathProblem(std::string_view path)
{
    if (path.empty())
        return "the path is empty";
    if (path.find("://") != std::string_view::npos)
        return "it is a URL; give the file's path in the repository, like "
               "/plugins/logos/my-plugin.png";
    if (path.front() != '/')
        return "a repository path starts with '/', like /plugins/logos/my-plugin.png";
    if (path.find('\\') != std::string_view::npos)
        return "it uses '\\'; repository paths use '/'";
    if (path.back() == '/')
        return "it names a folder, not a file";
    for (std::size_t start = 1; start <= path.size();) {
        const auto end = std::min(path.find('/', start), path.size());
        const auto part = path.substr(start, end - start);
        if (part == "..")
            return "it leaves the repository through '..'";
        if (part.empty())
            return "it has an empty segment ('//')";
        start = end + 1;
    }
    if (path.find('\0') != std::string_view::npos)
        return "it contains a NUL character";
    return {};
}

} // namespace studio

namespace studio {

std::optional<QString> RepositoryFiles::findRootAbove(const QString &path)
{
    const QFileInfo info(path);
    QDir folder = info.isDir() ? QDir(info.absoluteFilePath()) : info.absoluteDir();
    while (true) {
        if (QFileInfo(folder.filePath(QString::fromLatin1(kIndexFileName))).isFile())
            return folder.absolutePath();
        if (!folder.cdUp())
            return std::nullopt;
    }
}

} // namespace studio
