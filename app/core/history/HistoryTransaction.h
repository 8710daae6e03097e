#pragma once

#include <QSqlDatabase>
#include <QSqlError>

namespace studio {

// One write to the history as one SQLite transaction: BEGIN IMMEDIATE takes the write lock
// at once (waiting at most the connection's busy timeout), so a busy database fails before
// anything is written, and a process killed midway leaves the database as it was. Rolls
// back unless committed.
class HistoryTransaction
{
public:
    explicit HistoryTransaction(QSqlDatabase database);
    ~HistoryTransaction();
    HistoryTransaction(const HistoryTransaction &) = delete;
    HistoryTransaction &operator=(const HistoryTransaction &) = delete;

    bool begin();
    bool commit();
    const QSqlError &error() const { return m_error; }

private:
    bool execute(const QString &statement);

    QSqlDatabase m_database;
    QSqlError m_error;
    bool m_open = false;
};

} // namespace studio
