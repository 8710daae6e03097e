#pragma once

#include <QObject>

class QWidget;

namespace studio {

class ActionRegistry;

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

    ActionRegistry &m_actions;
};

} // namespace studio
