#include "DataFolder.h"

#include <QDir>
#include <QStandardPaths>

namespace studio {

QString DataFolder::path()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QString::fromLatin1(kName));
}

QString DataFolder::legacyPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

} // namespace studio
