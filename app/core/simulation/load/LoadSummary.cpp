#include "LoadSummary.h"

namespace studio {

double LoadSummary::errorRate() const
{
    if (sent + heldBack == 0)
        return 0;
    return double(run.errors + run.invalidAnswers + heldBack) / double(sent + heldBack);
}

LoadAcceptance LoadAcceptance::evaluate(const LoadSummary &summary,
                                        const LoadThresholds &thresholds)
{
    LoadAcceptance acceptance;
    const qint64 failed = summary.run.errors + summary.run.invalidAnswers + summary.heldBack;
    const double allowed = thresholds.maxErrorRate.value_or(0.0);
    if (failed > 0 && summary.errorRate() > allowed)
        acceptance.failures << QStringLiteral("%1 of %2 requests failed or were answered with "
                                              "something the app cannot use (%3%, over the "
                                              "limit of %4%)")
                                   .arg(failed)
                                   .arg(summary.sent + summary.heldBack)
                                   .arg(summary.errorRate() * 100.0, 0, 'f', 2)
                                   .arg(allowed * 100.0, 0, 'f', 2);
    if (thresholds.maxP95Ms && summary.run.p95Ms && *summary.run.p95Ms > *thresholds.maxP95Ms)
        acceptance.failures << QStringLiteral("latency p95 %1 ms exceeds the limit of %2 ms")
                                   .arg(*summary.run.p95Ms, 0, 'f', 1)
                                   .arg(*thresholds.maxP95Ms);
    if (summary.left > 0)
        acceptance.failures
            << QStringLiteral("%1 requests were never sent: the run was stopped").arg(summary.left);
    acceptance.passed = acceptance.failures.isEmpty();
    return acceptance;
}

} // namespace studio
