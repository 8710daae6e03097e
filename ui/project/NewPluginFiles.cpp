#include "NewPluginFiles.h"

#include "PlaceholderLogo.h"
#include "io/TextFile.h"
#include "manifest/PluginManifest.h"
#include "markdown/InstructionsFile.h"
#include "markdown/InstructionsTemplate.h"
#include "repository/RepositoryFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace studio {

NewPluginFiles::Result NewPluginFiles::write(const QString &repositoryRoot,
                                             const NewPluginRequest &request)
{
    Result result;
    const RepositoryFiles files(repositoryRoot);
    const auto place = [&](const std::string &repositoryPath, const std::string &bytes,
                           auto writer) {
        if (!result.error.isEmpty() || !RepositoryFiles::pathProblem(repositoryPath).empty())
            return;
        const QString path = files.absolutePath(repositoryPath);
        if (QFileInfo::exists(path))
            return;
        for (QString folder = QFileInfo(path).absolutePath(); !QFileInfo::exists(folder);
             folder = QFileInfo(folder).absolutePath()) {
            if (!result.folders.contains(folder))
                result.folders << folder;
        }
        if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
            result.error = QObject::tr("cannot create the folder of %1").arg(path);
            return;
        }
        const std::string error = writer(path, bytes);
        if (!error.empty()) {
            result.error = QString::fromStdString(error);
            return;
        }
        result.written << File{path, QByteArray::fromStdString(bytes)};
    };

    const QByteArray logo = PlaceholderLogo::png(QString::fromStdString(request.name),
                                                 QString::fromStdString(request.id));
    place(PluginTemplate::imagePath(request.id), logo.toStdString(),
          [](const QString &path, const std::string &bytes) {
              return TextFile::writeAtomically(path, bytes);
          });
    const auto &capabilities = request.capabilities;
    if (std::find(capabilities.begin(), capabilities.end(), "external_integration") !=
        capabilities.end()) {
        const PluginManifest manifest = PluginManifest::fromJson(PluginTemplate::create(request));
        place(PluginTemplate::instructionsPath(request.id), InstructionsTemplate::text(manifest),
              [](const QString &path, const std::string &bytes) {
                  return InstructionsFile::write(path, bytes);
              });
    }
    return result;
}

void NewPluginFiles::remove(const Result &made)
{
    for (const File &file : made.written) {
        QFile on(file.path);
        if (on.size() != file.bytes.size() || !on.open(QIODevice::ReadOnly) ||
            on.readAll() != file.bytes)
            continue; // the user's now
        on.close();
        on.remove();
    }
    for (const QString &folder : made.folders)
        QDir().rmdir(folder); // only when empty
}

} // namespace studio
