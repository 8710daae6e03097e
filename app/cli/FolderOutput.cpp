#include "FolderOutput.h"

#include "io/TextFile.h"

#include <QDir>
#include <QFileInfo>

namespace studio::cli {

namespace {

bool sameFile(const QString &a, const QString &b)
{
    const QString canonical = QFileInfo(a).canonicalFilePath();
    return !canonical.isEmpty() && canonical == QFileInfo(b).canonicalFilePath();
}

// The bytes the file holds: its own, or those of the file it copies.
std::optional<std::string> contentOf(const OutputFile &file, const CliIo &io)
{
    if (file.copiedFrom.isEmpty())
        return file.bytes;
    TextFileRead read = TextFile::read(file.copiedFrom);
    if (!read.ok) {
        io.fail(read.error, kFailed);
        return std::nullopt;
    }
    return std::move(read.bytes);
}

} // namespace

std::optional<QStringList> writeIntoFolder(const QString &folder,
                                           const std::vector<OutputFile> &files,
                                           ExistingFiles existing, const CliIo &io)
{
    const QDir dir(folder);
    QStringList paths;
    QStringList present;
    for (const OutputFile &file : files) {
        paths << dir.filePath(file.name);
        if (QFileInfo::exists(paths.last()) || QFileInfo(paths.last()).isSymLink())
            present << paths.last();
    }
    if (existing == ExistingFiles::Refuse && !present.isEmpty()) {
        io.fail("refusing to overwrite " + present.join(QStringLiteral(", ")).toStdString() +
                    "; nothing was written (choose another folder with -o DIR)",
                kFailed);
        return std::nullopt;
    }
    if (!QDir().mkpath(folder)) {
        io.fail("cannot create the folder '" + folder.toStdString() + "'", kFailed);
        return std::nullopt;
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        const QString &path = paths.at(qsizetype(i));
        if (!files[i].copiedFrom.isEmpty() && sameFile(files[i].copiedFrom, path))
            continue;
        const std::optional<std::string> bytes = contentOf(files[i], io);
        if (!bytes)
            return std::nullopt;
        if (const std::string error = TextFile::writeAtomically(path, *bytes); !error.empty()) {
            io.fail(error, kFailed);
            return std::nullopt;
        }
    }
    return paths;
}

} // namespace studio::cli
