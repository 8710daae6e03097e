#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;

namespace studio {

class EntryListModel;

// The entries of the open repository: a filter field and the list. Choosing an entry
// asks to open it; the caller handles unsaved changes first.
class EntryPicker : public QWidget
{
    Q_OBJECT

public:
    explicit EntryPicker(EntryListModel *model, QWidget *parent = nullptr);

    // Highlights the row of the entry at `position` of the index (-1: none).
    void setCurrentPosition(int position);
    void setRepositoryName(const QString &name);
    QListView *list() const { return m_list; }

signals:
    void entryChosen(std::size_t position);
    void newPluginRequested();

private:
    EntryListModel *m_model;
    QSortFilterProxyModel *m_filter;
    QLineEdit *m_search;
    QLabel *m_title;
    QListView *m_list;
};

} // namespace studio
