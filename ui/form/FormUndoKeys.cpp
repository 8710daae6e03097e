#include "FormUndoKeys.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QWidget>

namespace studio {

namespace {

bool isHistoryKey(const QKeyEvent *event)
{
    const QKeyCombination combination = event->keyCombination();
    return event->matches(QKeySequence::Undo) || event->matches(QKeySequence::Redo) ||
           combination == QKeyCombination(Qt::ControlModifier, Qt::Key_Y) ||
           combination == QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_Z);
}

} // namespace

void FormUndoKeys::routeToDocument(QWidget *editor)
{
    editor->installEventFilter(instance());
}

FormUndoKeys *FormUndoKeys::instance()
{
    static FormUndoKeys *filter = new FormUndoKeys(QCoreApplication::instance());
    return filter;
}

bool FormUndoKeys::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride &&
        isHistoryKey(static_cast<QKeyEvent *>(event))) {
        // Not claimed by the editor: the shortcut goes to the window's Undo / Redo.
        event->ignore();
        return true;
    }
    if (event->type() == QEvent::KeyPress && isHistoryKey(static_cast<QKeyEvent *>(event))) {
        event->ignore();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace studio
