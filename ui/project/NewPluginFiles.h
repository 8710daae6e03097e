#pragma once

#include "edit/PluginTemplate.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace studio {

// The files a new plugin of a repository starts with, beside its entry: a placeholder
// logo at its image path and, for an external integration, setup instructions at their
// path. A file already there is never replaced. If the new entry is dropped unsaved, they
// go again, unless the user changed them since.
class NewPluginFiles
{
public:
    struct File
    {
        QString path; // absolute
        QByteArray bytes;
    };
    struct Result
    {
        QList<File> written;
        QStringList folders; // made for them, deepest first
        QString error;       // why a file could not be written, "" when all were
    };

    static Result write(const QString &repositoryRoot, const NewPluginRequest &request);
    // Removes what `write` made: each file that still holds what was written, then the
    // folders made for them that are empty.
    static void remove(const Result &made);
};

} // namespace studio
