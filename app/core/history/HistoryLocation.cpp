#include "HistoryLocation.h"

#include <QDir>
#include <QStandardPaths>

namespace studio {

QString HistoryLocation::defaultPath()
{
    QString folder = qEnvironmentVariable(kDataDirVariable);
    if (folder.isEmpty())
        folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(QString::fromLatin1(kFileName));
}

} // namespace studio
