#pragma once

#include "RunKind.h"
#include "json/JsonParser.h"

#include <QDateTime>
#include <QString>

namespace studio {

// One line of the history's list: what the run was and how it went, without its requests,
// so listing thousands of runs reads a few hundred bytes each.
struct RunListing
{
    qint64 id = 0;
    QString pluginId;
    QString pluginName;
    RunKind kind = RunKind::Memory;
    QDateTime startedAt; // UTC
    QString url;         // the target, before the uid is appended
    Json summary;        // the JSON report's "summary"
    qint64 bytes = 0;    // what the run stores (counts towards HistoryLimits::maxBytes)
};

} // namespace studio
