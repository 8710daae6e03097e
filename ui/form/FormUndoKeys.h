#pragma once

#include <QObject>

class QWidget;

namespace studio {

// Line and text editors keep their own little undo history and claim Ctrl+Z for it. In
// the form that would be a second history beside the document's, so this filter lets
// undo and redo keys through to the window's actions, which undo the document.
class FormUndoKeys : public QObject
{
    Q_OBJECT

public:
    static void routeToDocument(QWidget *editor);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
    static FormUndoKeys *instance();
};

} // namespace studio
