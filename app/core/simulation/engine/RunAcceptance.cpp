#include "RunAcceptance.h"

#include "LatestWins.h"

namespace studio {

namespace {

QString plural(int count, const char *singular, const char *pluralForm)
{
    return QStringLiteral("%1 %2").arg(count).arg(
        QString::fromLatin1(count == 1 ? singular : pluralForm));
}

} // namespace

RunAcceptance RunAcceptance::evaluate(const QList<RunRecord> &records,
                                      const RunThresholds &thresholds)
{
    RunAcceptance acceptance;
    for (const RunRecord &record : records) {
        if (record.requestFailed())
            ++acceptance.failedRequests;
        else if (record.answerInvalid())
            ++acceptance.invalidAnswers;
        else if (!record.sent() && !LatestWins::dropped(record) && !record.lostByFault())
            ++acceptance.notSent;
    }
    const auto total = int(records.size());
    if (acceptance.failedRequests > 0)
        acceptance.failures << QStringLiteral("%1 of %2 failed (no answer, a transport error or a "
                                              "status other than 200)")
                                   .arg(plural(acceptance.failedRequests, "request", "requests"))
                                   .arg(total);
    if (acceptance.invalidAnswers > 0)
        acceptance.failures << QStringLiteral("%1 of %2 answered 200 with something the app "
                                              "cannot use")
                                   .arg(plural(acceptance.invalidAnswers, "request", "requests"))
                                   .arg(total);
    if (acceptance.notSent > 0)
        acceptance.failures << QStringLiteral("%1 of %2 not sent: the app's circuit breaker was "
                                              "open after failures in a row")
                                   .arg(plural(acceptance.notSent, "request", "requests"))
                                   .arg(total);
    acceptance.checkThresholds(records, thresholds);
    acceptance.passed = acceptance.failures.isEmpty();
    return acceptance;
}

RunAcceptance RunAcceptance::evaluateSetupCheck(const RunRecord &record,
                                                const SetupVerdict &verdict,
                                                const RunThresholds &thresholds)
{
    RunAcceptance acceptance;
    if (record.requestFailed())
        acceptance.failedRequests = 1;
    else if (!verdict.ready)
        acceptance.invalidAnswers = 1;
    if (!verdict.ready)
        acceptance.failures << verdict.reason;
    acceptance.checkThresholds({record}, thresholds);
    acceptance.passed = acceptance.failures.isEmpty();
    return acceptance;
}

void RunAcceptance::checkThresholds(const QList<RunRecord> &records,
                                    const RunThresholds &thresholds)
{
    if (!thresholds.maxP95Ms)
        return;
    const RunSummary summary = RunSummary::of(records);
    if (summary.p95Ms && *summary.p95Ms > *thresholds.maxP95Ms)
        failures << QStringLiteral("latency p95 %1 ms exceeds the limit of %2 ms")
                        .arg(*summary.p95Ms, 0, 'f', 1)
                        .arg(*thresholds.maxP95Ms);
}

} // namespace studio
