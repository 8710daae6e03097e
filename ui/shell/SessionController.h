#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace studio {

class DocumentSession;
struct DocumentSource;
class Autosave;
class StudioSettings;

// The file side of the window: opening, saving, recent files, the unsaved-changes prompts
// and the recovery offer after a crash. It asks the user through dialogs parented to the
// window, and leaves the reading and writing to the session.
class SessionController : public QObject
{
    Q_OBJECT

public:
    SessionController(DocumentSession &session, Autosave &recovery, StudioSettings &settings,
                      QWidget *window);

    // PATH from the command line; else the last file of the previous run; else the samples.
    void openInitial(const QString &path);
    // Offers to restore the edits a studio that did not close properly left behind.
    void offerRecovery();
    // Opens the document a recovery record belongs to, after the unsaved-changes prompts;
    // false when the user chose to stay or it cannot be opened any more.
    bool reopenForRecovery(const DocumentSource &source);
    // Before the window closes: false when the user chose to stay.
    bool confirmClose();

    void newPlugin();
    void open();
    void openRepository();
    void openPath(const QString &path);
    void chooseEntry(std::size_t position);
    bool save();
    bool saveAs();
    void closeDocument();

    // Other unsaved work that leaving the document would drop (the setup instructions):
    // asked after the document's own prompt; returns false when the user chose to stay.
    void setLeavingGuard(std::function<bool(const QString &action)> guard);

    // Object name of the recovery question, so tests can find and answer it.
    static const char *const kRecoveryPromptName;

signals:
    void message(const QString &text);
    void recentFilesChanged();

private:
    bool confirmLeaving(const QString &action);
    bool reopen(const DocumentSource &source);
    void reportError(const QString &title, const QString &error);
    void remember(const QString &path);

    DocumentSession &m_session;
    Autosave &m_recovery;
    StudioSettings &m_settings;
    QPointer<QWidget> m_window;
    std::function<bool(const QString &action)> m_leavingGuard;
};

} // namespace studio
