#include "HistoryTransaction.h"

#include <QSqlQuery>

namespace studio {

HistoryTransaction::HistoryTransaction(QSqlDatabase database)
    : m_database(std::move(database))
{}

HistoryTransaction::~HistoryTransaction()
{
    if (m_open)
        execute(QStringLiteral("ROLLBACK"));
}

bool HistoryTransaction::begin()
{
    m_open = execute(QStringLiteral("BEGIN IMMEDIATE"));
    return m_open;
}

bool HistoryTransaction::commit()
{
    if (!m_open)
        return false;
    m_open = false;
    if (execute(QStringLiteral("COMMIT")))
        return true;
    execute(QStringLiteral("ROLLBACK"));
    return false;
}

bool HistoryTransaction::execute(const QString &statement)
{
    QSqlQuery query(m_database);
    if (query.exec(statement))
        return true;
    m_error = query.lastError();
    return false;
}

} // namespace studio
