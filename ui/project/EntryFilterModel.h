#pragma once

#include <QSortFilterProxyModel>

#include <optional>

namespace studio {

// The entries the picker shows: those matching the typed text (name, id or author) and,
// when asked, only those with errors. The entry being edited always stays, so fixing its
// last error does not pull it from under the user.
class EntryFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit EntryFilterModel(QObject *parent = nullptr);

    void setErrorsOnly(bool errorsOnly);
    bool errorsOnly() const { return m_errorsOnly; }
    // The position in the index of the entry being edited, or nothing.
    void setPinnedPosition(std::optional<std::size_t> position);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_errorsOnly = false;
    std::optional<std::size_t> m_pinned;
};

} // namespace studio
