#include "LoadSummaryText.h"

#include <QStringList>

namespace studio::loadtext {

QString milliseconds(const std::optional<double> &value)
{
    return value ? QStringLiteral("%1 ms").arg(*value, 0, 'f', 1) : QStringLiteral("-");
}

QString errors(const ErrorsByKind &errors)
{
    if (errors.empty())
        return QObject::tr("none");
    QStringList parts;
    for (const auto &[kind, count] : errors)
        parts << QStringLiteral("%1 %2").arg(kind).arg(count);
    return parts.join(QStringLiteral(", "));
}

QString figures(const LoadSummary &soFar, const LoadSecond &last)
{
    const RunSummary &run = soFar.run;
    return QObject::tr("Sent: %1\nCompleted: %2\nIn flight: %3, waiting: %4\nLate: %5 (at "
                       "most %6 ms)\nErrors: %7 (%8 %)\nNotifications: %9")
        .arg(soFar.sent)
        .arg(run.count)
        .arg(last.inFlight)
        .arg(last.waiting)
        .arg(soFar.late)
        .arg(soFar.lateMaxMs, 0, 'f', 1)
        .arg(errors(soFar.errorsByKind))
        .arg(soFar.errorRate() * 100, 0, 'f', 2)
        .arg(run.notifications);
}

QString summary(const LoadSummary &summary)
{
    const RunSummary &run = summary.run;
    QString text =
        QObject::tr("%1 requests from %2 users in %3 s (%4 req/s)\nLatency: p50 %5, p90 %6, "
                    "p95 %7, p99 %8, max %9")
            .arg(run.count)
            .arg(summary.users)
            .arg(summary.wallSeconds, 0, 'f', 1)
            .arg(summary.requestsPerSecond, 0, 'f', 1)
            .arg(milliseconds(run.p50Ms), milliseconds(run.p90Ms), milliseconds(run.p95Ms),
                 milliseconds(run.p99Ms), milliseconds(run.maxMs));
    text += QObject::tr("\nErrors: %1; %2 invalid answers (error rate %3 %)\nLate: %4 (at most "
                        "%5 ms)\nNotifications the users would have received: %6")
                .arg(errors(summary.errorsByKind))
                .arg(run.invalidAnswers)
                .arg(summary.errorRate() * 100, 0, 'f', 2)
                .arg(summary.late)
                .arg(summary.lateMaxMs, 0, 'f', 1)
                .arg(run.notifications);
    if (summary.left > 0)
        text += QObject::tr("\nNever sent (the run was stopped): %1").arg(summary.left);
    return text;
}

QString verdict(const LoadAcceptance &acceptance)
{
    if (acceptance.passed)
        return QObject::tr("Passed: within the limits");
    return QObject::tr("Failed: %1").arg(acceptance.failures.join(QStringLiteral("\n")));
}

} // namespace studio::loadtext
