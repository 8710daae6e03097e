#pragma once

#include "TerminalText.h"

#include <ostream>
#include <string_view>

namespace studio::cli {

// Exit codes every command shares; CI scripts depend on them.
enum ExitCode : int
{
    kSuccess = 0,
    kFailed = 1,     // the check ran and found errors (or a request failed)
    kUsageError = 2, // wrong usage or unreadable input
};

struct CliIo
{
    std::ostream &out;
    std::ostream &err;

    // The message may quote what the user or a server gave: it is printed escaped.
    int fail(std::string_view message, int code = kUsageError) const
    {
        err << "plugin-studio: error: " << printable(message) << '\n';
        return code;
    }
};

} // namespace studio::cli
