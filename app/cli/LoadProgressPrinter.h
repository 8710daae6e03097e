#pragma once

#include "simulation/load/LoadStats.h"
#include "simulation/load/LoadSummary.h"

#include <ostream>

namespace studio::cli {

// A load run's progress on stderr, a line a second:
//   [3 s] 120.0 req/s, 15 in flight, 0 waiting, 0 late; p50 12.1 ms, p95 30.2 ms, p99 41.0 ms;
//   errors: timeout 2, status-500 1
// then the summary of the whole run. Quiet: nothing but the reasons the run failed. An audio
// run's lines also count the chunks the users' latest-wins buffers dropped ("2 dropped").
class LoadProgressPrinter
{
public:
    LoadProgressPrinter(std::ostream &err, bool quiet, bool latestWins = false);

    void printSecond(const LoadSecond &second) const;
    void printSummary(const LoadSummary &summary, const LoadAcceptance &acceptance) const;

    // "none", or "timeout 2, status-500 1"
    static QString errors(const ErrorsByKind &errors);

private:
    std::ostream &m_err;
    bool m_quiet;
    bool m_latestWins;
};

} // namespace studio::cli
