#pragma once

#include <QObject>

class QAction;

namespace studio {

class DocumentSession;
class SessionController;

// Edit > Undo and Redo: the open document's history, named after the step ("Undo Edit
// name"), and below the first step of a new plugin the new plugin itself ("Undo New
// Plugin", SessionController::undoNewPlugin).
class HistoryActions : public QObject
{
    Q_OBJECT

public:
    // Lives as long as the Undo action (the window's actions go before its session).
    HistoryActions(QAction *undo, QAction *redo, DocumentSession &session,
                   SessionController &controller);

private:
    void undo();
    void update();

    QAction *m_undo;
    QAction *m_redo;
    DocumentSession &m_session;
    SessionController &m_controller;
};

} // namespace studio
