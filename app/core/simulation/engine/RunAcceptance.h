#pragma once

#include "RunThresholds.h"
#include "simulation/judge/SetupCheckJudge.h"
#include "simulation/report/RunRecord.h"
#include "simulation/report/RunSummary.h"

#include <QList>
#include <QStringList>

namespace studio {

// Whether a run passes, as CI sees it: every request got a 200 whose answer the app can use
// (a valid answer that asks for nothing, or whose message the app drops, still passes), and
// the thresholds hold. A run that sent nothing passes: the app would not have called. A
// request the app held back (its circuit breaker open) fails the run: it never arrived.
struct RunAcceptance
{
    bool passed = true;
    int failedRequests = 0; // no answer, a transport error or a status other than 200
    int invalidAnswers = 0; // a 200 the app cannot use
    int notSent = 0;        // held back by the app's circuit breaker
    QStringList failures;   // one sentence per reason, for people

    static RunAcceptance evaluate(const QList<RunRecord> &records,
                                  const RunThresholds &thresholds = {});
    // A setup check passes when the app would enable the plugin (and the thresholds hold);
    // otherwise the failure is the app's refusal and why.
    static RunAcceptance evaluateSetupCheck(const RunRecord &record, const SetupVerdict &verdict,
                                            const RunThresholds &thresholds = {});

private:
    void checkThresholds(const QList<RunRecord> &records, const RunThresholds &thresholds);
};

} // namespace studio
