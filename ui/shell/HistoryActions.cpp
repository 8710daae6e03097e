#include "HistoryActions.h"

#include "SessionController.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"

#include <QAction>
#include <QUndoGroup>
#include <QUndoStack>

namespace studio {

HistoryActions::HistoryActions(QAction *undo, QAction *redo, QUndoGroup &history,
                               DocumentSession &session, SessionController &controller)
    : QObject(undo)
    , m_undo(undo)
    , m_redo(redo)
    , m_history(history)
    , m_session(session)
    , m_controller(controller)
{
    connect(m_undo, &QAction::triggered, this, &HistoryActions::undo);
    connect(m_redo, &QAction::triggered, &history, &QUndoGroup::redo);
    // Every change of the active stack moves its index or clears it (clean changes aside).
    connect(&history, &QUndoGroup::activeStackChanged, this, &HistoryActions::update);
    connect(&history, &QUndoGroup::indexChanged, this, &HistoryActions::update);
    connect(&history, &QUndoGroup::canUndoChanged, this, &HistoryActions::update);
    connect(&history, &QUndoGroup::undoTextChanged, this, &HistoryActions::update);
    connect(&session, &DocumentSession::sourceChanged, this, &HistoryActions::update);
    connect(&controller, &SessionController::newPluginChanged, this, &HistoryActions::update);
    update();
}

bool HistoryActions::undoesNewPlugin() const
{
    return m_history.activeStack() == m_session.document()->undoStack() &&
           !m_history.canUndo() && m_controller.canUndoNewPlugin();
}

void HistoryActions::undo()
{
    if (undoesNewPlugin())
        m_controller.undoNewPlugin();
    else
        m_history.undo();
}

void HistoryActions::update()
{
    const bool newPlugin = undoesNewPlugin();
    const QString undoText = newPlugin ? tr("New Plugin") : m_history.undoText();
    m_undo->setEnabled(m_history.canUndo() || newPlugin);
    m_undo->setText(undoText.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(undoText));
    m_redo->setEnabled(m_history.canRedo());
    m_redo->setText(m_history.redoText().isEmpty() ? tr("&Redo")
                                                   : tr("&Redo %1").arg(m_history.redoText()));
}

} // namespace studio
