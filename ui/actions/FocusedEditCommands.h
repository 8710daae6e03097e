#pragma once

#include "ActionRegistry.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace studio {

// Cut, Copy and Paste of the Edit menu act on whichever text field or editor has focus
// (line edits, text edits, the QScintilla editors all have these slots), and are enabled
// only where they mean something.
class FocusedEditCommands : public QObject
{
    Q_OBJECT

public:
    FocusedEditCommands(ActionRegistry &actions, QWidget *window);

private:
    void update(QWidget *focus);

    QPointer<ActionRegistry> m_actions; // focus still moves while the window is torn down
};

} // namespace studio
