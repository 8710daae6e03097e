#include "DocumentWrite.h"

#include "edit/IndexSplicer.h"
#include "io/TextFile.h"

#include <QObject>

namespace studio {

DocumentWrite::Result DocumentWrite::run() const
{
    Result result;
    if (!intoIndex) {
        result.error = QString::fromStdString(TextFile::writeAtomically(path, text));
        return result;
    }
    // The index as it is on disk now, which may differ from when it was opened.
    const TextFileRead read = TextFile::read(path);
    if (!read.ok) {
        result.error = QString::fromStdString(read.error);
        return result;
    }
    IndexSplice splice = IndexSplicer::splice(read.bytes, text, {.replaces = replaces});
    if (!splice.ok()) {
        result.error = QObject::tr("not saved: %1").arg(QString::fromStdString(splice.error));
        return result;
    }
    result.error = QString::fromStdString(TextFile::writeAtomically(path, splice.text));
    if (!result.error.isEmpty())
        return result;
    result.listing = IndexEntries::list(splice.text);
    result.indexText = std::move(splice.text);
    result.entryPosition = splice.entryIndex;
    return result;
}

} // namespace studio
