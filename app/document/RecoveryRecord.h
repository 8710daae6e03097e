#pragma once

#include "document/DocumentSource.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <string>

namespace studio {

// Unsaved edits of one document as the autosave left them: enough to open the document
// again and put the edits back. A record of setup instructions names their file too; its
// source is then the plugin they belong to.
struct RecoveryRecord
{
    DocumentSource source;
    QString instructionsFile; // empty for the manifest's own record
    std::string text;
    QDateTime savedAt;
    qint64 processId = 0; // the studio that wrote it, to leave a running one's edits alone

    // What the autosave names the record after: the instructions file, or the document.
    QString key() const
    {
        return instructionsFile.isEmpty() ? source.identity() : instructionsFile;
    }

    std::string toJson() const;
    static std::optional<RecoveryRecord> fromJson(std::string_view json);
};

} // namespace studio
