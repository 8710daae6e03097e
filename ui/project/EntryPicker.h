#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListView;

namespace studio {

class EntryFilterModel;
class EntryListModel;

// The entries of the open repository: a filter field, "only entries with errors", the list
// and a line saying whether the index is being checked. Choosing an entry asks to open it;
// the caller handles unsaved changes first.
class EntryPicker : public QWidget
{
    Q_OBJECT

public:
    explicit EntryPicker(EntryListModel *model, QWidget *parent = nullptr);

    // Highlights the row of the entry at `position` of the index (-1: none).
    void setCurrentPosition(int position);
    void setRepositoryName(const QString &name);
    // What the whole index's validation is doing ("Checking 40 of 98 entries…"); empty
    // hides the line.
    void setIndexStatus(const QString &text);
    void setErrorsOnly(bool errorsOnly);
    QListView *list() const { return m_list; }
    QCheckBox *errorsOnlyBox() const { return m_errorsOnly; }

signals:
    void entryChosen(std::size_t position);
    void newPluginRequested();

private:
    void updateErrorsOnlyText();

    EntryListModel *m_model;
    EntryFilterModel *m_filter;
    QLineEdit *m_search;
    QCheckBox *m_errorsOnly;
    QLabel *m_title;
    QLabel *m_status;
    QListView *m_list;
};

} // namespace studio
