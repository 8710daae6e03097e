#pragma once

#include <QSqlDatabase>
#include <QString>

namespace studio {

// The tables of the run history and their migrations. The version lives in its own table,
// schema_version; each migration step brings the schema one version up, in one transaction
// with the new version number, so a database is always at exactly one version.
//
// runs:     one row per run: what it was (plugin, kind, start, target), its header (info),
//           settings and summary as JSON, its JSON report as rendered, and `bytes`, the
//           size of everything it stores (what HistoryLimits::maxBytes bounds).
// requests: one row per request of a run (deleted with it): the RunRecord as JSON and the
//           request and response bodies as BLOBs, exact bytes.
// options:  key/value settings of the history itself (the limits).
class HistorySchema
{
public:
    static constexpr int kVersion = 1;

    // Creates the tables of a new database or migrates an older one. Returns an empty
    // string on success, else what went wrong (SQLite's words).
    static QString prepare(QSqlDatabase &database);
};

} // namespace studio
