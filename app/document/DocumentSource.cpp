#include "DocumentSource.h"

#include <QFileInfo>

namespace studio {

QString DocumentSource::identity() const
{
    switch (kind) {
    case Kind::Untitled:
        return QStringLiteral("untitled");
    case Kind::ManifestFile:
        return QStringLiteral("file:") + filePath;
    case Kind::IndexEntry:
        return QStringLiteral("entry:") + filePath + u'#' +
               (entryId ? QString::fromStdString(*entryId) : QStringLiteral("(new)"));
    }
    return {};
}

QString DocumentSource::displayName() const
{
    const QString file = QFileInfo(filePath).fileName();
    switch (kind) {
    case Kind::Untitled:
        return QStringLiteral("Untitled");
    case Kind::ManifestFile:
        return file;
    case Kind::IndexEntry:
        return (entryId && !entryId->empty() ? QString::fromStdString(*entryId)
                                             : QStringLiteral("new entry")) +
               QStringLiteral(" in ") + file;
    }
    return {};
}

} // namespace studio
