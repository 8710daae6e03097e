#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>

class QWidget;

namespace studio {

class DocumentSession;
class Autosave;
class InstructionsDocument;
class SessionController;
struct RecoveryRecord;

// Keeps unsaved setup-instructions edits safe across a crash: autosaves the document's
// text as a draft (autosaveInstructions), and offers a draft a studio that did not close
// properly left behind, at start and whenever its file opens. Restoring reopens the plugin
// it belongs to.
class InstructionsRecovery : public QObject
{
    Q_OBJECT

public:
    InstructionsRecovery(InstructionsDocument &instructions, DocumentSession &session,
                         SessionController &controller, QWidget *window);

    Autosave *drafts() const { return m_drafts; }
    void setDelay(int milliseconds);

    // At start, after the manifest's own offer: offers the newest draft left behind.
    void offerPending();

    // Object name of the question, so tests can find and answer it.
    static const char *const kPromptName;

signals:
    void message(const QString &text);

private:
    void offerForOpenFile();
    void offer(const RecoveryRecord &draft);
    void restore(const RecoveryRecord &draft);
    // Puts the draft in the instructions editor, once its plugin is the open one.
    void restoreHere(const RecoveryRecord &draft);

    InstructionsDocument &m_instructions;
    DocumentSession &m_session;
    SessionController &m_controller;
    QPointer<QWidget> m_window;
    Autosave *m_drafts = nullptr;
    bool m_started = false;
    bool m_offering = false;
    QSet<QString> m_postponed; // files whose drafts the user said "not now" to
};

} // namespace studio
