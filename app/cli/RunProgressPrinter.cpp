#include "RunProgressPrinter.h"
#include "TerminalText.h"

namespace studio::cli {

namespace {

constexpr qsizetype kMaxShownCharacters = 200;

// One line, and not a screenful: a notification may be long and span lines.
QString oneLine(const QString &text)
{
    QString line = text.simplified();
    if (line.size() > kMaxShownCharacters)
        line = line.left(kMaxShownCharacters - 3) + QStringLiteral("...");
    return line;
}

QString milliseconds(double value)
{
    return QStringLiteral("%1 ms").arg(value, 0, 'f', 1);
}

QString optionalMs(const std::optional<double> &value)
{
    return value ? milliseconds(*value) : QStringLiteral("-");
}

QString count(int value, const char *singular, const char *plural)
{
    return QStringLiteral("%1 %2").arg(value).arg(
        QString::fromLatin1(value == 1 ? singular : plural));
}

} // namespace

RunProgressPrinter::RunProgressPrinter(std::ostream &err, int requestCount, bool quiet)
    : m_err(err)
    , m_requestCount(requestCount)
    , m_quiet(quiet)
{}

QString RunProgressPrinter::prefix(int index) const
{
    return QStringLiteral("[%1/%2] ").arg(index + 1).arg(m_requestCount);
}

QString RunProgressPrinter::outcome(const RunRecord &record)
{
    const HttpResult &result = record.result;
    if (result.status <= 0) {
        const QString code =
            record.errorCode().isEmpty() ? QStringLiteral("no answer") : record.errorCode();
        return code + QStringLiteral(": ") + oneLine(result.errorMessage);
    }
    QString text =
        QStringLiteral("%1, %2: ").arg(result.status).arg(milliseconds(result.timings.totalMs));
    if (result.error != HttpError::None) // an answer that began but broke off, or was cut
        return text + record.errorCode() + QStringLiteral(": ") + oneLine(result.errorMessage);
    const ResponseVerdict &verdict = record.verdict;
    if (verdict.kind == ResponseVerdict::Kind::Notification && !verdict.notifications.isEmpty()) {
        const AppNotification &notification = verdict.notifications.first();
        if (notification.writtenByModel && verdict.proactive)
            return text + QStringLiteral("proactive notification, the app's model is asked: \"%1\"")
                              .arg(oneLine(verdict.proactive->modelInput));
        return text + QStringLiteral("notification \"%1\"").arg(oneLine(notification.body));
    }
    return text + verdict.kindName() + QStringLiteral(": ") + oneLine(verdict.reason);
}

void RunProgressPrinter::printRecord(const RunRecord &record) const
{
    if (m_quiet)
        return;
    QString line = prefix(record.index) + record.label;
    // A per-segment call's label already says it is one segment; an audio chunk has none.
    if (!record.label.startsWith(u"segment ") && !record.label.startsWith(u"chunk "))
        line += QStringLiteral(" (%1)").arg(count(record.segmentCount, "segment", "segments"));
    // Held back by the app's circuit breaker: said apart from any answer, like a skip.
    const QString result =
        record.sent() ? outcome(record) : QStringLiteral("NOT SENT: ") + record.notSentReason;
    m_err << printable(line + QStringLiteral(": ") + result) << '\n';
}

void RunProgressPrinter::printSetupCheck(const RunRecord &record, const SetupVerdict &verdict) const
{
    if (m_quiet)
        return;
    QString line = prefix(record.index) + record.label + QStringLiteral(": ");
    if (record.result.status > 0)
        line += QStringLiteral("%1, %2: ")
                    .arg(record.result.status)
                    .arg(milliseconds(record.result.timings.totalMs));
    line += (verdict.ready ? QStringLiteral("ready: ") : QStringLiteral("not ready: ")) +
            oneLine(verdict.reason);
    m_err << printable(line) << '\n';
}

void RunProgressPrinter::printSkipped(int index, const QString &label, const QString &reason) const
{
    if (m_quiet)
        return;
    m_err << printable(prefix(index) + label + QStringLiteral(": skipped: ") + reason) << '\n';
}

void RunProgressPrinter::printSummary(const RunSummary &summary,
                                      const RunAcceptance &acceptance) const
{
    if (!m_quiet) {
        QString errors = count(summary.errors, "error", "errors");
        if (summary.notSent > 0)
            errors += QStringLiteral(", %1 not sent").arg(summary.notSent);
        QString line = QStringLiteral("summary: %1, %2, %3, %4")
                           .arg(count(summary.count, "request", "requests"), errors,
                                count(summary.invalidAnswers, "invalid answer", "invalid answers"),
                                count(summary.notifications, "notification", "notifications"));
        if (summary.latencySamples > 0)
            line += QStringLiteral("; latency p50 %1, p95 %2, p99 %3, max %4")
                        .arg(optionalMs(summary.p50Ms), optionalMs(summary.p95Ms),
                             optionalMs(summary.p99Ms), optionalMs(summary.maxMs));
        line += acceptance.passed ? QStringLiteral(": passed") : QStringLiteral(": FAILED");
        m_err << line.toStdString() << '\n';
    }
    for (const QString &failure : acceptance.failures)
        m_err << "plugin-studio: failed: " << printable(failure) << '\n';
}

} // namespace studio::cli
