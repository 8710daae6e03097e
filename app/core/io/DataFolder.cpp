#include "DataFolder.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace studio {

namespace {

// A file, or a folder with a file somewhere inside.
bool holdsData(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isDir())
        return info.exists();
    return QDirIterator(path, QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories)
        .hasNext();
}

} // namespace

QString DataFolder::path()
{
    const QString chosen = qEnvironmentVariable(kOverrideVariable);
    if (!chosen.isEmpty())
        return chosen;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QString::fromLatin1(kName));
}

QString DataFolder::legacyPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString DataFolder::filePath(const QString &name)
{
    return QDir(path()).filePath(name);
}

bool DataFolder::moveFromLegacy(const QString &name, const QStringList &companions)
{
    if (!qEnvironmentVariableIsEmpty(kOverrideVariable))
        return false;
    const QString from = QDir(legacyPath()).filePath(name);
    const QString to = filePath(name);
    if (QFileInfo(from) == QFileInfo(to) || !holdsData(from) || holdsData(to))
        return false;
    // Empty folders a newer studio made before there was anything to keep.
    if (QFileInfo(to).isDir() && !QDir(to).removeRecursively())
        return false;
    if (!QDir().mkpath(path()) || !QDir().rename(from, to)) {
        qWarning("studio: could not move %s to %s", qPrintable(from), qPrintable(to));
        return false;
    }
    for (const QString &suffix : companions) {
        QFile::remove(to + suffix); // without its file, a leftover of nothing
        if (QFileInfo::exists(from + suffix))
            QDir().rename(from + suffix, to + suffix);
    }
    return true;
}

} // namespace studio
