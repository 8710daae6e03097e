#include "EntryFilterModel.h"

#include "EntryListModel.h"

namespace studio {

EntryFilterModel::EntryFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setFilterRole(EntryListModel::SearchTextRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void EntryFilterModel::setErrorsOnly(bool errorsOnly)
{
    if (errorsOnly == m_errorsOnly)
        return;
    m_errorsOnly = errorsOnly;
    invalidateRowsFilter();
}

void EntryFilterModel::setPinnedPosition(std::optional<std::size_t> position)
{
    if (position == m_pinned)
        return;
    m_pinned = position;
    if (m_errorsOnly)
        invalidateRowsFilter();
}

bool EntryFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent))
        return false;
    if (!m_errorsOnly)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_pinned && index.data(EntryListModel::PositionRole).toULongLong() == *m_pinned)
        return true;
    return index.data(EntryListModel::ErrorsRole).toInt() > 0;
}

} // namespace studio
