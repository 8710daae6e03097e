#pragma once

#include "HistoryLimits.h"
#include "HistoryLocation.h"
#include "HistoryResult.h"
#include "RunListing.h"
#include "StoredRun.h"

#include <QList>
#include <QString>

namespace studio {

// Every run of the studio and of `plugin-studio simulate` / `check-setup`, kept in one
// SQLite database (Qt SQL) in the user's data folder (see HistoryLocation).
//
// Why SQLite: the command line and the window write to it concurrently and both list it by
// plugin and date; one file with transactions survives a killed process (a run is written
// in one transaction: all of it or nothing), and listing reads small rows without touching
// request bodies. What is stored: each run's JSON report as it was rendered (what `runs
// show` prints and `runs export --report` writes, byte for byte), every request as a full
// RunRecord (headers, timings, verdict: what HAR, JUnit and the inspector need, which the
// report leaves out) and both bodies as exact bytes (a rerun sends the very same bytes),
// plus the plan's settings so a rerun rebuilds the plan. The report duplicates a little of
// the records; it is small next to the bodies and spares a re-rendering that could drift.
//
// Nothing here throws or stops a run: a corrupt, unreadable, read-only or locked database
// gives a result whose error says what failed and where, and the caller reports it and
// goes on. Writing waits at most `busyTimeoutMs` for another process's write lock.
//
// Each instance has its own named connection (never Qt's default one) and must be used on
// the thread that created it; a worker thread makes its own RunHistory. Reading a history
// that does not exist yet gives an empty list and creates nothing.
class RunHistory
{
public:
    static constexpr int kDefaultBusyTimeoutMs = 2000;

    explicit RunHistory(QString path = HistoryLocation::defaultPath(),
                        int busyTimeoutMs = kDefaultBusyTimeoutMs);
    ~RunHistory();
    RunHistory(const RunHistory &) = delete;
    RunHistory &operator=(const RunHistory &) = delete;

    const QString &path() const { return m_path; }

    // Keeps a finished run; returns its id.
    HistoryResult<qint64> record(const StoredRun &run);
    // The runs, newest first, of one plugin or (empty filter) of all; no requests.
    HistoryResult<QList<RunListing>> list(const QString &pluginId = {});
    // A run with every request and body.
    HistoryResult<StoredRun> load(qint64 id);
    HistoryStatus remove(qint64 id);
    // Removes the oldest runs until at most limits.maxRuns remain and they store at most
    // limits.maxBytes; the newest run always stays. Returns how many went.
    HistoryResult<int> prune(const HistoryLimits &limits);

    // The limits kept in the database (the defaults until set).
    HistoryResult<HistoryLimits> limits();
    HistoryStatus setLimits(const HistoryLimits &limits);

private:
    HistoryStatus open();
    bool exists() const;
    QString failure(const QString &what, const QString &why) const;

    QString m_path;
    int m_busyTimeoutMs;
    QString m_connectionName;
    bool m_open = false;
};

} // namespace studio
