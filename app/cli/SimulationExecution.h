#pragma once

#include "CliIo.h"
#include "RunOptions.h"
#include "simulation/engine/SimulationPlan.h"

#include <string>

namespace studio::cli {

// Runs a simulation to its end on this thread's event loop, printing each request's outcome
// as its answer comes in, then concludes it (summary, reports, exit code) and keeps it in the
// run history.
int executeSimulation(SimulationPlan plan, const RunOptions &options,
                      const std::string &pluginDisplay, const CliIo &io);

} // namespace studio::cli
