#pragma once

#include "ActionRegistry.h"

#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QPointer>

class QKeyEvent;
class QWidget;

namespace studio {

// Lets the window's own keys reach its actions whichever text field has focus. A field asks
// for the keys it binds before any shortcut sees them; under the X11 key scheme a line edit
// binds Ctrl+E ("end of line"), so Export did nothing while a form field had focus. Editing keys
// (undo, redo, clipboard, select all) stay with the field: the form routes its undo keys to the
// document, other editors keep their own history.
class WindowKeysFirst : public QObject
{
    Q_OBJECT

public:
    // Watches the application's key events for the widgets of `window`.
    WindowKeysFirst(const ActionRegistry &actions, QWidget *window);
    ~WindowKeysFirst() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool isWindowKey(const QKeyEvent &event) const;

    QPointer<const ActionRegistry> m_actions;
    QPointer<QWidget> m_window;
    QList<QKeySequence> m_editingKeys;
};

} // namespace studio
