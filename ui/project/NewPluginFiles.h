#pragma once

#include "edit/PluginTemplate.h"

#include <QString>
#include <QStringList>

namespace studio {

// The files a new plugin of a repository starts with, beside its entry: a placeholder
// logo at its image path and, for an external integration, setup instructions at their
// path. A file already there is never replaced.
class NewPluginFiles
{
public:
    struct Result
    {
        QStringList written; // absolute paths
        QString error;       // why a file could not be written, "" when all were
    };

    static Result write(const QString &repositoryRoot, const NewPluginRequest &request);
};

} // namespace studio
