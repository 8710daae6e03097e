#include "LoadProgressPrinter.h"

#include "TerminalText.h"

namespace studio::cli {

namespace {

QString ms(const std::optional<double> &value)
{
    return value ? QStringLiteral("%1 ms").arg(*value, 0, 'f', 1) : QStringLiteral("-");
}

} // namespace

LoadProgressPrinter::LoadProgressPrinter(std::ostream &err, bool quiet, bool latestWins)
    : m_err(err)
    , m_quiet(quiet)
    , m_latestWins(latestWins)
{}

QString LoadProgressPrinter::errors(const ErrorsByKind &errors)
{
    if (errors.empty())
        return QStringLiteral("none");
    QStringList parts;
    for (const auto &[kind, count] : errors)
        parts << QStringLiteral("%1 %2").arg(kind).arg(count);
    return parts.join(QStringLiteral(", "));
}

void LoadProgressPrinter::printSecond(const LoadSecond &second) const
{
    if (m_quiet)
        return;
    const QString dropped =
        m_latestWins ? QStringLiteral(", %1 dropped").arg(second.dropped) : QString();
    const QString line =
        QStringLiteral("[%1 s] %2 req/s, %3 in flight, %4 waiting, %5 late%6; p50 %7, p95 %8, "
                       "p99 %9; errors: %10")
            .arg(second.atSeconds, 0, 'f', 0)
            .arg(second.requestsPerSecond, 0, 'f', 1)
            .arg(second.inFlight)
            .arg(second.waiting)
            .arg(second.late)
            .arg(dropped, ms(second.p50Ms), ms(second.p95Ms), ms(second.p99Ms),
                 errors(second.errors));
    m_err << printable(line) << '\n';
}

void LoadProgressPrinter::printSummary(const LoadSummary &summary,
                                       const LoadAcceptance &acceptance) const
{
    if (!m_quiet) {
        const RunSummary &run = summary.run;
        QString line =
            QStringLiteral("summary: %1 requests from %2 users in %3 s (%4 req/s); latency p50 "
                           "%5, p90 %6, p95 %7, p99 %8, max %9")
                .arg(run.count)
                .arg(summary.users)
                .arg(summary.wallSeconds, 0, 'f', 1)
                .arg(summary.requestsPerSecond, 0, 'f', 1)
                .arg(ms(run.p50Ms), ms(run.p90Ms), ms(run.p95Ms), ms(run.p99Ms), ms(run.maxMs));
        line += QStringLiteral("; errors: %1; %2 invalid answers; late: %3 (at most %4 ms); "
                               "%5 notifications")
                    .arg(errors(summary.errorsByKind))
                    .arg(run.invalidAnswers)
                    .arg(summary.late)
                    .arg(summary.lateMaxMs, 0, 'f', 1)
                    .arg(run.notifications);
        if (m_latestWins)
            line += QStringLiteral("; %1 chunks dropped (latest wins)").arg(summary.dropped);
        if (summary.left > 0)
            line += QStringLiteral("; %1 never sent").arg(summary.left);
        line += acceptance.passed ? QStringLiteral(": passed") : QStringLiteral(": FAILED");
        m_err << printable(line) << '\n';
    }
    for (const QString &failure : acceptance.failures)
        m_err << "plugin-studio: failed: " << printable(failure) << '\n';
}

} // namespace studio::cli
