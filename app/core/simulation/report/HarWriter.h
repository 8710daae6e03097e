#pragma once

#include "RunInfo.h"
#include "RunRecord.h"
#include "json/JsonParser.h"

#include <QList>
#include <QString>

#include <string>

namespace studio {

// Writes a run as an HTTP Archive (HAR 1.2), which browser developer tools and API clients
// open: log {version "1.2", creator, pages (one page for the run), entries}. Each entry
// has the request as sent (URL with the uid, headers, query string, body), the response
// (status, headers, body as text, or base64 when it is not UTF-8), timings per phase (see
// HarTimings) and, as HAR's custom "_" fields, the run's scheduling and the app's verdict.
// A request that got no answer has status 0 and its error in response._error; redirects
// followed are listed in _redirects with the _finalUrl. A request the app did not send (its
// circuit breaker was open) is listed as browsers list a blocked one: the request it would
// have made, status 0, zero timings, the reason in response._error, and _notSent true.
class HarWriter
{
public:
    static Json build(const QList<RunRecord> &records, const RunInfo &info);
    static std::string render(const QList<RunRecord> &records, const RunInfo &info);
    // Atomic write; returns an empty string on success, else why it failed.
    static std::string write(const QString &path, const QList<RunRecord> &records,
                             const RunInfo &info);
};

} // namespace studio
