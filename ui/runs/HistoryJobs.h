#pragma once

#include "history/HistoryResult.h"
#include "history/RunListing.h"
#include "history/StoredRun.h"

#include <QList>
#include <QString>

namespace studio {

// The history's operations as the window's workers run them: each opens its own
// RunHistory (its own connection, on the calling thread) and closes it when done, so any
// of them may run on any QtConcurrent thread while the GUI thread never waits on SQLite.
class HistoryJobs
{
public:
    // Records the run, then prunes the history to the limits it keeps. A prune that fails
    // leaves the run recorded: the error comes back in `pruneError`.
    struct Recorded
    {
        HistoryResult<qint64> id;
        QString pruneError;
    };

    static Recorded record(const QString &path, const StoredRun &run);
    static HistoryResult<QList<RunListing>> list(const QString &path, const QString &pluginId);
    static HistoryResult<StoredRun> load(const QString &path, qint64 id);
    static HistoryStatus remove(const QString &path, qint64 id);
};

} // namespace studio
