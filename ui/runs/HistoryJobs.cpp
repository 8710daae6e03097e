#include "HistoryJobs.h"

#include "history/RunHistory.h"

namespace studio {

HistoryJobs::Recorded HistoryJobs::record(const QString &path, const StoredRun &run)
{
    RunHistory history(path);
    Recorded recorded{history.record(run), {}};
    if (!recorded.id.ok())
        return recorded;
    const HistoryResult<HistoryLimits> limits = history.limits();
    const HistoryResult<int> pruned = history.prune(limits.ok() ? limits.value() : HistoryLimits{});
    if (!pruned.ok())
        recorded.pruneError = pruned.error();
    return recorded;
}

HistoryResult<QList<RunListing>> HistoryJobs::list(const QString &path, const QString &pluginId)
{
    RunHistory history(path);
    return history.list(pluginId);
}

HistoryResult<StoredRun> HistoryJobs::load(const QString &path, qint64 id)
{
    RunHistory history(path);
    return history.load(id);
}

HistoryStatus HistoryJobs::remove(const QString &path, qint64 id)
{
    RunHistory history(path);
    return history.remove(id);
}

} // namespace studio
