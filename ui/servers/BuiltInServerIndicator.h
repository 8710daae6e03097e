#pragma once

#include <QToolButton>

class QAction;

namespace studio {

class BuiltInServer;

// The built-in plugin server in the status bar: a few words on its state ("Built-in plugins:
// 127.0.0.1:8780", "... stopped", "... port 8780 in use"), a tooltip listing the endpoints
// and what each answers, and on a click a menu with the action that starts or stops it and
// one that copies its address.
class BuiltInServerIndicator : public QToolButton
{
    Q_OBJECT

public:
    BuiltInServerIndicator(BuiltInServer *server, QAction *toggle, QWidget *parent = nullptr);

    // The tooltip's text (rich text), for the state shown.
    static QString describe(const BuiltInServer &server);

private:
    void refresh();

    BuiltInServer *m_server;
    QAction *m_copy;
};

} // namespace studio
