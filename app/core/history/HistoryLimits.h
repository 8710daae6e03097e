#pragma once

#include <QtGlobal>

namespace studio {

// How much the run history keeps. After each new run the oldest runs go until both hold;
// the newest run always stays, however large. Kept in the database itself, so the command
// line and the window share them.
struct HistoryLimits
{
    static constexpr int kDefaultMaxRuns = 500;
    static constexpr qint64 kDefaultMaxBytes = 200LL * 1024 * 1024;

    int maxRuns = kDefaultMaxRuns;
    qint64 maxBytes = kDefaultMaxBytes; // what the runs store: bodies, records, reports

    bool operator==(const HistoryLimits &) const = default;
};

} // namespace studio
