#pragma once

#include "CliIo.h"
#include "RunOptions.h"
#include "RunProgressPrinter.h"
#include "simulation/engine/RunAcceptance.h"
#include "simulation/report/RunInfo.h"
#include "simulation/report/RunRecord.h"

#include <QList>

namespace studio::cli {

// How every run command ends: prints the summary and the verdict, writes the reports asked
// for (atomically) and returns the exit code: 0 the run passed (see RunAcceptance), 1 not,
// or a report could not be written.
int concludeRun(const RunOptions &options, const QList<RunRecord> &records, const RunInfo &info,
                const RunAcceptance &acceptance, const RunProgressPrinter &printer,
                const CliIo &io);

// Reports a report writer's error (empty: written) and says whether the report was written.
bool reportWritten(const std::string &error, const char *what, const CliIo &io);

} // namespace studio::cli
