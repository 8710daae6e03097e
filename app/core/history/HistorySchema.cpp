#include "HistorySchema.h"

#include "HistoryTransaction.h"

#include <QSqlQuery>

#include <array>

namespace studio {

namespace {

// Step n brings a database from version n - 1 to version n.
const std::array<QStringList, HistorySchema::kVersion> kSteps{{
    {
        QStringLiteral("CREATE TABLE runs ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " plugin_id TEXT, plugin_name TEXT, kind TEXT, started_at TEXT,"
                       " url TEXT, info TEXT, settings TEXT, summary TEXT, report TEXT,"
                       " bytes INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX runs_by_start ON runs (started_at, id)"),
        QStringLiteral("CREATE INDEX runs_by_plugin ON runs (plugin_id, started_at, id)"),
        QStringLiteral("CREATE TABLE requests ("
                       " run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,"
                       " position INTEGER NOT NULL,"
                       " record TEXT, request_body BLOB, response_body BLOB,"
                       " PRIMARY KEY (run_id, position))"),
        QStringLiteral("CREATE TABLE options (key TEXT PRIMARY KEY, value TEXT)"),
    },
}};

QString errorText(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

// -1 when the database has no schema yet.
int storedVersion(QSqlDatabase &database, QString &error)
{
    QSqlQuery query(database);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                   "AND name = 'schema_version'")) ||
        !query.next()) {
        error = errorText(query.lastError());
        return -1;
    }
    if (query.value(0).toInt() == 0)
        return 0;
    if (!query.exec(QStringLiteral("SELECT max(version) FROM schema_version")) || !query.next()) {
        error = errorText(query.lastError());
        return -1;
    }
    return query.value(0).toInt();
}

QString migrate(QSqlDatabase &database, int from)
{
    HistoryTransaction transaction(database);
    if (!transaction.begin())
        return errorText(transaction.error());
    QSqlQuery query(database);
    // Another process may have migrated while this one waited for the lock.
    QString error;
    const int current = storedVersion(database, error);
    if (!error.isEmpty())
        return error;
    if (current != from)
        return current == HistorySchema::kVersion ? QString() : QStringLiteral("schema changed");
    QStringList statements;
    if (from == 0)
        statements << QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)");
    for (int step = from; step < HistorySchema::kVersion; ++step)
        statements << kSteps.at(std::size_t(step));
    statements << QStringLiteral("DELETE FROM schema_version")
               << QStringLiteral("INSERT INTO schema_version (version) VALUES (%1)")
                      .arg(HistorySchema::kVersion);
    for (const QString &statement : statements) {
        if (!query.exec(statement))
            return errorText(query.lastError());
    }
    if (!transaction.commit())
        return errorText(transaction.error());
    return {};
}

} // namespace

QString HistorySchema::prepare(QSqlDatabase &database)
{
    QString error;
    const int version = storedVersion(database, error);
    if (!error.isEmpty())
        return error;
    if (version > kVersion)
        return QStringLiteral("it was written by a newer Plugin Studio (schema version %1; this "
                              "one knows up to %2)")
            .arg(version)
            .arg(kVersion);
    if (version == kVersion)
        return {};
    if (version == 0) {
        // Only takes effect before the first table exists: every commit that deletes runs
        // then gives their pages back, so the file shrinks with the history.
        QSqlQuery(database).exec(QStringLiteral("PRAGMA auto_vacuum = FULL"));
    }
    return migrate(database, version);
}

} // namespace studio
