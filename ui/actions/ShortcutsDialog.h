#pragma once

#include <QDialog>

class QLineEdit;
class QTreeWidget;

namespace studio {

class ActionRegistry;

// Help > Keyboard Shortcuts: every action of the registry with its keys, by menu or view,
// made from the actions themselves so it always tells the keys the studio really has.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(const ActionRegistry &actions, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }
    QLineEdit *filterField() const { return m_filter; }

private:
    void applyFilter(const QString &text);

    QLineEdit *m_filter;
    QTreeWidget *m_tree;
};

} // namespace studio
