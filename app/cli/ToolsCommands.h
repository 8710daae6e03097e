#pragma once

#include "CliIo.h"

#include <QStringList>

#include <string>

namespace studio::cli {

// `tools check` and `tools call`, sharing one usage text.
std::string toolsUsage();
int runToolsCheck(const QStringList &arguments, const CliIo &io);
int runToolsCall(const QStringList &arguments, const CliIo &io);

} // namespace studio::cli
