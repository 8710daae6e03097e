#include "LogoInstaller.h"

#include "FileWriteCommand.h"
#include "document/ManifestDocument.h"
#include "edit/JsonEditSplicer.h"
#include "edit/PluginTemplate.h"
#include "repository/RepositoryFiles.h"
#include "io/TextFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUndoStack>

#include <optional>

namespace studio {

namespace {

constexpr qint64 kMaxPreviousBytes = 64LL * 1024 * 1024;

} // namespace

QString LogoInstaller::targetPath(const std::string &id)
{
    return QString::fromStdString(PluginTemplate::imagePath(id));
}

QString LogoInstaller::install(ManifestDocument &document, const QString &repositoryRoot,
                               const QByteArray &png)
{
    if (repositoryRoot.isEmpty())
        return QObject::tr(
            "the plugin is not in a plugin repository: open the repository (or save the "
            "manifest inside one) to give the logo a place");
    if (!document.parses())
        return QObject::tr(
            "the text does not parse: fix it first, so the manifest's image can be set too");
    const std::string id = document.manifest().id;
    const std::string repositoryPath = PluginTemplate::imagePath(id);
    if (id.empty() || !RepositoryFiles::pathProblem(repositoryPath).empty())
        return QObject::tr(
            "the plugin needs a usable id first: the logo is saved as /plugins/logos/<id>.png");

    const JsonEditsResult edit =
        JsonEditSplicer::applyAll(document.text(), {JsonEdit::set("/image", repositoryPath)});
    if (!edit.ok())
        return QString::fromStdString(edit.error);

    const QString absolute = RepositoryFiles(repositoryRoot).absolutePath(repositoryPath);
    std::optional<QByteArray> previous;
    if (QFileInfo(absolute).isFile()) {
        QFile file(absolute);
        if (file.size() > kMaxPreviousBytes || !file.open(QIODevice::ReadOnly))
            return QObject::tr("cannot keep a copy of the current %1 for undo")
                .arg(QString::fromStdString(repositoryPath));
        previous = file.readAll();
    }
    if (!QDir().mkpath(QFileInfo(absolute).absolutePath()))
        return QObject::tr("cannot create the folder of %1")
            .arg(QDir::toNativeSeparators(absolute));
    const std::string error = TextFile::writeAtomically(
        absolute, std::string_view(png.constData(), static_cast<std::size_t>(png.size())));
    if (!error.empty())
        return QString::fromStdString(error);

    auto *step = new QUndoCommand(QObject::tr("Import logo"));
    new FileWriteCommand(absolute, std::move(previous), png, step);
    if (!edit.splices.empty())
        document.createSpliceCommand(edit.splices, QObject::tr("Set image"), EditOrigin::Tool,
                                     step);
    document.undoStack()->push(step);
    return {};
}

} // namespace studio
