#pragma once

#include "Memory.h"
#include "transcript/LoadIssue.h"

#include <QList>

#include <optional>

namespace studio {

struct MemoryLoadResult
{
    Memory memory;
    std::optional<LoadIssue> error;
    QList<LoadIssue> warnings;

    bool ok() const { return !error.has_value(); }
};

} // namespace studio
