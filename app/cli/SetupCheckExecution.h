#pragma once

#include "CliIo.h"
#include "RunOptions.h"
#include "simulation/judge/PluginUnderTest.h"

#include <QString>

#include <string>

namespace studio::cli {

// Runs the app's setup check against `url` (empty: the plugin needs no setup, nothing is
// sent) on this thread's event loop, prints the outcome, keeps the run in the history and
// concludes it (summary, reports, exit code).
int executeSetupCheck(const PluginUnderTest &plugin, const QString &url, const RunOptions &options,
                      const std::string &pluginDisplay, const CliIo &io);

} // namespace studio::cli
