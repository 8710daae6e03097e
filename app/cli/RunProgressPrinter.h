#pragma once

#include "simulation/engine/RunAcceptance.h"
#include "simulation/judge/SetupCheckJudge.h"
#include "simulation/report/RunRecord.h"
#include "simulation/report/RunSummary.h"

#include <ostream>

namespace studio::cli {

// The progress of a run on stderr, one line per request as its answer comes in:
//   [3/16] window 60-90 s (4 segments): 200, 12.3 ms: notification "Heads up: ..."
//   [4/16] window 90-120 s (2 segments): timeout: 127.0.0.1:8000 sent nothing for 30 s
//   [9/16] window 8-9 s (1 segment): NOT SENT: circuit open until 35 s (5 failures in a ...)
// then one summary line. Quiet: nothing but the reasons a run failed.
class RunProgressPrinter
{
public:
    RunProgressPrinter(std::ostream &err, int requestCount, bool quiet);

    void printRecord(const RunRecord &record) const;
    // "[1/1] setup check: 200, 3.1 ms: ready: ..." or "... not ready: Plugin setup is ...".
    void printSetupCheck(const RunRecord &record, const SetupVerdict &verdict) const;
    void printSkipped(int index, const QString &label, const QString &reason) const;
    void printSummary(const RunSummary &summary, const RunAcceptance &acceptance) const;

    // The part after the label: "200, 12.3 ms: notification \"...\"".
    static QString outcome(const RunRecord &record);

private:
    QString prefix(int index) const;

    std::ostream &m_err;
    int m_requestCount;
    bool m_quiet;
};

} // namespace studio::cli
