#include "HistoryActions.h"

#include "SessionController.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"

#include <QAction>
#include <QUndoStack>

namespace studio {

HistoryActions::HistoryActions(QAction *undo, QAction *redo, DocumentSession &session,
                               SessionController &controller)
    : QObject(undo)
    , m_undo(undo)
    , m_redo(redo)
    , m_session(session)
    , m_controller(controller)
{
    QUndoStack *history = session.document()->undoStack();
    connect(m_undo, &QAction::triggered, this, &HistoryActions::undo);
    connect(m_redo, &QAction::triggered, history, &QUndoStack::redo);
    // Every change of the stack moves its index or clears it (clean changes aside).
    connect(history, &QUndoStack::indexChanged, this, &HistoryActions::update);
    connect(history, &QUndoStack::canUndoChanged, this, &HistoryActions::update);
    connect(history, &QUndoStack::undoTextChanged, this, &HistoryActions::update);
    connect(&session, &DocumentSession::sourceChanged, this, &HistoryActions::update);
    connect(&controller, &SessionController::newPluginChanged, this, &HistoryActions::update);
    update();
}

void HistoryActions::undo()
{
    QUndoStack *history = m_session.document()->undoStack();
    if (history->canUndo())
        history->undo();
    else
        m_controller.undoNewPlugin();
}

void HistoryActions::update()
{
    const QUndoStack *history = m_session.document()->undoStack();
    const bool newPlugin = !history->canUndo() && m_controller.canUndoNewPlugin();
    const QString undoText = newPlugin ? tr("New Plugin") : history->undoText();
    m_undo->setEnabled(history->canUndo() || newPlugin);
    m_undo->setText(undoText.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(undoText));
    m_redo->setEnabled(history->canRedo());
    m_redo->setText(history->redoText().isEmpty() ? tr("&Redo")
                                                  : tr("&Redo %1").arg(history->redoText()));
}

} // namespace studio
