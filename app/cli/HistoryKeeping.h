#pragma once

#include "CliIo.h"
#include "RunOptions.h"
#include "history/StoredRun.h"

namespace studio::cli {

// Keeps a finished run in the run history (unless --no-history) and prunes the history to
// its limits. A history that cannot be used (corrupt, unreadable, locked) costs one warning
// line on stderr, never the run or its exit code.
void keepInHistory(const StoredRun &run, const RunOptions &options, const CliIo &io);

} // namespace studio::cli
