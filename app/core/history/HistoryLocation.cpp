#include "HistoryLocation.h"

namespace studio {

QString HistoryLocation::defaultPath()
{
    const QString name = QString::fromLatin1(kFileName);
    // SQLite's journal files belong to the database: they move with it.
    DataFolder::moveFromLegacy(
        name, {QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm")});
    return DataFolder::filePath(name);
}

} // namespace studio
