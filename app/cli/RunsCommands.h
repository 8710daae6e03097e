#pragma once

#include "CliIo.h"
#include "history/RunHistory.h"

#include <QStringList>

#include <optional>
#include <string>

namespace studio::cli {

// The subcommands of `plugin-studio runs` (RunsCommand.cpp dispatches). Each takes the
// arguments after its name and returns the exit code.
int runRunsList(const QStringList &arguments, const CliIo &io);
int runRunsShow(const QStringList &arguments, const CliIo &io);
int runRunsExport(const QStringList &arguments, const CliIo &io);
int runRunsRerun(const QStringList &arguments, const CliIo &io);
int runRunsDelete(const QStringList &arguments, const CliIo &io);
int runRunsLimits(const QStringList &arguments, const CliIo &io);

// The usage text of `plugin-studio runs`, which every subcommand's --help shows.
std::string runsUsage();

// RUN as the user wrote it: a run id from `runs list`, or `last` for the newest run.
// Prints why and returns nullopt when it is neither, or names no run in the history.
std::optional<qint64> runIdFrom(const QString &reference, RunHistory &history, const CliIo &io);
// The whole run RUN names; prints why and returns nullopt when it cannot be loaded.
std::optional<StoredRun> loadRun(const QString &reference, RunHistory &history, const CliIo &io);

} // namespace studio::cli
