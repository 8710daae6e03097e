#pragma once

#include <QStringList>

#include <ostream>

namespace studio::cli {

// True when the arguments ask for a headless command (or --help/--version) rather than
// the studio window, which opens with no argument or with an existing path.
bool isCommandLineInvocation(const QStringList &arguments);

// Runs a command; arguments exclude the program name. Returns the process exit code.
int run(const QStringList &arguments, std::ostream &out, std::ostream &err);

} // namespace studio::cli
