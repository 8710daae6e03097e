#pragma once

#include <QObject>

namespace studio {

class ActionRegistry;
class DocumentSession;

// Where the open plugin lives, for work outside the studio: Reveal in File Manager opens
// its folder; Copy Validate / Simulate Command put the exact plugin-studio command for it
// on the clipboard. Each is enabled only when it has something to act on.
class PluginLocationActions : public QObject
{
    Q_OBJECT

public:
    PluginLocationActions(ActionRegistry &actions, DocumentSession &session, QObject *parent);

    // The folder Reveal opens: the repository, else the manifest's folder; empty if none.
    QString folder() const;
    QString validateCommand() const;
    QString simulateCommand() const;

signals:
    void message(const QString &text);

private:
    void update();
    void copy(const QString &command);

    ActionRegistry &m_actions;
    DocumentSession &m_session;
};

} // namespace studio
