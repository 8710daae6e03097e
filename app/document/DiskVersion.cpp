#include "DiskVersion.h"

#include "io/TextFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace studio {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("studio::DiskVersion", text);
}

const IndexEntry *findEntry(const IndexListing &listing, const DocumentSource &source)
{
    const IndexEntry *found = nullptr;
    for (const IndexEntry &entry : listing.entries) {
        if (entry.id != *source.entryId)
            continue;
        // Two entries with one id: the one where it was is the one being edited.
        if (!found || entry.position == source.entryPosition)
            found = &entry;
    }
    return found;
}

} // namespace

DiskVersion DiskVersion::read(const DocumentSource &source)
{
    DiskVersion version;
    const QString name = QFileInfo(source.filePath).fileName();
    if (source.kind == DocumentSource::Kind::Untitled)
        return version;
    if (!QFileInfo::exists(source.filePath)) {
        version.missingReason = tr("%1 was deleted on disk").arg(name);
        return version;
    }
    TextFileRead read = TextFile::read(source.filePath);
    if (!read.ok) {
        version.missingReason =
            tr("%1 cannot be read: %2").arg(name, QString::fromStdString(read.error));
        return version;
    }
    if (source.kind == DocumentSource::Kind::ManifestFile) {
        version.text = std::move(read.bytes);
        return version;
    }
    version.listing = IndexEntries::list(read.bytes);
    version.indexText = std::move(read.bytes);
    if (!version.listing.ok()) {
        version.missingReason = tr("%1 on disk cannot be listed: %2")
                                    .arg(name, QString::fromStdString(version.listing.error));
        return version;
    }
    if (!source.entryId)
        return version; // a new entry: not in the file yet
    if (const IndexEntry *entry = findEntry(version.listing, source)) {
        version.text = entry->text;
        version.entryPosition = entry->position;
    } else {
        version.missingReason = tr("%1 on disk no longer has the entry '%2'")
                                    .arg(name, QString::fromStdString(*source.entryId));
    }
    return version;
}

} // namespace studio
