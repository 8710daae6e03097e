#pragma once

#include "RunInfo.h"
#include "RunRecord.h"

#include <QList>
#include <QString>

#include <string>

namespace studio {

// A run as JUnit XML, which CI systems read: one <testsuite> for the run, one <testcase>
// per request. A testcase fails when the request failed (no answer, transport error, status
// other than 200: failure type "request") or the app could not use the answer (type
// "answer"). Every testcase carries the app's verdict in <system-out>; a request the app
// did not send (its circuit breaker was open) is <skipped> with the reason instead, counted
// in the suite's skipped. Text is escaped by
// QXmlStreamWriter; characters XML 1.0 cannot carry (control characters from a body) are
// replaced by U+FFFD so the file always parses.
class JUnitReportWriter
{
public:
    static QByteArray render(const QList<RunRecord> &records, const RunInfo &info);
    // Atomic write; returns an empty string on success, else why it failed.
    static std::string write(const QString &path, const QList<RunRecord> &records,
                             const RunInfo &info);
    // Why the testcase of `record` fails, or an empty string when it passes.
    static QString failureMessage(const RunRecord &record);
};

} // namespace studio
