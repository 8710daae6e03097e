#include "HistoryKeeping.h"

#include "history/RunHistory.h"

namespace studio::cli {

void keepInHistory(const StoredRun &run, const RunOptions &options, const CliIo &io)
{
    if (options.noHistory)
        return;
    RunHistory history;
    const HistoryResult<qint64> kept = history.record(run);
    if (!kept.ok()) {
        io.err << "plugin-studio: warning: the run is not kept in the history: "
               << kept.error().toStdString() << '\n';
        return;
    }
    const HistoryResult<HistoryLimits> limits = history.limits();
    const HistoryResult<int> pruned = history.prune(limits.ok() ? limits.value() : HistoryLimits{});
    if (!pruned.ok())
        io.err << "plugin-studio: warning: the history keeps more than its limits: "
               << pruned.error().toStdString() << '\n';
    if (!options.quiet)
        io.err << "kept in the history as run " << kept.value() << " ('plugin-studio runs show "
               << kept.value() << "')\n";
}

} // namespace studio::cli
