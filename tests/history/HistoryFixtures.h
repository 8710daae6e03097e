#pragma once

// Runs for the history tests: real runs of the engine against the loopback server, and
// small hand-made runs where only their dates, plugins and sizes matter.

#include "RunHarness.h"
#include "history/RunHistory.h"
#include "http/HttpClient.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace studio::test {

// A run with no requests, started at `startedAt`, for tests of order, filters and limits.
inline StoredRun plainRun(const QString &pluginId, const QDateTime &startedAt)
{
    StoredRun run;
    run.kind = RunKind::Memory;
    run.info.pluginId = pluginId;
    run.info.pluginName = pluginId.toUpper();
    run.info.trigger = QStringLiteral("memory_creation");
    run.info.startedAt = startedAt;
    run.settings.url = QStringLiteral("http://127.0.0.1:9/") + pluginId;
    run.report = "{}\n";
    return run;
}

// A run whose one answer carries `responseBytes` bytes: what makes a history large.
inline StoredRun bulkyRun(const QDateTime &startedAt, qsizetype responseBytes)
{
    StoredRun run = plainRun(QStringLiteral("bulky"), startedAt);
    RunRecord record;
    record.label = QStringLiteral("memory");
    record.result.request.body = "{}";
    record.result.status = 200;
    record.result.body = QByteArray(responseBytes, 'x');
    run.records.append(record);
    return run;
}

inline QDateTime at(int minute)
{
    return QDateTime(QDate(2024, 9, 1), QTime(10, minute), Qt::UTC);
}

// The engine's run of `plan`, to its end, as the history keeps it.
inline StoredRun finishedRun(const SimulationPlan &plan, const RunThresholds &thresholds = {})
{
    HttpClient client;
    SimulationRun run(plan, &client);
    if (!runToEnd(run))
        qWarning("the run did not finish");
    return StoredRun::ofSimulation(run.plan(), run.runInfo(), run.records(), thresholds);
}

// Runs SQL on the history file through a connection of the test's own, as another process
// would. Returns the error text, empty on success.
class RawDatabase
{
public:
    explicit RawDatabase(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(quintptr(this)))
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        database.setDatabaseName(path);
        database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=100"));
        database.open();
    }
    ~RawDatabase()
    {
        {
            QSqlDatabase database = QSqlDatabase::database(m_name, false);
            database.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    RawDatabase(const RawDatabase &) = delete;
    RawDatabase &operator=(const RawDatabase &) = delete;

    QString exec(const QString &statement)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        return query.exec(statement) ? QString() : query.lastError().text();
    }

    // The first column of the first row, as a number; -1 on error.
    qint64 number(const QString &statement)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        return query.exec(statement) && query.next() ? query.value(0).toLongLong() : -1;
    }

private:
    QString m_name;
};

} // namespace studio::test
