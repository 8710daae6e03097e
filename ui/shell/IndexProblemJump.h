#pragma once

#include "diagnostics/Diagnostic.h"

#include <QObject>

#include <functional>
#include <optional>

namespace studio {

class DocumentSession;
class SessionController;

// Goes to a finding of the whole index: opens its entry (asking about unsaved changes as a
// click in the entry list does), waits for that entry's own validation, and shows the same
// finding there, its span selected and its field focused.
class IndexProblemJump : public QObject
{
    Q_OBJECT

public:
    using Show = std::function<void(const Diagnostic &)>;

    IndexProblemJump(DocumentSession &session, SessionController &controller, Show show,
                     QObject *parent = nullptr);

    void go(const Diagnostic &inIndex);

signals:
    // Why the finding could not be shown (the user stayed, the entry no longer has it).
    void message(const QString &text);

private:
    void reportReady();
    void showPending();

    DocumentSession &m_session;
    SessionController &m_controller;
    Show m_show;
    std::optional<Diagnostic> m_pending;
};

} // namespace studio
