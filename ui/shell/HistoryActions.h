#pragma once

#include <QObject>

class QAction;
class QUndoGroup;

namespace studio {

class DocumentSession;
class SessionController;

// Edit > Undo and Redo: the history of the document worked on (the group's active stack:
// the manifest, or the setup instructions in their tab), named after the step ("Undo Edit
// name"), and below the first step of a new plugin the new plugin itself ("Undo New
// Plugin", SessionController::undoNewPlugin).
class HistoryActions : public QObject
{
    Q_OBJECT

public:
    // Lives as long as the Undo action (the window's actions go before its session).
    HistoryActions(QAction *undo, QAction *redo, QUndoGroup &history, DocumentSession &session,
                   SessionController &controller);

private:
    void undo();
    void update();
    // Nothing left to undo in the new plugin's own history: the plugin itself is next.
    bool undoesNewPlugin() const;

    QAction *m_undo;
    QAction *m_redo;
    QUndoGroup &m_history;
    DocumentSession &m_session;
    SessionController &m_controller;
};

} // namespace studio
